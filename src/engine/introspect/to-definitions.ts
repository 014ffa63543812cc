import type { ColumnDef, FullColumnDef, FullResourceDef, SortSpec } from '../resources/types';
import { columnTypeOf, isOrderable, isSecretName, isStringColumn, isUnknownType, isUnlisted } from './column-types';
import { NameRegistry, resourceBaseName, titleFor } from './naming';
import { chooseRowKey, type RowKey } from './row-key';
import type { CatalogColumn, CatalogTable } from './types';

/** One relation's definition, with what was decided on the way (for reports and file comments). */
export interface PlannedDefinition {
  table: CatalogTable;
  def: FullResourceDef;
  key: RowKey;
}

export interface SkippedTable {
  table: CatalogTable;
  reason: string;
}

export interface DefinitionPlan {
  planned: PlannedDefinition[];
  skipped: SkippedTable[];
}

/** Searched first, in this order: the columns people type into a search box. */
const SEARCH_NAMES = [
  'name',
  'title',
  'email',
  'slug',
  'sku',
  'username',
  'login',
  'code',
  'handle',
  'label',
  'subject',
  'full_name',
  'display_name',
  'first_name',
  'last_name',
  'company',
];
const SEARCH_SUFFIXES = ['_name', '_title', '_email', '_slug', '_sku', '_code'];
/** Each searchable column is one more ILIKE per row scanned: a few are plenty. */
const MAX_SEARCHABLE = 3;

/**
 * The identifying text columns: those named like SEARCH_NAMES (best first), else the first
 * one-line text column so the search box still does something. Prose (longtext) is left out:
 * substring search over article bodies is slow and rarely what an admin wants.
 */
