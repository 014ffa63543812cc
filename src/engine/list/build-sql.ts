import type { Resource, ResolvedColumn, SortSpec } from '../resources/types';
import { BY_KEY, MAX_CURSOR_VALUE, type CursorValues } from './cursor';
import type { Filter, ListQuery } from './list-query';
import { columnSql, likeContains, Params, quoteIdent, quoteTable, selectColumnSql } from './sql';
import { scopeSql } from '../auth/row-scope';

export interface BuiltSql {
  text: string;
  values: unknown[];
}

const TEXT_LIKE = new Set(['text', 'longtext', 'email']);

/** Search: ILIKE on text columns (a pg_trgm GIN index makes it fast), equality on numeric ids. */
function searchCondition(resource: Resource, term: string, params: Params): string | undefined {
  const parts: string[] = [];
  let pattern: string | undefined;
  for (const column of resource.columns.filter((c) => c.searchable)) {
    const ident = columnSql(column);
    if (TEXT_LIKE.has(column.type)) {
      pattern ??= params.add(likeContains(term));
      parts.push(`${ident} ILIKE ${pattern}`);
    } else if ((column.type === 'integer' || column.type === 'bigint') && /^\d{1,18}$/.test(term)) {
      if (column.type === 'integer' && Number(term) > 2147483647) continue;
      parts.push(`${ident} = ${params.add(term)}`);
    } else if (column.type === 'enum' || column.type === 'uuid') {
      pattern ??= params.add(likeContains(term));
      parts.push(`${ident}::text ILIKE ${pattern}`);
    }
  }
  // Nothing can match (e.g. letters searched in numeric ids only): say so rather than match all.
  return parts.length > 0 ? `(${parts.join(' OR ')})` : 'false';
}

function filterCondition(resource: Resource, filter: Filter, params: Params): string {
  const ident = columnSql(filter.column);
  switch (filter.kind) {
    case 'related': {
      // A correlated EXISTS: an index on the referring column (as a foreign key usually has) answers it per row.
      const r = filter.related;
      // Only the referrer's rows this operator may see count (its row scope, see resourceAsSeenBy).
      const scoped = scopeSql(r.scope ?? [], params, '__related')
        .map((c) => ` AND ${c}`)
        .join('');
      // The referenced column is a declared one (a key): qualified by this table's name, never an expression.
      const inner = `SELECT 1 FROM ${quoteTable(r.table)} AS "__related" WHERE "__related".${quoteIdent(r.column)} = ${quoteTable(resource.table)}.${quoteIdent(filter.column.name)}${scoped}`;
      return `${filter.exists ? '' : 'NOT '}EXISTS (${inner})`;
    }
    case 'equals':
      return `${ident} = ${params.add(filter.value)}`;
    case 'oneOf':
      return `${ident} = ANY(${params.add(filter.values)})`;
    case 'isNull':
      return `${ident} IS ${filter.isNull ? '' : 'NOT '}NULL`;
    case 'range': {
      const parts: string[] = [];
      if (filter.min !== undefined) parts.push(`${ident} >= ${params.add(filter.min)}`);
      if (filter.max !== undefined) parts.push(`${ident} <= ${params.add(filter.max)}`);
      return parts.join(' AND ');
    }
  }
}

/** The WHERE conditions shared by the rows query and the count. */
export function whereConditions(resource: Resource, query: ListQuery, params: Params): string[] {
  // The row scope first: fixed conditions and the operator's own (withRowScope), always ANDed.
  const conditions: string[] = scopeSql(resource.scope, params);
  if (resource.softDelete) conditions.push(`${quoteIdent(resource.softDelete)} IS ${query.trash ? 'NOT ' : ''}NULL`);
  if (query.search) conditions.push(searchCondition(resource, query.search, params)!);
  for (const filter of query.filters) conditions.push(filterCondition(resource, filter, params));
  return conditions;
}

/** One column of a list's order: its position in the cursor, and its direction as read (reversed for a previous page). */
export interface OrderTerm {
  column: ResolvedColumn;
  ascending: boolean;
  /** Where the cursor carries this column's value: sort values first, then the key's (see cursor.ts). */
  cursorIndex: number;
}

/**
 * A list's whole order: its sort columns, then the key columns it does not name (in the first
 * sort column's direction), so every row has one place. `backwards` reverses each term (a
 * previous page is read backwards). NULLs sort as PostgreSQL sorts them by default (ASC NULLS
 * LAST, DESC NULLS FIRST), i.e. as the largest value, so reversing the order stays exact.
 */
