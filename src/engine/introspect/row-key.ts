import { isOrderable } from './column-types';
import type { CatalogTable, CatalogUniqueKey } from './types';

/**
 * How the hub tells one row of a relation from another (links, keyset pages), best first:
 * 1. 'primary key': the table's own.
 * 2. 'unique index' over NOT NULL columns: a UNIQUE constraint is as good as a key.
 * 3. 'unique index' with nullable columns: still unique for every row without a NULL in it,
 *    and an update through it can never touch two rows (NULL = NULL matches nothing).
 *    Materialized views land here: their columns never carry NOT NULL, but the unique index
 *    that REFRESH … CONCURRENTLY requires is their natural key.
 *    Within a tier: the index with the fewest columns, then by name, so the choice is stable.
 * 4. 'all columns': nothing identifies a row (plain views always end here). The resource is
 *    keyless (ResourceDef.keyless): paged by position, rows without links, read-only, since
 *    an update could hit several rows. Every orderable column together orders ties: rows
 *    equal in all of them cannot be told apart by anyone.
 *    `ctid` is not an option: it changes on every update and VACUUM FULL, so a link to a row
 *    would silently point at another one.
 * A key is only usable when every column in it can go in a keyset cursor (no json or
 * array); a primary key over a jsonb column falls through to the next choice.
 * Caveat for 3: the engine treats key columns as NOT NULL (plain row comparison in keyset
 * pagination), so rows with a NULL in their unique key may be skipped when paging by cursor.
 */
export type RowKey =
  { source: 'primary key'; columns: string[] } | { source: 'unique index'; columns: string[]; index: string } | { source: 'all columns'; columns: string[] };

export function chooseRowKey(table: CatalogTable): RowKey | undefined {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const usable = (names: string[], requireNotNull: boolean) =>
    names.length > 0 &&
    names.every((n) => {
      const column = byName.get(n);
      return column !== undefined && isOrderable(column) && (!requireNotNull || !column.nullable);
    });

  if (usable(table.primaryKey, false)) return { source: 'primary key', columns: [...table.primaryKey] };
  const byWidthThenName = (a: CatalogUniqueKey, b: CatalogUniqueKey) => a.columns.length - b.columns.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const requireNotNull of [true, false]) {
    const unique = table.uniqueKeys.filter((k) => usable(k.columns, requireNotNull)).sort(byWidthThenName)[0];
    if (unique) return { source: 'unique index', columns: [...unique.columns], index: unique.name };
  }
  const all = table.columns.filter(isOrderable).map((c) => c.name);
  return all.length > 0 ? { source: 'all columns', columns: all } : undefined;
}
