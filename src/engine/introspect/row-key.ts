import { isOrderable } from './column-types';
import type { CatalogTable } from './types';

/**
 * How the hub tells one row of a relation from another (links, keyset pages).
 * - 'primary key': the table's own.
 * - 'unique index': no primary key (views of tables never have one; materialized views and
 *   some tables do have unique indexes). Only an index whose columns are all NOT NULL
 *   qualifies: the engine treats key columns as never NULL (plain row comparison in
 *   keyset pagination), and a unique index lets any number of NULL rows through. Among
 *   those, the one with the fewest columns, then by index name, so the choice is stable.
 * - 'all columns': nothing else identifies a row. Every orderable column together is the
 *   best there is: rows that are equal in all of them cannot be told apart by anyone. The
 *   resource is made read-only, because an update or delete could hit several rows.
 *   `ctid` is not an option: it moves on every update and VACUUM FULL, so a link to a row
 *   would silently point at another one.
 * A key is only usable when every column in it can go in a keyset cursor (no json or
 * array); a primary key over a jsonb column falls through to the next choice.
 */
export type RowKey =
  | { source: 'primary key'; columns: string[] }
  | { source: 'unique index'; columns: string[]; index: string }
  | { source: 'all columns'; columns: string[] };

export function chooseRowKey(table: CatalogTable): RowKey | undefined {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const usable = (names: string[], requireNotNull: boolean) =>
    names.length > 0 &&
    names.every((n) => {
      const column = byName.get(n);
      return column !== undefined && isOrderable(column) && (!requireNotNull || !column.nullable);
    });

  if (usable(table.primaryKey, false)) return { source: 'primary key', columns: [...table.primaryKey] };
  const unique = table.uniqueKeys
    .filter((k) => usable(k.columns, true))
    .sort((a, b) => a.columns.length - b.columns.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
  if (unique) return { source: 'unique index', columns: [...unique.columns], index: unique.name };
  const all = table.columns.filter(isOrderable).map((c) => c.name);
  return all.length > 0 ? { source: 'all columns', columns: all } : undefined;
}
