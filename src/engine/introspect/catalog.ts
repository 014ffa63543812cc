import { targetFor, type DomainName } from '../config/current';
import { query } from '../db/query';
import { COLUMNS_SQL, KEYS_SQL, PRIMARY_KEY_ATTNUMS_SQL, RELATIONS_SQL, VIEWS_SQL } from './catalog-sql';
import type { CatalogColumn, CatalogKind, CatalogTable } from './types';
import { viewColumnOrigins } from './view-origins';

/** Left out besides every pg_* schema (which covers pg_catalog, pg_toast and temp schemas). */
const EXCLUDED_SCHEMAS = ['information_schema', 'pg_catalog', 'pg_toast'];
/** The hub's own bookkeeping tables (the embedded demo's seed marker, …). */
export const HUB_TABLE_PREFIX = '_admin_hub';
/** The hub database's tables (hub_audit, hub_user, hub_migrations…), left out of a domain that shares it. */
export const HUB_DATABASE_TABLE_PREFIX = 'hub_';

/**
 * True when the domain's database is the hub's own (one PostgreSQL database for both, as a
 * small deployment may do): its catalog then holds the hub's tables, which are not the
 * product's and must not become resources. Same server and database name; the user may differ.
 */
function sharesHubDatabase(domain: DomainName | 'hub'): boolean {
  if (domain === 'hub') return false;
  const local = (host: string) => (host === 'localhost' || host === '::1' ? '127.0.0.1' : host);
  const [a, b] = [targetFor(domain), targetFor('hub')];
  return local(a.host) === local(b.host) && a.port === b.port && a.database === b.database;
}

const KINDS: Record<string, CatalogKind> = { r: 'table', v: 'view', m: 'materialized_view', p: 'partitioned_table' };

type RelationRow = {
  oid: string;
  schema: string;
  name: string;
  kind: string;
  estimated_rows: number;
  analyzed: boolean;
  comment: string | null;
};

type ColumnRow = {
  relid: string;
  name: string;
  sql_type: string;
  base_type: string;
  type_name: string;
  type_kind: string;
  is_domain: boolean;
  is_array: boolean;
  enum_labels: string[] | null;
  nullable: boolean;
  has_default: boolean;
  default_expression: string | null;
  identity: string;
  generated: string;
  attnum: number;
};

type ViewRow = {
  relid: string;
  writable: boolean;
  writable_columns: string[];
  column_names: string[];
  query_tree: string | null;
};

type KeyRow = {
  relid: string;
  kind: 'p' | 'u' | 'f';
  name: string;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
};

function toColumn(row: ColumnRow): CatalogColumn {
  return {
    name: row.name,
    sqlType: row.sql_type,
    baseType: row.base_type,
    typeName: row.type_name,
    typeKind: row.type_kind,
    isDomain: row.is_domain,
    isArray: row.is_array,
    enumLabels: row.enum_labels,
    nullable: row.nullable,
    hasDefault: row.has_default,
    defaultExpression: row.default_expression,
    identity: row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by_default' : null,
    generated: row.generated === 's' ? 'stored' : row.generated === 'v' ? 'virtual' : null,
  };
}

/**
 * Every user relation of a database, as plain data: tables, views, materialized views and
 * partitioned tables (never their partitions), with columns, keys and foreign keys.
 * Three statements, not one per table, so a schema of a thousand tables costs the same
 * three round trips. Order: the public schema first, then by schema and name.
 */
