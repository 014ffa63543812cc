import { authorize, maskedColumns, maskValue, resourceAsSeenBy } from '../auth/access';
import type { Operator } from '../auth/operator';
import type { PoolName } from '../db/pools';
import { execute, query, withTransaction, type Row } from '../db/query';
import type { DomainName } from '../config/current';
import { referenceLabels, type LabelMap } from '../records/reference-labels';
import { resourcesOf } from '../resources/registry';
import type { Resource, SortSpec } from '../resources/types';
import { buildCountSql, buildEstimateSql, buildRowsSql } from './build-sql';
import { cursorSortValue, encodeCursor } from './cursor';
import { parseListQuery, type ListQuery, type SearchParams } from './list-query';

export interface ListCount {
  /** null when only "many" is known. */
  value: number | null;
  exact: boolean;
  /** What the page shows: "1,234", "about 1,000,000", "many". */
  label: string;
}

export interface ListResult {
  rows: Row[];
  /** Names of the visible columns, in order. */
  columns: string[];
  /** The sort columns in order (one to three); the primary key breaks the remaining ties. */
  sort: SortSpec[];
  search: string | undefined;
  pageSize: number;
  /** Set when the page was reached by number (jump-to-page). */
  page: number | undefined;
  next: string | null;
  previous: string | null;
  count: ListCount;
  trash: boolean;
  /**
   * For each foreign-key column shown: the referenced rows' labels by value ("79" → "Ada
   * Lovelace"), one lookup per referenced resource per page. Only what the operator may read.
   */
  labels?: Record<string, LabelMap>;
}

export interface ListOptions {
  /** A filtered count on a big table gets this long before the page settles for "many". */
  countBudgetMs?: number;
  /** false: no count at all (search results, exports). */
  count?: boolean;
  /** false: no labels for foreign keys (search results name their own rows). */
  labels?: boolean;
}
const COUNT_BUDGET_MS = 400;

const format = (n: number) => n.toLocaleString('en-US');

