import type { Resource, ResolvedColumn } from '../resources/types';
import { BY_KEY, MAX_CURSOR_VALUE, type CursorValues } from './cursor';
import type { Filter, ListQuery } from './list-query';
import { likeContains, Params, quoteIdent, quoteTable } from './sql';

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
    const ident = quoteIdent(column.name);
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
  const ident = quoteIdent(filter.column.name);
  switch (filter.kind) {
    case 'related': {
      // A correlated EXISTS: an index on the referring column (as a foreign key usually has) answers it per row.
      const r = filter.related;
      const inner = `SELECT 1 FROM ${quoteTable(r.table)} AS "__related" WHERE "__related".${quoteIdent(r.column)} = ${quoteTable(resource.table)}.${ident}`;
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
  const conditions: string[] = resource.scope.map((s) => `${quoteIdent(s.column)} = ${params.add(s.value)}`);
  if (resource.softDelete) conditions.push(`${quoteIdent(resource.softDelete)} IS ${query.trash ? 'NOT ' : ''}NULL`);
  if (query.search) conditions.push(searchCondition(resource, query.search, params)!);
  for (const filter of query.filters) conditions.push(filterCondition(resource, filter, params));
  return conditions;
}

/**
 * Keyset condition: rows strictly beyond the cursor in the given order. NULL sorts as the
 * largest value (PostgreSQL's default for both ASC and DESC, so plain b-tree indexes fit).
 * A NOT NULL sort key uses one row comparison, which an index on (key, pk) answers directly.
 */
function keysetCondition(resource: Resource, sortColumn: ResolvedColumn, ascending: boolean, values: CursorValues, params: Params): string {
  const pk = resource.primaryKey;
  const op = ascending ? '>' : '<';
  const s = quoteIdent(sortColumn.name);
  const [sortValue, ...pkValues] = values;
  // Sorting by the (single) primary key itself: the key is the whole position.
  if (sortColumn.name === pk[0] && pk.length === 1) return `${s} ${op} ${params.add(sortValue)}`;
  const carried = sortValue === null || sortValue === BY_KEY ? undefined : params.add(sortValue);
  const pkIdents = pk.map(quoteIdent);
  const pkParams = pkValues.map((value) => params.add(value));
  // A sort value too long to carry is read again from the row the cursor's key names.
  const v =
    sortValue === BY_KEY ? `(SELECT ${s} FROM ${quoteTable(resource.table)} WHERE ${pkIdents.map((k, i) => `${k} = ${pkParams[i]}`).join(' AND ')})` : carried;
  if (!sortColumn.nullable) return `(${[s, ...pkIdents].join(', ')}) ${op} (${[v!, ...pkParams].join(', ')})`;
  const pkTuple = pkIdents.length === 1 ? pkIdents[0]! : `(${pkIdents.join(', ')})`;
  const pkParamTuple = pkParams.length === 1 ? pkParams[0]! : `(${pkParams.join(', ')})`;
  if (v === undefined) {
    return ascending ? `(${s} IS NULL AND ${pkTuple} > ${pkParamTuple})` : `(${s} IS NOT NULL OR ${pkTuple} < ${pkParamTuple})`;
  }
  return ascending
    ? `(${s} > ${v} OR ${s} IS NULL OR (${s} = ${v} AND ${pkTuple} > ${pkParamTuple}))`
    : `(${s} < ${v} OR (${s} = ${v} AND ${pkTuple} < ${pkParamTuple}))`;
}

/** Columns the page shows, plus the keys it needs for links and cursors. */
function selectList(resource: Resource, query: ListQuery): string {
  // Keyless: the page shows its columns and nothing else; its cursors are positions.
  if (resource.keyless) return query.columns.map((c) => quoteIdent(c.name)).join(', ');
  const wanted = new Set([...resource.primaryKey, ...query.columns.map((c) => c.name)]);
  if (resource.softDelete) wanted.add(resource.softDelete);
  const keyColumns = [query.sort.column, ...resource.primaryKey];
  // Key values as text: timestamps keep microseconds and bigints every digit in cursors.
  // The sort value only up to what a cursor carries (one character more tells it was longer).
  const cursorKeys = keyColumns.map((name, i) =>
    i === 0 && !resource.primaryKey.includes(name)
      ? `left(${quoteIdent(name)}::text, ${MAX_CURSOR_VALUE + 1}) AS ${quoteIdent('__k0')}`
      : `${quoteIdent(name)}::text AS ${quoteIdent(`__k${i}`)}`,
  );
  return [...[...wanted].map(quoteIdent), ...cursorKeys].join(', ');
}

/**
 * One parameterised statement for a page of rows. Fetches one row more than the page to
 * know whether another page follows. A "before" cursor reads backwards and the caller
 * reverses the rows, so previous-page costs what next-page costs.
 */
export function buildRowsSql(resource: Resource, query: ListQuery): BuiltSql {
  const params = new Params();
  const conditions = whereConditions(resource, query, params);
  const sortColumn = resource.columns.find((c) => c.name === query.sort.column)!;
  // Keyless lists page by position (OFFSET), always forwards; see ListQuery.position.
  const backwards = query.cursor?.direction === 'before' && !resource.keyless;
  const ascending = (query.sort.direction === 'asc') !== backwards;
  if (query.cursor && !resource.keyless) conditions.push(keysetCondition(resource, sortColumn, ascending, query.cursor.values, params));
  const dir = ascending ? 'ASC' : 'DESC';
  const orderBy = [query.sort.column, ...resource.primaryKey.filter((k) => k !== query.sort.column)].map((name) => `${quoteIdent(name)} ${dir}`).join(', ');
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
 */
export function buildEstimateSql(resource: Resource): BuiltSql {
  return {
    text: `SELECT (CASE WHEN c.relkind = 'p' AND c.reltuples <= 0
              THEN COALESCE((SELECT sum(GREATEST(p.reltuples, 0)) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
                              WHERE i.inhparent = c.oid), 0)
              ELSE GREATEST(c.reltuples, 0) END)::bigint AS n,
            c.relkind::text AS kind
       FROM pg_class c WHERE c.oid = to_regclass($1)`,
    values: [quoteTable(resource.table)],
  };
}
