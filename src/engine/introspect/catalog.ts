import { targetFor, type DomainName } from '../config/current';
import { query } from '../db/query';
import { COLUMNS_SQL, KEYS_SQL, RELATIONS_SQL } from './catalog-sql';
import type { CatalogColumn, CatalogKind, CatalogTable } from './types';

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
  const [columns, keys] = await Promise.all([query<ColumnRow>(domain, COLUMNS_SQL, [oids]), query<KeyRow>(domain, KEYS_SQL, [oids])]);

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
  for (const c of columns) tables.get(c.relid)?.columns.push(toColumn(c));
  for (const k of keys) {
    const table = tables.get(k.relid);
    if (!table) continue;
    if (k.kind === 'p') table.primaryKey = k.columns;
    else if (k.kind === 'u') table.uniqueKeys.push({ name: k.name, columns: k.columns });
    else table.foreignKeys.push({ name: k.name, columns: k.columns, references: { schema: k.ref_schema!, table: k.ref_table!, columns: k.ref_columns! } });
  }
  return [...tables.values()];
}