/** Dates as ISO strings and nothing else exotic, so rows cross to the browser and JSON unchanged. */
function serialiseRow(row: Row, keep: Set<string>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (!keep.has(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** The rows a list query matches, counted; with a budget, null when the count would take longer (statement cancelled). */
export async function exactCount(domain: PoolName, resource: Resource, listQuery: ListQuery): Promise<number>;
export async function exactCount(domain: PoolName, resource: Resource, listQuery: ListQuery, budgetMs: number | undefined): Promise<number | null>;
export async function exactCount(domain: PoolName, resource: Resource, listQuery: ListQuery, budgetMs?: number): Promise<number | null> {
  const sql = buildCountSql(resource, listQuery);
  if (budgetMs === undefined) {
    const [row] = await query<{ n: string }>(domain, sql.text, sql.values);
    return Number(row!.n);
  }
  try {
    return await withTransaction(
      domain,
      async (tx) => {
        const [row] = await tx.query<{ n: string }>(sql.text, sql.values);
        return Number(row!.n);
      },
      { readOnly: true, statementTimeoutMs: budgetMs },
    );
  } catch (error) {
    if ((error as { code?: string }).code === '57014') return null; // query_canceled: over budget
    throw error;
  }
}

/**
 * The planner's estimate changes only when autovacuum or ANALYZE runs, so it is kept for a
 * short while per table instead of costing a round trip on every page.
 */
const ESTIMATE_TTL_MS = 30_000;
type Estimate = { n: string; kind: string } | undefined;
const estimates = new Map<string, { at: number; value: Promise<Estimate> }>();
async function tableEstimate(domain: PoolName, resource: Resource): Promise<Estimate> {
  const cache = estimates;
  const key = `${domain}:${resource.table.schema}.${resource.table.name}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < ESTIMATE_TTL_MS) return hit.value;
  const sql = buildEstimateSql(resource);
  const value = query<{ n: string; kind: string }>(domain, sql.text, sql.values).then((rows) => rows[0]);
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

/**
 * Counts without stalling the page: small tables are counted exactly; big ones show the
 * planner's estimate ("about N"); a filtered count gets a time budget and otherwise says
 * "many". `count=exact` asks for the real number whatever it costs.
 */
async function countRows(domain: PoolName, resource: Resource, listQuery: ListQuery, budgetMs: number): Promise<ListCount> {
  const exact = (n: number): ListCount => ({ value: n, exact: true, label: format(n) });
  if (listQuery.exactCount) return exact((await exactCount(domain, resource, listQuery))!);
  const filtered = listQuery.search !== undefined || listQuery.filters.length > 0 || listQuery.trash || resource.scope.length > 0;
  const estimate = await tableEstimate(domain, resource);
  const estimated = Number(estimate?.n ?? 0);
  // Views have no statistics of their own; treat them like a filtered count.
  const hasStats = estimate !== undefined && estimate.kind !== 'v';
  if (!filtered && hasStats && estimated >= resource.exactCountBelow) {
    return { value: estimated, exact: false, label: `about ${format(estimated)}` };
  }
  const small = hasStats && estimated < resource.exactCountBelow;
  const n = await exactCount(domain, resource, listQuery, small ? undefined : budgetMs);
  return n === null ? { value: null, exact: false, label: 'many' } : exact(n);
}

/** Runs a validated list query: one statement for the rows, and the count beside it. */
export async function runList(domain: PoolName, resource: Resource, listQuery: ListQuery, options: ListOptions = {}): Promise<ListResult> {
  const sql = buildRowsSql(resource, listQuery);
  const counting =
    options.count === false
      ? Promise.resolve<ListCount>({ value: null, exact: false, label: '' })
      : countRows(domain, resource, listQuery, options.countBudgetMs ?? COUNT_BUDGET_MS);
  const [result, count] = await Promise.all([execute(domain, sql.text, sql.values), counting]);
  let rows = result.rows;
  const more = rows.length > listQuery.pageSize;
  if (more) rows = rows.slice(0, listQuery.pageSize);
  if (resource.keyless) return { ...pageOfPositions(listQuery, rows, more), count };
  const backwards = listQuery.cursor?.direction === 'before';
  if (backwards) rows.reverse();

  // Each sort value (shortened to what a cursor carries), then the key: see cursor.ts.
  const sorts = listQuery.sort.length;
  const keyCount = sorts + resource.primaryKey.length;
  const cursorOf = (row: Row | undefined) =>
    row
      ? encodeCursor(
          Array.from({ length: keyCount }, (_, i) => (i < sorts ? cursorSortValue : (v: string | null) => v)(row[`__k${i}`] as string | null) ?? null),
        )
      : null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : listQuery.cursor !== undefined || (listQuery.page ?? 1) > 1;

  const keep = new Set([...resource.primaryKey, ...listQuery.columns.map((c) => c.name), ...(resource.softDelete ? [resource.softDelete] : [])]);
  return {
    ...pageOf(listQuery, rows, keep),
    next: hasNext && rows.length > 0 ? cursorOf(last) : null,
    previous: hasPrevious && rows.length > 0 ? cursorOf(first) : null,
    count,
  };
}

/** What every page says about itself besides its cursors and count: rows (only the columns kept), columns, sort, size. */
function pageOf(listQuery: ListQuery, rows: Row[], keep: Set<string>): Omit<ListResult, 'count' | 'next' | 'previous'> {
  return {
    rows: rows.map((row) => serialiseRow(row, keep)),
    columns: listQuery.columns.map((c) => c.name),
    sort: listQuery.sort,
    search: listQuery.search,
    pageSize: listQuery.pageSize,
    page: listQuery.page,
    trash: listQuery.trash,
  };
}

/** A keyless list's page: its cursors are the positions of the next page and of this one. */
function pageOfPositions(listQuery: ListQuery, rows: Row[], more: boolean): Omit<ListResult, 'count'> {
  const position = listQuery.position ?? 0;
  return {
    ...pageOf(listQuery, rows, new Set(listQuery.columns.map((c) => c.name))),
    next: more ? encodeCursor([String(position + rows.length)]) : null,
    previous: position > 0 ? encodeCursor([String(position)]) : null,
  };
}

/**
 * URL parameters in, a page of rows out: what the list page and the JSON route both call.
 * The operator is checked here, in the data path, whoever the caller is.
 */
export async function listResource(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  params: SearchParams,
  options?: ListOptions,
): Promise<ListResult> {
  authorize(operator, resource, 'read');
  const masked = maskedColumns(operator, resource);
  const visible = resourceAsSeenBy(operator, resource);
  const listQuery = parseListQuery(visible, params);
  const result = await runList(domain, visible, listQuery, options);
  if (masked.size > 0) {
    const columns = resource.columns.filter((c) => masked.has(c.name));
    result.rows = result.rows.map((row) => {
      const copy = { ...row };
      for (const column of columns) if (column.name in copy) copy[column.name] = maskValue(column, copy[column.name]);
      return copy;
    });
  }
  // Foreign keys the page shows, and those it is filtered by (the filter's chip names its row, even when no row matches).
  const filteredBy = (name: string) =>
    listQuery.filters.flatMap((f) => (f.column.name !== name ? [] : f.kind === 'equals' ? [f.value] : f.kind === 'oneOf' ? f.values : []));
  const linked = visible.columns.filter((c) => c.references && !masked.has(c.name) && (result.columns.includes(c.name) || filteredBy(c.name).length > 0));
  const named = [...result.rows, ...linked.flatMap((c) => filteredBy(c.name).map((v) => ({ [c.name]: v })))];
  if (linked.length > 0 && options?.labels !== false && named.length > 0) {
    result.labels = await referenceLabels(operator, domain, linked, named, await resourcesOf(domain as DomainName));
  }
  return result;
}
