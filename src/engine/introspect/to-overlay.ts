import type { ColumnDef, ColumnType, FullColumnDef, ResourceDef, SortSpec } from '../resources/types';
import { columnDef, newestFirstSort } from './to-definitions';
import type { PlannedDefinition } from './to-definitions';

/*
 * The short (overlay) form of an introspected definition: what `npm run introspect` writes by
 * default. The hub lays a definition over the domain's catalog at start (resources/overlay.ts),
 * completing types, nullability, defaults, keys, foreign keys, read-only columns and views,
 * enum options and type limits, so the file says only what the catalog does not imply and the
 * hub would not default to anyway: the title, searchable columns, the default sort, the soft-delete
 * column, a key that is not the primary key, keyless relations, a view's row version.
 * Laid over the same catalog, it resolves to the same resource as the full form (tested).
 */

/** Sorted by default unless said otherwise (as resolveResource decides). */
const UNSORTABLE: readonly ColumnType[] = ['json', 'array', 'longtext', 'bytes'];
const sortable = (c: FullColumnDef) => c.sortable ?? !UNSORTABLE.includes(c.type);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a column of the full form says beyond what the overlay takes from the catalog (usually nothing, or `searchable`). */
function columnDifference(full: FullColumnDef, base: FullColumnDef): Partial<ColumnDef> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    if (key !== 'name' && value !== undefined && !same(value, base[key as keyof FullColumnDef])) out[key] = value;
  }
  for (const key of Object.keys(base)) {
    // The overlay would add what the full form left out: no way to say "unset" in a definition.
    if (full[key as keyof FullColumnDef] === undefined && base[key as keyof FullColumnDef] !== undefined)
      throw new Error(`column "${full.name}": the catalog says ${key} where the full definition does not`);
  }
  return out as Partial<ColumnDef>;
}

/** What shortDefinition decides itself; anything else a planned definition says is kept as it is. */
const DECIDED = new Set([
  'domain',
  'name',
  'table',
  'primaryKey',
  'keyless',
  'title',
  'subtitle',
  'columns',
  'search',
  'defaultSort',
  'softDelete',
  'readOnly',
  'rowVersion',
]);

/**
 * One planned definition in the overlay form: only the columns with something to say (the
 * overlay serves the others from the catalog, every column in the table's order).
 */
export function shortDefinition({ table, def }: PlannedDefinition): ResourceDef<string> {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const said = def.columns.map((column) => {
    const catalog = byName.get(column.name);
    if (!catalog) throw new Error(`${def.domain}/${def.name}: column "${column.name}" is not in ${def.table}`);
    return { name: column.name, ...columnDifference(column, columnDef(catalog, false, column.references)) };
  });
  // A column that is only searchable goes into `search` (Django's search_fields); the others say what differs.
  const onlySearchable = (c: Partial<ColumnDef>) => Object.keys(c).length === 2 && c.searchable === true;
  const search = said.filter(onlySearchable).map((c) => c.name!);
  const columns = said.filter((c) => Object.keys(c).length > 1 && !onlySearchable(c));

  const keyless = def.keyless === true;
  // What the overlay and resolveResource would take as the key: the catalog's primary key, else `id`; keyless: every sortable column.
  const impliedKey = keyless ? def.columns.filter(sortable).map((c) => c.name) : table.primaryKey.length > 0 ? table.primaryKey : ['id'];
  const key = def.primaryKey ?? ['id'];
  // As the overlay sorts when a definition says nothing: newest first by a NOT NULL created_at, else by key.
  const impliedSort: SortSpec = newestFirstSort(table) ?? { column: key[0]!, direction: 'desc' };
  const readOnlyImplied = keyless || table.kind === 'materialized_view' || (table.kind === 'view' && table.writable !== true);

  const { domain, name, table: relation, primaryKey, title, subtitle, defaultSort, softDelete, readOnly, rowVersion } = def;
  const rest = Object.fromEntries(Object.entries(def).filter(([k]) => !DECIDED.has(k)));
  return {
    domain,
    name,
    table: relation,
    ...(same(key, impliedKey) ? {} : { primaryKey }),
    ...(keyless ? { keyless: true } : {}),
    title,
    ...(subtitle !== undefined ? { subtitle } : {}),
    ...(search.length > 0 ? { search } : {}),
    ...(columns.length > 0 ? { columns } : {}),
    ...(defaultSort === undefined || same(defaultSort, impliedSort) || same(defaultSort, [impliedSort]) ? {} : { defaultSort }),
    ...(softDelete !== undefined ? { softDelete } : {}),
    ...(readOnly === true && !readOnlyImplied ? { readOnly } : {}),
    ...(rowVersion !== undefined ? { rowVersion } : {}),
    ...rest,
  };
}
