import { authorize, maskedColumns, maskValue, resourceAsSeenBy } from '../auth/access';
import type { Operator } from '../auth/operator';
import type { PoolName } from '../db/pools';
import { execute, query, withTransaction, type Row } from '../db/query';
import { readingFrom } from '../db/read-route';
import type { DomainName } from '../config/current';
import { referenceLabels, type LabelMap } from '../records/reference-labels';
import { resourcesOf } from '../resources/registry';
import type { Resource, SortSpec } from '../resources/types';
import { buildCountSql, buildEstimateSql, buildPlanEstimateSql, buildRowsSql } from './build-sql';
import { cursorSortValue, encodeCursor } from './cursor';
import { parseListQuery, type ListQuery, type SearchParams } from './list-query';

export interface ListCount {
  /** null when only "many" is known, or nothing was counted (`count=none`). */
  value: number | null;
  exact: boolean;
  /** What the page shows: "1,234", "about 1,000,000", "many" ("" when not counted). */
  label: string;
  /**
   * Only on an estimate the planner may have badly wrong (statistics missing or out of date, a
   * view's estimate): why, and how to get the exact number. The page shows it beside the count.
   */
  caution?: string;
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
  /** With `deferExactCount` and `count=exact`: the exact count, still running. Never serialised. */
  exactCount?: Promise<ListCount>;
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
  /**
   * The list page: when the query asks for an exact count (`count=exact`), answer at once with
   * what is known without counting (as `count=estimate` would) and hand the exact count over as
   * `exactCount`, a promise the page streams in after the rows.
   */
  deferExactCount?: boolean;
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
type Estimate = { n: string; kind: string; stale: boolean } | undefined;
const estimates = new Map<string, { at: number; value: Promise<Estimate> }>();
async function tableEstimate(domain: PoolName, resource: Resource): Promise<Estimate> {
  const cache = estimates;
  const key = `${domain}:${resource.table.schema}.${resource.table.name}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < ESTIMATE_TTL_MS) return hit.value;
  const sql = buildEstimateSql(resource);
  const value = query<{ n: string; kind: string; stale: boolean }>(domain, sql.text, sql.values).then((rows) => rows[0]);
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

/** The planner's estimate of the rows a list query matches: EXPLAIN, never the query itself. */
export async function planEstimate(domain: PoolName, resource: Resource, listQuery: ListQuery): Promise<number> {
  const sql = buildPlanEstimateSql(resource, listQuery);
  const [row] = await query<{ 'QUERY PLAN': unknown }>(domain, sql.text, sql.values);
  const raw = row?.['QUERY PLAN'];
  // node-postgres parses the json column; a driver that does not hands over its text.
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: { 'Plan Rows': number } }];
  return Math.max(0, Math.round(plan[0].Plan['Plan Rows']));
}

const exactCountOf = (n: number): ListCount => ({ value: n, exact: true, label: format(n) });
const MANY: ListCount = { value: null, exact: false, label: 'many' };
const NOT_COUNTED: ListCount = { value: null, exact: false, label: '' };
const HOW_TO_EXACT = 'Count exactly (count=exact) for the real number.';

function about(n: number, caution: string | undefined): ListCount {
  return { value: n, exact: false, label: `about ${format(n)}`, ...(caution ? { caution } : {}) };
}

function staleCaution(resource: Resource, estimate: Estimate): string | undefined {
  if (estimate?.kind === 'v') return `An estimate by the planner from the tables behind the view ${resource.title}. ${HOW_TO_EXACT}`;
  if (estimate?.stale)
    return `An estimate from statistics that are missing or out of date (the table changed a lot since PostgreSQL last analyzed it; ANALYZE fixes that). ${HOW_TO_EXACT}`;
  return undefined;
}

/**
 * Counts without ever scanning unless asked (`count=` in list-query.ts picks the mode):
 * - a table the planner estimates under `exactCountBelow` rows is counted exactly, always;
 * - unfiltered, a bigger table shows the planner's table estimate ("about 1,000,000");
 * - filtered or searched (or the trash), the planner is asked first (EXPLAIN, about a
 *   millisecond): under `exactCountBelow` matches, counted exactly within the budget (else
 *   "many"); at or above it, "about N" at once, no count(*) sent;
 * - a row-scoped resource never shows an estimate (the table's statistics count rows outside
 *   the operator's scope): exact within the budget, else "many";
 * - `exact`: counted exactly whatever it costs; `estimate`: never an exact count beyond the
 *   small-table rule; `none`: nothing sent.
 * An estimate whose statistics are missing or stale carries a `caution` saying so.
 */
async function countRows(domain: PoolName, resource: Resource, listQuery: ListQuery, budgetMs: number): Promise<ListCount> {
  const mode = listQuery.count;
  if (mode === 'none') return NOT_COUNTED;
  if (mode === 'exact') return exactCountOf(await exactCount(domain, resource, listQuery));
  const filtered = listQuery.search !== undefined || listQuery.filters.length > 0 || listQuery.trash;
  const scoped = resource.scope.length > 0;
  const estimate = await tableEstimate(domain, resource);
  const estimated = Number(estimate?.n ?? 0);
  // Views have no statistics of their own: only the planner's estimate of the query says anything.
  const hasStats = estimate !== undefined && estimate.kind !== 'v';
  const small = hasStats && estimated < resource.exactCountBelow && !estimate.stale;
  if (small) return exactCountOf(await exactCount(domain, resource, listQuery));
  if (scoped) {
    if (mode === 'estimate') return MANY;
    const n = await exactCount(domain, resource, listQuery, budgetMs);
    return n === null ? MANY : exactCountOf(n);
  }
  // Statistics the planner may trust: a table's (not a view's), analyzed and not far behind.
  const trusted = hasStats && !estimate.stale;
  if (!filtered && trusted) return about(estimated, undefined); // not small, so at or above the threshold
  // Filtered or searched, a view, or stale statistics: the planner's estimate of this query.
  const planned = await planEstimate(domain, resource, listQuery);
  const caution = staleCaution(resource, estimate);
  if (mode === 'estimate' || (trusted && planned >= resource.exactCountBelow)) return about(planned, caution);
  // Few matches by the planner's word, or a word not to trust blindly: counted, within the budget.
  const n = await exactCount(domain, resource, listQuery, budgetMs);
  if (n !== null) return exactCountOf(n);
  // Over budget: the planner's number when it is a big one, else only "many" is known.
  return planned >= resource.exactCountBelow ? about(planned, caution) : MANY;
}

/**
 * What the page's rows themselves say about the count: on the first page (or one reached by
 * number), no further page means the rows so far are all of them. Corrects an estimate (or
 * "many") for free; never sends a statement.
 */
function countFromRows(count: ListCount, listQuery: ListQuery, shown: number, more: boolean): ListCount {
  if (count.exact || listQuery.count === 'none' || more || listQuery.cursor !== undefined) return count;
  const offset = listQuery.position ?? (listQuery.page !== undefined ? (listQuery.page - 1) * listQuery.pageSize : 0);
  // Past the end (an empty page by number) says nothing about how many rows came before it.
  if (shown === 0 && offset > 0) return count;
  return exactCountOf(offset + shown);
}

/** Runs a validated list query: one statement for the rows, and the count beside it. */
export async function runList(domain: PoolName, resource: Resource, listQuery: ListQuery, options: ListOptions = {}): Promise<ListResult> {
  const sql = buildRowsSql(resource, listQuery);
  const budget = options.countBudgetMs ?? COUNT_BUDGET_MS;
  const deferred = options.deferExactCount === true && listQuery.count === 'exact' && options.count !== false;
  const counting =
    options.count === false
      ? Promise.resolve<ListCount>(NOT_COUNTED)
      : countRows(domain, resource, deferred ? { ...listQuery, count: 'estimate' } : listQuery, budget);
  const [result, counted] = await Promise.all([execute(domain, sql.text, sql.values), counting]);
  let rows = result.rows;
  const more = rows.length > listQuery.pageSize;
  if (more) rows = rows.slice(0, listQuery.pageSize);
  const count = options.count === false ? counted : countFromRows(counted, listQuery, rows.length, more);
  // Started only once the rows are read, so the exact count never holds up the page's own statements.
  const exact = deferred && !count.exact ? { exactCount: countRows(domain, resource, listQuery, budget) } : {};
  // Whoever renders the page consumes it; a page that fails before then must not leave it unhandled.
  exact.exactCount?.catch(() => undefined);
  if (resource.keyless) return { ...pageOfPositions(listQuery, rows, more), count, ...exact };
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
    ...exact,
  };
}

/** What every page says about itself besides its cursors and count: rows (only the columns kept), columns, sort, size. */
function pageOf(listQuery: ListQuery, rows: Row[], keep: Set<string>): Omit<ListResult, 'count' | 'exactCount' | 'next' | 'previous'> {
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
function pageOfPositions(listQuery: ListQuery, rows: Row[], more: boolean): Omit<ListResult, 'count' | 'exactCount'> {
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
  // Read from the domain's replica when it has a current one (db/read-route.ts).
  const result = await readingFrom(domain, operator, (pool) => runList(pool, visible, listQuery, options));
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
    const resources = await resourcesOf(domain as DomainName);
    result.labels = await readingFrom(domain, operator, (pool) => referenceLabels(operator, pool, linked, named, resources));
  }
  return result;
}
