/**
 * The list URL's `sort` parameter, in one place for the engine (parsing, definitions) and the
 * browser (headers that write it): `sort=-status,total_cents` sorts by status descending, then
 * by total ascending, and the primary key breaks the remaining ties. Browser-safe: imports nothing.
 */

/** Most columns one list sorts by (before the primary key). */
export const MAX_SORT_COLUMNS = 3;

export interface SortEntry {
  column: string;
  direction: 'asc' | 'desc';
}

/** `[{ column: 'status', direction: 'desc' }, { column: 'total_cents', direction: 'asc' }]` → `-status,total_cents`. */
export function formatSortParam(sort: readonly SortEntry[]): string {
  return sort.map((s) => (s.direction === 'desc' ? `-${s.column}` : s.column)).join(',');
}

/** `-status,total_cents` → its entries, unchecked (names may be unknown, empty or repeated: the list engine says which). */
export function splitSortParam(raw: string): SortEntry[] {
  return raw.split(',').map((part) => ({ column: part.trim().replace(/^[-+]/, ''), direction: part.trim().startsWith('-') ? 'desc' : 'asc' }));
}
