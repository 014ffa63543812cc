import { say } from '../i18n/say';
import type { RelatedResource, Resource, ResolvedColumn, SortSpec } from '../resources/types';
import { BY_KEY, decodeCursor, type CursorValues } from './cursor';
import { ListQueryError, type QueryProblem } from './errors';
import { endOfDay, isDateOnly } from '../values/datetime';
import { storableText } from '../values/text';
import { parseValue } from './values';
import { MAX_SORT_COLUMNS, splitSortParam } from '../shared/sort-param';

export type Filter =
  | { column: ResolvedColumn; kind: 'equals'; value: unknown }
  | { column: ResolvedColumn; kind: 'oneOf'; values: unknown[] }
  | { column: ResolvedColumn; kind: 'range'; min?: unknown; max?: unknown }
  | { column: ResolvedColumn; kind: 'isNull'; isNull: boolean }
  /** `has.orders=true`: rows some row of a referring resource points at (`column` is the referenced one here). */
  | { column: ResolvedColumn; kind: 'related'; related: RelatedResource; exists: boolean };

/** The list state a URL describes, validated against one resource. */
export interface ListQuery {
  /** One to MAX_SORT_COLUMNS columns; the primary key breaks the remaining ties (see build-sql.ts). */
  sort: SortSpec[];
  search: string | undefined;
  filters: Filter[];
  /** Keyset position: rows after (next page) or before (previous page) these key values. */
  cursor: { direction: 'after' | 'before'; values: CursorValues } | undefined;
  /** 1-based page for jump-to-page (OFFSET); only when asked for. */
  page: number | undefined;
  /**
   * Keyless resources only: the first row's position (OFFSET). Their cursors carry a position
   * instead of key values, since no set of values names one row.
   */
  position?: number;
  pageSize: number;
  columns: ResolvedColumn[];
  /**
   * `count=`: how the rows are counted. `auto` (absent): exact when cheap, else the planner's
   * estimate (see countRows in run-list.ts); `none`: no count statement; `estimate`: never an
   * exact count beyond the small-table rule; `exact`: exact whatever it costs.
   */
  count: CountMode;
  /** Show soft-deleted rows only (the trash) instead of hiding them. */
  trash: boolean;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export const COUNT_MODES = ['none', 'estimate', 'exact'] as const;
export type CountMode = 'auto' | (typeof COUNT_MODES)[number];

/** `count=none|estimate|exact` (absent: auto); an unknown value is a problem in words. */
export function parseCountMode(raw: string | undefined, problems: QueryProblem[]): CountMode {
  if (raw === undefined) return 'auto';
  if ((COUNT_MODES as readonly string[]).includes(raw)) return raw as CountMode;
  problems.push({ param: 'count', message: say('list.countMode', { raw: raw.slice(0, 60) }) });
  return 'auto';
}

const MAX_PAGE_SIZE = 500;
// `pn` is the page number the browser shows while paging by cursor; the SQL ignores it.
const KNOWN = new Set(['sort', 'q', 'after', 'before', 'page', 'size', 'cols', 'count', 'trash', 'pn']);

function single(params: SearchParams, key: string, problems: QueryProblem[]): string | undefined {
  const value = params[key];
  if (Array.isArray(value)) {
    problems.push({ param: key, message: say('list.givenTwice') });
    return value[0];
  }
  return value === '' ? undefined : value;
}

/**
 * `sort=-status,total_cents`: one to MAX_SORT_COLUMNS columns, each sortable as this operator
 * sees the resource (a masked column is not) and named once. Every problem is reported.
 */
function parseSort(resource: Resource, raw: string | undefined, problems: QueryProblem[]): SortSpec[] {
  if (raw === undefined) return resource.defaultSort;
  // The one-column sort every page starts with: no list to split.
  if (!raw.includes(',')) {
    const name = raw.replace(/^[-+]/, '');
    const column = resource.columns.find((c) => c.name === name);
    if (column?.sortable) return [{ column: name, direction: raw.startsWith('-') ? 'desc' : 'asc' }];
  }
  const entries = splitSortParam(raw);
  const before = problems.length;
  if (entries.length > MAX_SORT_COLUMNS) problems.push({ param: 'sort', message: say('list.tooManySorts', { max: MAX_SORT_COLUMNS, given: entries.length }) });
  if (entries.some((e) => e.column === '')) problems.push({ param: 'sort', message: say('list.emptySortColumn') });
  const named = entries.filter((e) => e.column !== '');
  const unknown = [...new Set(named.map((e) => e.column).filter((name) => !resource.columns.find((c) => c.name === name)?.sortable))].slice(0, 10);
  if (unknown.length > 0) {
    const sortable = resource.columns.filter((c) => c.sortable).map((c) => c.name);
    const quoted = unknown.map((name) => `"${name.slice(0, 60)}"`);
    const names = quoted.length === 1 ? quoted[0]! : say('list.namesAnd', { head: quoted.slice(0, -1).join(', '), last: quoted.at(-1)! });
    problems.push({ param: 'sort', message: say('list.notSortable', { count: quoted.length, names, sortable: sortable.join(', ') }) });
  }
  const repeated = [...new Set(named.filter((e, i) => named.findIndex((o) => o.column === e.column) !== i).map((e) => e.column))].slice(0, 10);
  if (repeated.length > 0)
    problems.push({ param: 'sort', message: say('list.sortRepeated', { names: repeated.map((name) => `"${name.slice(0, 60)}"`).join(', ') }) });
  return problems.length > before ? resource.defaultSort : entries;
}

/** `f.<column>` (equals / one-of), `f.<column>.min|max` (range), `f.<column>.null` (is null). */
function parseFilter(resource: Resource, key: string, raw: string, problems: QueryProblem[]): Filter | undefined {
  const [, name, op] = /^f\.([^.]+)(?:\.(min|max|null))?$/.exec(key) ?? [];
  const column = resource.columns.find((c) => c.name === name);
  if (!column) {
    problems.push({ param: key, message: say('list.notAColumn', { name: (name ?? key).slice(0, 60), resource: resource.title }) });
    return undefined;
  }
  const fail = (message: string) => {
    problems.push({ param: key, message });
    return undefined;
  };
  if (op === 'null') {
    if (!['true', 'false'].includes(raw)) return fail(say('list.trueOrFalse'));
    return { column, kind: 'isNull', isNull: raw === 'true' };
  }
  if (!column.filter) return fail(say('list.notFilterable', { column: column.label }));
  if (op === 'min' || op === 'max') {
    if (column.filter !== 'range') return fail(say('list.noRangeFilter', { column: column.label }));
    const parsed = parseValue(column, raw);
    if (!parsed.ok) return fail(parsed.message);
    // A date alone bounding a date-time means that whole day: from its first instant to its last.
    const bound = (column.type === 'datetime' || column.type === 'timestamp') && op === 'max' && isDateOnly(raw) ? endOfDay(raw) : parsed.value;
    return { column, kind: 'range', [op]: bound };
  }
  if (column.filter === 'oneOf') {
    const values: unknown[] = [];
    for (const part of raw.split(',')) {
      const parsed = parseValue(column, part);
      if (!parsed.ok) return fail(parsed.message);
      values.push(parsed.value);
    }
    return { column, kind: 'oneOf', values };
  }
  const parsed = parseValue(column, raw);
  if (!parsed.ok) return fail(parsed.message);
  return { column, kind: 'equals', value: parsed.value };
}

/** Merges min and max of the same column into one range filter. */
function mergeRanges(filters: Filter[]): Filter[] {
  const out: Filter[] = [];
  for (const f of filters) {
    const previous = out.find((o) => o.kind === 'range' && f.kind === 'range' && o.column === f.column);
    if (previous && previous.kind === 'range' && f.kind === 'range') Object.assign(previous, f.min !== undefined ? { min: f.min } : { max: f.max });
    else out.push({ ...f });
  }
  return out;
}

/**
 * Validates every parameter against the resource and collects all problems, so one 400
 * lists everything that was wrong. No SQL is built until this succeeds.
 */
export function parseListQuery(resource: Resource, params: SearchParams): ListQuery {
  const problems: QueryProblem[] = [];
  // Refused here in words: sent on, the database's refusal ("invalid byte sequence") was a 500.
  for (const [key, value] of Object.entries(params)) {
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && !storableText(v))) {
      problems.push({ param: key.slice(0, 60), message: say('list.unstorable') });
    }
  }
  const sort = parseSort(resource, single(params, 'sort', problems), problems);

  const search = single(params, 'q', problems)?.trim();
  if (search && search.length > 200) problems.push({ param: 'q', message: say('list.searchTooLong', { max: 200 }) });
  if (search && !resource.columns.some((c) => c.searchable)) problems.push({ param: 'q', message: say('list.notSearchable', { resource: resource.title }) });

  const sizeRaw = single(params, 'size', problems);
  let pageSize = resource.pageSize;
  if (sizeRaw !== undefined) {
    if (!/^\d{1,4}$/.test(sizeRaw) || Number(sizeRaw) < 1 || Number(sizeRaw) > MAX_PAGE_SIZE)
      problems.push({ param: 'size', message: say('list.pageSize', { max: MAX_PAGE_SIZE }) });
    else pageSize = Number(sizeRaw);
  }

  const pageRaw = single(params, 'page', problems);
  let page: number | undefined;
  if (pageRaw !== undefined) {
    if (!/^\d{1,9}$/.test(pageRaw) || Number(pageRaw) < 1) problems.push({ param: 'page', message: say('list.page') });
    else page = Number(pageRaw);
  }

  const after = single(params, 'after', problems);
  const before = single(params, 'before', problems);
  let cursor: ListQuery['cursor'];
  if ([after, before, page].filter((v) => v !== undefined).length > 1) {
    problems.push({ param: after !== undefined ? 'after' : 'before', message: say('list.onePosition') });
  } else if ((after !== undefined || before !== undefined) && resource.keyless) {
    const param = after !== undefined ? 'after' : 'before';
    const [position] = decodeCursor((after ?? before)!, 1) ?? [];
    if (typeof position !== 'string' || !/^\d{1,9}$/.test(position)) problems.push({ param, message: say('list.badCursor') });
    else cursor = { direction: param, values: [position] };
  } else if (after !== undefined || before !== undefined) {
    const param = after !== undefined ? 'after' : 'before';
    // A cursor carries each sort column's value, then the key's (see cursor.ts).
    const keyColumns = [...sort.map((s) => s.column), ...resource.primaryKey].map((n) => resource.columns.find((c) => c.name === n)!);
    const values = decodeCursor((after ?? before)!, keyColumns.length);
    const byKey = (v: string | null, i: number) => i < sort.length && v === BY_KEY && !resource.primaryKey.includes(keyColumns[i]!.name); // see cursor.ts
    const valid = values?.every((v, i) => byKey(v, i) || (v === null ? keyColumns[i]!.nullable : parseValue(keyColumns[i]!, v).ok));
    if (!values || !valid) problems.push({ param, message: say('list.badCursorForSort') });
    else cursor = { direction: param, values };
  }

  const colsRaw = single(params, 'cols', problems);
  let columns = resource.columns.filter((c) => c.list);
  if (colsRaw !== undefined) {
    const names = colsRaw.split(',').filter(Boolean);
    const unknown = names.filter((n) => !resource.columns.some((c) => c.name === n));
    if (unknown.length > 0) problems.push({ param: 'cols', message: say('list.unknownColumns', { names: unknown.map((u) => u.slice(0, 60)).join(', ') }) });
    else if (names.length > 0) columns = resource.columns.filter((c) => names.includes(c.name));
  }

  const count = parseCountMode(single(params, 'count', problems), problems);
  const trashRaw = single(params, 'trash', problems);
  if (trashRaw !== undefined && !(trashRaw === '1' && resource.softDelete))
    problems.push({ param: 'trash', message: resource.softDelete ? say('list.trashFlag') : say('list.noTrash', { resource: resource.title }) });

  const filters: Filter[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (KNOWN.has(key) || value === undefined) continue;
    if (key.startsWith('has.')) {
      const filter = parseRelated(resource, key, single(params, key, problems), problems);
      if (filter) filters.push(filter);
      continue;
    }
    if (!key.startsWith('f.')) {
      problems.push({ param: key.slice(0, 60), message: say('list.notListParam') });
      continue;
    }
    const raw = Array.isArray(value) ? value : [value];
    for (const r of raw) {
      if (r === '') continue;
      const filter = parseFilter(resource, key, r, problems);
      if (filter) filters.push(filter);
    }
  }

  if (problems.length > 0) throw new ListQueryError(problems);
  return {
    ...(resource.keyless ? { position: positionOf(cursor, page, pageSize) } : {}),
    sort,
    search: search || undefined,
    filters: mergeRanges(filters),
    cursor,
    page,
    pageSize,
    columns,
    count,
    trash: trashRaw === '1',
  };
}

