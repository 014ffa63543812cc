import type { Resource } from './types';

/**
 * The row types of each domain's tables, by domain and then by table: filled in by the files
 * `npm run introspect -- <domain> --types` writes (declaration merging, as src/admin/domains.ts
 * does for HubTypes; the engine never imports them):
 *
 *     declare module '@/engine/resources/rows' {
 *       interface HubRows { market: { customers: { id: string; email: string; vip: boolean; deleted_at: string | null } } }
 *     }
 *
 * A table is keyed by its name, schema-qualified when it is not in `public` ('audit.events').
 * Values are typed as the engine hands them out (see ColumnValue): int2/int4 as numbers,
 * int8, numeric, dates and times, JSON and bytea as the database's text, booleans, arrays,
 * an enum as the union of its labels, and `| null` for a column that may be NULL.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface to merge into, empty on purpose
export interface HubRows {}

/** One row of a domain's table as the catalog describes it: `Row<'market', 'customers'>`. */
export type Row<D extends keyof HubRows, T extends keyof HubRows[D]> = HubRows[D][T];

/** How HubRows names a resource's table: 'customers', or 'audit.events' outside `public`. */
export function rowTypeKey(table: { schema: string; name: string }): string {
  return table.schema === 'public' ? table.name : `${table.schema}.${table.name}`;
}

/**
 * The rows a list or record read of `resource` gave (`listResource(…).rows`), typed by the
 * generated row types: `rowsOf(resource, 'market', 'customers', result.rows)`. Checks that the
 * resource is that domain's table, so a page cannot type one table's rows as another's. A list
 * hands out the columns it shows (and masked values as their masked text), so a page that
 * relies on a column should ask for it (`cols=`) or type what it uses: `Pick<Row<…>, 'id' | 'email'>`.
 */
export function rowsOf<D extends keyof HubRows & string, T extends keyof HubRows[D] & string>(
  resource: Pick<Resource, 'domain' | 'name' | 'table'>,
  domain: D,
  table: T,
  rows: readonly Record<string, unknown>[],
): Row<D, T>[] {
  const key = rowTypeKey(resource.table);
  if (resource.domain !== domain || key !== table)
    throw new Error(`rowsOf: ${resource.domain}/${resource.name} reads ${resource.domain} table "${key}", not ${domain} table "${table}".`);
  return rows as Row<D, T>[];
}
