import { authorize, can, maskedColumns, maskValue, withRowScope } from '../auth/access';
import { scopeSql } from '../auth/row-scope';
import type { Operator } from '../auth/operator';
import type { PoolName } from '../db/pools';
import { readingFrom } from '../db/read-route';
import { query, type Row, type Tx } from '../db/query';
import { columnSql, quoteIdent, quoteTable, Params } from '../list/sql';
import type { Resource } from '../resources/types';
import { RecordNotFoundError } from './errors';
import { decodeRecordId } from './record-id';
import { exactlyOneRow } from './one-row';
import { rowVersionOf, versionSelectSql } from './row-version';

/** `"a" = $1 AND "b" = $2` for the key, with its values added to `params`. */
export function keyCondition(resource: Resource, key: unknown[], params: Params): string {
  // Ids carry the database's exact text (timestamps to the microsecond), compared in the
  // column's own type: an id names the row it was made from, and no neighbour.
  return resource.primaryKey.map((name, i) => `${quoteIdent(name)} = ${params.add(key[i])}`).join(' AND ');
}

/** The key, and the resource's row scope (withRowScope): a row outside the scope is not found, exactly as a missing one. */
function keyInScope(resource: Resource, key: unknown[], params: Params): string {
  return [keyCondition(resource, key, params), ...scopeSql(resource.scope, params)].join(' AND ');
}

function serialise(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

export interface LoadedRecord {
  row: Row;
  /**
   * The row version the operator saw: xmin, which PostgreSQL changes on every update of the
   * row, so it works on any table without a version column. Sent back with an edit.
   */
  version: string | null;
}

/**
 * Reads one row with its version, inside an open transaction (FOR UPDATE when about to write it).
 * `computed`: with the values of the resource's computed columns (the record page); writes and
 * their audit entries read the row without them, since nothing writes them.
 */
export async function selectRecord(
  tx: Pick<Tx, 'query'>,
  resource: Resource,
  key: unknown[],
  options: { lock?: boolean; computed?: boolean } = {},
): Promise<LoadedRecord | undefined> {
  const params = new Params();
  const version = versionSelectSql(resource);
  // Under aliases of their own, so a table column of the same name cannot stand in for one.
  const computed = options.computed ? resource.columns.filter((c) => c.sql !== undefined) : [];
  const extra = computed.map((c, i) => `, ${columnSql(c)} AS ${quoteIdent(`__computed${i}`)}`).join('');
  // LIMIT 2: enough to tell one row from several without reading them all.
  const sql = `SELECT *${extra}, ${version} AS "__version" FROM ${quoteTable(resource.table)} WHERE ${keyInScope(resource, key, params)} LIMIT 2${options.lock ? ' FOR UPDATE' : ''}`;
  const rows = await tx.query(sql, params.values);
  const row = exactlyOneRow(resource, rows);
  if (!row) return undefined;
  const { __version, ...rest } = row;
  if (computed.length === 0) {
    const clean = serialise(rest);
    return { row: clean, version: rowVersionOf(resource, clean, (__version as string | null) ?? null) };
  }
  const aliases = new Set(computed.map((_, i) => `__computed${i}`));
  const clean = serialise(Object.fromEntries(Object.entries(rest).filter(([k]) => !aliases.has(k))));
  // The version is the row's own (a view's values version never counts computed values).
  const own = rowVersionOf(resource, clean, (__version as string | null) ?? null);
  return { row: { ...clean, ...serialise(Object.fromEntries(computed.map((c, i) => [c.name, rest[`__computed${i}`]]))) }, version: own };
}

/** Applies the operator's masks to a whole row. */
export function maskRow(operator: Operator, resource: Resource, row: Row): Row {
  const masked = maskedColumns(operator, resource);
  if (masked.size === 0) return row;
  const out = { ...row };
  for (const column of resource.columns) if (masked.has(column.name) && column.name in out) out[column.name] = maskValue(column, out[column.name]);
  return out;
}

/**
 * One record for the detail page; access is checked before the row is looked up. A row outside
 * the operator's row scope is a 404 like a missing one, so whether it exists does not leak.
 */
export async function getRecord(operator: Operator | null, domain: PoolName, resource: Resource, id: string): Promise<LoadedRecord> {
  authorize(operator, resource, 'read');
  const key = decodeRecordId(resource, id);
  // From the domain's replica when it has a current one that has seen this operator's own last save (db/read-route.ts).
  const loaded = await readingFrom(domain, operator, (pool) =>
    selectRecord({ query: (sql, params) => query(pool, sql, params) }, withRowScope(operator, resource), key, { computed: true }),
  );
  if (!loaded) throw new RecordNotFoundError(resource.title.toLowerCase());
  return { row: maskRow(operator, resource, loaded.row), version: loaded.version };
}

export interface Referrer {
  resource: Resource;
  column: string;
  count: number;
  /** Up to five rows' keys, for links; the full list is the referrer's list filtered by the column. */
  sample: Row[];
}

/**
 * "Referenced by": rows of other resources of the same domain whose foreign key points here,
 * counted (capped at 1,000 so a hot row costs little) and sampled. Only resources the
 * operator may read are asked, and only their rows within the operator's row scope.
 */
export async function referencedBy(operator: Operator, domain: PoolName, resource: Resource, row: Row, all: Resource[]): Promise<Referrer[]> {
  const out: Referrer[] = [];
  for (const other of all) {
    if (!can(operator, other, 'read')) continue;
    const { scope } = withRowScope(operator, other);
    for (const column of other.columns) {
      if (column.references?.resource !== resource.name) continue;
      const target = row[column.references.column];
      if (target === undefined || target === null) continue;
      const table = quoteTable(other.table);
      const ident = quoteIdent(column.name);
      const keys = other.primaryKey.map(quoteIdent).join(', ');
      const params = new Params();
      const where = [`${ident} = ${params.add(target)}`, ...scopeSql(scope, params)].join(' AND ');
      const [counted, sample] = await readingFrom(domain, operator, (pool) =>
        Promise.all([
          query<{ n: number }>(pool, `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} WHERE ${where} LIMIT 1000) s`, params.values),
          // Keyless rows cannot be linked to: counted, never sampled.
          other.keyless ? Promise.resolve([]) : query(pool, `SELECT ${keys} FROM ${table} WHERE ${where} LIMIT 5`, params.values),
        ]),
      );
      if (counted[0]!.n > 0) out.push({ resource: other, column: column.name, count: counted[0]!.n, sample: sample.map(serialise) });
    }
  }
  return out;
}