export function orderTerms(resource: Resource, sort: readonly SortSpec[], backwards = false): OrderTerm[] {
  const columnOf = (name: string) => resource.columns.find((c) => c.name === name)!;
  const terms = sort.map((s, i) => ({ column: columnOf(s.column), ascending: (s.direction === 'asc') !== backwards, cursorIndex: i }));
  const ties = (sort[0]!.direction === 'asc') !== backwards;
  for (const [i, key] of resource.primaryKey.entries()) {
    if (!sort.some((s) => s.column === key)) terms.push({ column: columnOf(key), ascending: ties, cursorIndex: sort.length + i });
  }
  return terms;
}

/** `"status" DESC, "total_cents" ASC, "id" DESC`: what the rows query and the export order by. */
export function orderByClause(terms: readonly OrderTerm[]): string {
  return terms.map((t) => `${columnSql(t.column)} ${t.ascending ? 'ASC' : 'DESC'}`).join(', ');
}

/**
 * Keyset condition: rows strictly beyond the cursor in the order of `terms`, whatever their
 * directions. Term by term: a row is beyond if it is beyond on this column, or equal on it and
 * beyond on the rest; NULL is the largest value (PostgreSQL's default for both ASC and DESC, so
 * plain b-tree indexes fit). The last terms sharing a direction over NOT NULL columns (the
 * key, and a NOT NULL sort column before it) become one row comparison, which an index on
 * them answers directly: `("created_at", "id") < ($1, $2)`.
 */
function keysetCondition(resource: Resource, terms: readonly OrderTerm[], values: CursorValues, params: Params): string {
  // Parameters in cursor order (sort values, then the key), each value once.
  const given = terms.map((t) => {
    const value = values[t.cursorIndex]!;
    return value === null || value === BY_KEY ? value : params.add(value);
  });
  // A sort value too long to carry is read again from the row the cursor's key names.
  const keyParam = (name: string) => given[terms.findIndex((t) => t.column.name === name)]!;
  // Only from a row of the operator's row scope: a cursor naming another row reads nothing of it.
  const byKey = (t: OrderTerm) =>
    `(SELECT ${columnSql(t.column)} FROM ${quoteTable(resource.table)} WHERE ${[...resource.primaryKey.map((k) => `${quoteIdent(k)} = ${keyParam(k)}`), ...scopeSql(resource.scope, params)].join(' AND ')})`;
  const valueOf = (i: number) => (given[i] === BY_KEY ? byKey(terms[i]!) : given[i]);

  let group = terms.length;
  const last = terms[terms.length - 1]!;
  while (group > 0 && !terms[group - 1]!.column.nullable && terms[group - 1]!.ascending === last.ascending) group--;
  let rest: string | undefined; // undefined: no row is beyond (every term equal)
  if (group < terms.length) {
    const op = last.ascending ? '>' : '<';
    const idents = terms.slice(group).map((t) => columnSql(t.column));
    const vals = terms.slice(group).map((_, i) => valueOf(group + i)!);
    rest = idents.length === 1 ? `${idents[0]} ${op} ${vals[0]}` : `(${idents.join(', ')}) ${op} (${vals.join(', ')})`;
  }
  for (let i = group - 1; i >= 0; i--) {
    const t = terms[i]!;
    const c = columnSql(t.column);
    const v = valueOf(i);
    if (v === null) {
      // At NULL (the largest value): ascending, only NULLs equal to it remain; descending, every non-NULL value follows.
      if (t.ascending) rest = rest === undefined ? undefined : `(${c} IS NULL AND ${rest})`;
      else rest = rest === undefined ? `${c} IS NOT NULL` : `(${c} IS NOT NULL OR ${rest})`;
      continue;
    }
    const parts = [`${c} ${t.ascending ? '>' : '<'} ${v}`];
    if (t.ascending && t.column.nullable) parts.push(`${c} IS NULL`);
    if (rest !== undefined) parts.push(`(${c} = ${v} AND ${rest})`);
    rest = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }
  return rest ?? 'false';
}

/** Columns the page shows, plus the keys it needs for links and cursors. */
function selectList(resource: Resource, query: ListQuery): string {
  // Keyless: the page shows its columns and nothing else; its cursors are positions.
  if (resource.keyless) return query.columns.map(selectColumnSql).join(', ');
  const wanted = new Set([...resource.primaryKey, ...query.columns.map((c) => c.name)]);
  if (resource.softDelete) wanted.add(resource.softDelete);
  const keyColumns = [...query.sort.map((s) => s.column), ...resource.primaryKey];
  // A computed column is its expression, under its name (columnSql); the others their quoted names.
  const columnOf = (name: string) => resource.columns.find((c) => c.name === name) ?? { name, type: 'text' as const, sql: undefined };
  // Sort and key values as text: timestamps keep microseconds and bigints every digit in cursors.
  // Sort values only up to what a cursor carries (one character more tells it was longer).
  const cursorKeys = keyColumns.map((name, i) =>
    i < query.sort.length && !resource.primaryKey.includes(name)
      ? `left(${columnSql(columnOf(name))}::text, ${MAX_CURSOR_VALUE + 1}) AS ${quoteIdent(`__k${i}`)}`
      : `${columnSql(columnOf(name))}::text AS ${quoteIdent(`__k${i}`)}`,
  );
  return [...[...wanted].map((name) => selectColumnSql(columnOf(name))), ...cursorKeys].join(', ');
}