function searchableColumns(columns: readonly CatalogColumn[]): Set<string> {
  const candidates = columns.filter((c) => isStringColumn(c) && columnTypeOf(c) !== 'longtext' && !isSecretName(c.name));
  const rank = (name: string) => {
    const exact = SEARCH_NAMES.indexOf(name);
    if (exact >= 0) return exact;
    return SEARCH_SUFFIXES.some((s) => name.endsWith(s)) ? SEARCH_NAMES.length : -1;
  };
  const named = candidates
    .map((c, position) => ({ name: c.name, rank: rank(c.name), position }))
    .filter((c) => c.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .slice(0, MAX_SEARCHABLE)
    .map((c) => c.name);
  if (named.length > 0) return new Set(named);
  return new Set(candidates.slice(0, 1).map((c) => c.name));
}

/** Search documents: filled by triggers or generated from other columns, and typed text would not parse as one. */
const DERIVED_TYPES = new Set(['tsvector', 'tsquery']);

/** Written by the database, never by a form: identity, generated, serial (nextval) and search-document columns. */
function writtenByDatabase(column: CatalogColumn): boolean {
  return column.identity !== null || column.generated !== null || /^nextval\(/.test(column.defaultExpression ?? '') || DERIVED_TYPES.has(column.typeName);
}

/** What the catalog says of one column, as a definition says it (the overlay's base, see resources/overlay.ts). */
export function columnDef(column: CatalogColumn, searchable: boolean, references: ColumnDef['references']): FullColumnDef {
  const type = columnTypeOf(column);
  const def: FullColumnDef = { name: column.name, type };
  if (type === 'enum') def.options = column.enumLabels ?? [];
  def.nullable = column.nullable;
  // A view column PostgreSQL cannot write through (an expression) is shown, never typed into.
  if (writtenByDatabase(column) || isUnknownType(column) || column.writable === false) def.readOnly = true;
  // A DEFAULT lets a new row leave the column empty; without one a NOT NULL column is required.
  else if (column.hasDefault) def.hasDefault = true;
  if (isSecretName(column.name)) def.secret = true;
  else if (searchable) def.searchable = true;
  // Shown as text but without an ordering (point, xml, composites): sorting would fail in SQL.
  if (type === 'text' && !isOrderable(column)) def.sortable = false;
  if (isUnlisted(column)) def.list = false;
  if (references) def.references = references;
  // An integer of a domain type (a year, a code, a port) is a name, not a quantity: 2001, not 2,001.
  if ((type === 'integer' || type === 'bigint') && column.isDomain) def.grouping = false;
  // Limits of the type (through domains), so the form refuses on the field what the database would refuse on the row.
  const length = column.isArray ? undefined : /^(?:character varying|character)\((\d+)\)$/.exec(column.baseType);
  if (length) def.maxLength = Number(length[1]);
  const digits = column.isArray || type !== 'number' ? undefined : /^numeric\((\d+),(-?\d+)\)$/.exec(column.baseType);
  if (digits) Object.assign(def, { precision: Number(digits[1]), scale: Number(digits[2]) });
  return def;
}

/**
 * Newest first when the table records its rows' creation (a NOT NULL `created_at` date-time):
 * the one rule introspection, the overlay and the short form it is written in all follow.
 */
export function newestFirstSort(table: CatalogTable): SortSpec | undefined {
  const created = table.columns.find((c) => c.name === 'created_at');
  if (created && !created.nullable && ['datetime', 'timestamp'].includes(columnTypeOf(created))) return { column: 'created_at', direction: 'desc' };
  return undefined;
}

/** Newest first when the table records creation time; otherwise by key, descending. */
function defaultSortFor(table: CatalogTable, key: RowKey): SortSpec {
  const newest = newestFirstSort(table);
  if (newest) return newest;
  // Newest first for keys (identity, serial); rows without a key read best in plain order.
  return { column: key.columns[0]!, direction: key.source === 'all columns' ? 'asc' : 'desc' };
}

function softDeleteFor(table: CatalogTable): string | undefined {
  const column = table.columns.find((c) => c.name === 'deleted_at');
  return column && column.nullable && ['datetime', 'timestamp'].includes(columnTypeOf(column)) ? 'deleted_at' : undefined;
}

function whyUnusable(table: CatalogTable): string | undefined {
  if (table.columns.length === 0) return 'it has no columns';
  // resolveResource splits "schema.table" on the dot; a dot inside a name cannot be expressed.
  if (table.schema.includes('.') || table.name.includes('.')) return 'its schema or table name contains a dot';
  return undefined;
}

/**
 * Decides every definition at once: names are handed out first, so a foreign key can point
 * at a table that comes later, and repeated names are numbered the same way on every run.
 */
export function planDefinitions(domain: string, tables: readonly CatalogTable[]): DefinitionPlan {
  const plan: DefinitionPlan = { planned: [], skipped: [] };
  const names = new NameRegistry();
  const accepted: { table: CatalogTable; key: RowKey; name: string; title: string }[] = [];
  for (const table of tables) {
    const problem = whyUnusable(table);
    const key = problem ? undefined : chooseRowKey(table);
    if (!key) {
      plan.skipped.push({ table, reason: problem ?? 'no column can identify its rows (only json, array or unorderable types)' });
      continue;
    }
    const base = resourceBaseName(table.schema, table.name);
    accepted.push({ table, key, name: names.take(base), title: titleFor(base) });
  }
  const resourceOf = new Map(accepted.map((a) => [`${a.table.schema}.${a.table.name}`, a.name]));

  for (const { table, key, name, title } of accepted) {
    // Single-column foreign keys only: a column of a composite key does not identify a row
    // on its own, so a link from it would be wrong. The first constraint (by name) wins.
    const references = new Map<string, NonNullable<ColumnDef['references']>>();
    for (const fk of table.foreignKeys) {
      const target = resourceOf.get(`${fk.references.schema}.${fk.references.table}`);
      if (!target || fk.columns.length !== 1 || references.has(fk.columns[0]!)) continue;
      references.set(fk.columns[0]!, { resource: target, column: fk.references.columns[0]! });
    }
    const searchable = searchableColumns(table.columns);
    const def: FullResourceDef = {
      domain,
      name,
      table: `${table.schema}.${table.name}`,
      primaryKey: key.columns,
      // Nothing identifies a row: paged by position, shown without links (see ResourceDef.keyless).
      ...(key.source === 'all columns' ? { keyless: true } : {}),
      title,
      ...(table.comment?.trim() ? { subtitle: table.comment.trim().split('\n')[0]! } : {}),
      columns: table.columns.map((c) => columnDef(c, searchable.has(c.name), references.get(c.name))),
      defaultSort: defaultSortFor(table, key),
    };
    const softDelete = softDeleteFor(table);
    if (softDelete) def.softDelete = softDelete;
    // A view is written only when PostgreSQL writes through it itself and it shows its table's key;
    // a materialized view never (it is refreshed, not edited).
    const writableView = table.kind === 'view' && table.writable === true;
    if ((table.kind === 'view' && !writableView) || table.kind === 'materialized_view' || key.source === 'all columns') def.readOnly = true;
    // A view has no xmin: an edit's version is the row's values (see ResourceDef.rowVersion).
    else if (writableView) def.rowVersion = 'values';
    plan.planned.push({ table, def, key });
  }
  return plan;
}

/**
 * Resource definitions for every relation of a catalog that can be one (see
 * `planDefinitions` for the ones left out and why).
 */
export function catalogToDefinitions(domain: string, tables: readonly CatalogTable[]): FullResourceDef[] {
  return planDefinitions(domain, tables).planned.map((p) => p.def);
}