export async function readCatalog(domain: DomainName | 'hub'): Promise<CatalogTable[]> {
  const prefixes = sharesHubDatabase(domain) ? [HUB_TABLE_PREFIX, HUB_DATABASE_TABLE_PREFIX] : [HUB_TABLE_PREFIX];
  const relations = await query<RelationRow>(domain, RELATIONS_SQL, [EXCLUDED_SCHEMAS, prefixes]);
  if (relations.length === 0) return [];
  const oids = relations.map((r) => r.oid);
  const viewOids = relations.filter((r) => r.kind === 'v').map((r) => r.oid);
  const [columns, keys, views] = await Promise.all([
    query<ColumnRow>(domain, COLUMNS_SQL, [oids]),
    query<KeyRow>(domain, KEYS_SQL, [oids]),
    viewOids.length > 0 ? query<ViewRow>(domain, VIEWS_SQL, [viewOids]) : Promise.resolve([]),
  ]);

  const tables = new Map<string, CatalogTable>();
  for (const r of relations) {
    tables.set(r.oid, {
      schema: r.schema,
      name: r.name,
      kind: KINDS[r.kind]!,
      estimatedRows: Math.round(r.estimated_rows),
      analyzed: r.analyzed,
      comment: r.comment,
      primaryKey: [],
      uniqueKeys: [],
      foreignKeys: [],
      columns: [],
    });
  }
  // A relation dropped between the statements just ends up without columns; the mapping skips it.
  const byAttnum = new Map<string, Map<number, CatalogColumn>>();
  for (const c of columns) {
    const column = toColumn(c);
    tables.get(c.relid)?.columns.push(column);
    if (!byAttnum.has(c.relid)) byAttnum.set(c.relid, new Map());
    byAttnum.get(c.relid)!.set(c.attnum, column);
  }
  for (const k of keys) {
    const table = tables.get(k.relid);
    if (!table) continue;
    if (k.kind === 'p') table.primaryKey = k.columns;
    else if (k.kind === 'u') table.uniqueKeys.push({ name: k.name, columns: k.columns });
    else table.foreignKeys.push({ name: k.name, columns: k.columns, references: { schema: k.ref_schema!, table: k.ref_table!, columns: k.ref_columns! } });
  }
  if (views.length > 0) await describeWritableViews(domain, views, tables, byAttnum);
  return [...tables.values()];
}

/**
 * Views PostgreSQL writes through itself (VIEWS_SQL): marked `writable`, their columns that
 * cannot be written marked so, and, when the view shows every column of its table's primary
 * key as plain columns, keyed by them, with what the table says of each shown column (NOT
 * NULL, DEFAULT, identity, generated). A writable view that does not show its table's key
 * stays keyless, so read-only: nothing would tell its rows apart.
 */
async function describeWritableViews(
  domain: DomainName | 'hub',
  views: ViewRow[],
  tables: Map<string, CatalogTable>,
  byAttnum: Map<string, Map<number, CatalogColumn>>,
): Promise<void> {
  const origins = new Map<string, ReturnType<typeof viewColumnOrigins>>();
  for (const view of views) {
    const table = tables.get(view.relid);
    if (!table) continue;
    table.writable = view.writable;
    if (!view.writable) continue;
    const writableColumns = new Set(view.writable_columns);
    for (const column of table.columns) column.writable = writableColumns.has(column.name);
    if (view.query_tree) origins.set(view.relid, viewColumnOrigins(view.query_tree));
  }
  const bases = [...new Set([...origins.values()].flatMap((o) => [...(o?.values() ?? [])].map((origin) => origin.table)))];
  if (bases.length === 0) return;
  const keys = await query<{ relid: string; attnums: number[] }>(domain, PRIMARY_KEY_ATTNUMS_SQL, [bases]);
  const keyOf = new Map(keys.map((k) => [k.relid, k.attnums]));
  for (const view of views) {
    const table = tables.get(view.relid);
    const columnOrigins = origins.get(view.relid);
    if (!table || !columnOrigins) continue;
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    // What the table says of each column the view shows as it is.
    for (const [resno, origin] of columnOrigins) {
      const column = byName.get(view.column_names[resno - 1] ?? '');
      const base = byAttnum.get(origin.table)?.get(origin.attnum);
      if (!column || !base) continue;
      Object.assign(column, {
        nullable: base.nullable,
        hasDefault: base.hasDefault,
        defaultExpression: base.defaultExpression,
        identity: base.identity,
        generated: base.generated,
      });
    }
    // The view is keyed by its table's primary key when it shows all of it (one table: PostgreSQL writes through no other).
    const baseTables = new Set([...columnOrigins.values()].map((o) => o.table));
    const [base] = baseTables;
    const key = baseTables.size === 1 && base ? keyOf.get(base) : undefined;
    if (!key || key.length === 0) continue;
    const shown = key.map((attnum) => {
      const resno = [...columnOrigins].find(([, o]) => o.table === base && o.attnum === attnum)?.[0];
      return resno === undefined ? undefined : view.column_names[resno - 1];
    });
    if (shown.every((name): name is string => name !== undefined)) table.primaryKey = shown;
  }
}