/**
 * One parameterised statement for a page of rows. Fetches one row more than the page to
 * know whether another page follows. A "before" cursor reads backwards and the caller
 * reverses the rows, so previous-page costs what next-page costs.
 */
export function buildRowsSql(resource: Resource, query: ListQuery): BuiltSql {
  const params = new Params();
  const conditions = whereConditions(resource, query, params);
  // Keyless lists page by position (OFFSET), always forwards; see ListQuery.position.
  const backwards = query.cursor?.direction === 'before' && !resource.keyless;
  const terms = orderTerms(resource, query.sort, backwards);
  if (query.cursor && !resource.keyless) conditions.push(keysetCondition(resource, terms, query.cursor.values, params));
  const orderBy = orderByClause(terms);
  let text = `SELECT ${selectList(resource, query)} FROM ${quoteTable(resource.table)}`;
  if (conditions.length > 0) text += ` WHERE ${conditions.join(' AND ')}`;
  text += ` ORDER BY ${orderBy} LIMIT ${params.add(query.pageSize + 1)}`;
  const offset = resource.keyless ? (query.position ?? 0) : query.page !== undefined ? (query.page - 1) * query.pageSize : 0;
  if (offset > 0) text += ` OFFSET ${params.add(offset)}`;
  return { text, values: params.values };
}

export function buildCountSql(resource: Resource, query: ListQuery): BuiltSql {
  const params = new Params();
  const conditions = whereConditions(resource, query, params);
  let text = `SELECT count(*)::bigint AS n FROM ${quoteTable(resource.table)}`;
  if (conditions.length > 0) text += ` WHERE ${conditions.join(' AND ')}`;
  return { text, values: params.values };
}

/**
 * The planner's row estimate for the table; never scans it. A partitioned parent has its own
 * estimate only once ANALYZE ran on it directly; otherwise its partitions' are summed.
 * `stale`: whether the statistics the planner estimates from are likely off: never analyzed or
 * vacuumed (reltuples -1, e.g. a just-created and loaded table), or the table's size on disk
 * grew or shrank by more than a fifth since (relpages against its file's size now: a bulk load
 * after the last ANALYZE). Both are read from the catalog and the file's size, never the rows;
 * the statistics collector's counters are not used (a load and ANALYZE in one transaction
 * leaves them saying every row changed). For a partitioned parent: any of its partitions.
 */
export function buildEstimateSql(resource: Resource): BuiltSql {
  const staleOf = (alias: string) =>
    `(${alias}.reltuples < 0 OR abs(pg_relation_size(${alias}.oid) / current_setting('block_size')::int - ${alias}.relpages) > 8 + 0.2 * ${alias}.relpages)`;
  return {
    text: `SELECT (CASE WHEN c.relkind = 'p' AND c.reltuples <= 0
              THEN COALESCE((SELECT sum(GREATEST(p.reltuples, 0)) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
                              WHERE i.inhparent = c.oid), 0)
              ELSE GREATEST(c.reltuples, 0) END)::bigint AS n,
            c.relkind::text AS kind,
            (CASE WHEN c.relkind = 'p'
              THEN COALESCE((SELECT bool_or(${staleOf('p')}) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid WHERE i.inhparent = c.oid), false)
              WHEN c.relkind IN ('r', 'm') THEN ${staleOf('c')}
              ELSE false END) AS stale
       FROM pg_class c WHERE c.oid = to_regclass($1)`,
    values: [quoteTable(resource.table)],
  };
}

/**
 * The planner's estimate of how many rows a list query matches, without running it: EXPLAIN
 * of the rows' selection (the same conditions and $n values as the count, no ORDER BY or
 * LIMIT), whose top plan node's "Plan Rows" is the estimate. About a millisecond of planning.
 */
export function buildPlanEstimateSql(resource: Resource, query: ListQuery): BuiltSql {
  const params = new Params();
  const conditions = whereConditions(resource, query, params);
  let text = `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${quoteTable(resource.table)}`;
  if (conditions.length > 0) text += ` WHERE ${conditions.join(' AND ')}`;
  return { text, values: params.values };
}