/** Where a keyless list's page starts: after a position, a page before one, or a page by number. */
function positionOf(cursor: ListQuery['cursor'], page: number | undefined, pageSize: number): number {
  if (cursor) {
    const at = Number(cursor.values[0]);
    return cursor.direction === 'after' ? at : Math.max(0, at - pageSize);
  }
  return ((page ?? 1) - 1) * pageSize;
}

/** `has.<referrer>=true|false`: rows that some row of the referring resource points at, or none does. */
function parseRelated(resource: Resource, key: string, raw: string | undefined, problems: QueryProblem[]): Filter | undefined {
  if (raw === undefined) return undefined;
  const related = resource.referrers.find((r) => `has.${r.key}` === key);
  const column = related && resource.columns.find((c) => c.name === related.refColumn);
  if (!related || !column) {
    const known = resource.referrers.map((r) => `has.${r.key}`);
    problems.push({
      param: key.slice(0, 60),
      message: known.length
        ? say('list.noReferrerKnown', { resource: resource.title, name: key.slice(4, 60), known: known.join(', ') })
        : say('list.noReferrer', { resource: resource.title, name: key.slice(4, 60) }),
    });
    return undefined;
  }
  if (raw !== 'true' && raw !== 'false') {
    problems.push({ param: key, message: say('list.trueOrFalse') });
    return undefined;
  }
  return { column, kind: 'related', related, exists: raw === 'true' };
}
