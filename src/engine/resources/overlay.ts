import { columnDef as catalogColumnDef, newestFirstSort } from '../introspect/to-definitions';
import type { CatalogColumn, CatalogTable } from '../introspect/types';
import { resolveResource } from './define';
import { ResourceDefinitionError } from './errors';
import { linkReferences } from './link-references';
import type { ColumnDef, ColumnType, FullColumnDef, FullResourceDef, Resource, ResourceDef, SortSpec } from './types';

/*
 * Definitions as an overlay on the domain's catalog: a definition names the table and says
 * only what differs (labels, what the list shows, search, filters, masks, order); types,
 * nullability, defaults, keys, foreign keys, identity/generated columns, enum values and type
 * limits come from the catalog. What a definition says that contradicts the catalog is drift:
 * reported with the resource, the column and the fix, and served as the catalog says, so a
 * migration never turns into a 500 on a page.
 */

/** One way a definition and its domain's database disagree. */
export interface DriftProblem {
  /** `domain/name` */
  resource: string;
  /** The column, when the problem is one column's. */
  column?: string;
  kind: 'table' | 'column' | 'type' | 'nullable' | 'options' | 'primaryKey';
  /** The whole sentence: the resource, the column, what differs and the fix. */
  message: string;
}

/**
 * A definition in the overlay form: it says `columnsFrom: 'catalog'` (as `defineIn` does), or,
 * saying neither, leaves out `columns` or a column's `type`.
 */
export function isOverlay(def: ResourceDef<string>): boolean {
  if (def.columnsFrom !== undefined) return def.columnsFrom === 'catalog';
  return def.columns === undefined || def.columns.some((c) => c.type === undefined);
}

function tableOf(def: ResourceDef<string>): { schema: string; name: string } {
  const [schema, name] = def.table.includes('.') ? def.table.split('.') : ['public', def.table];
  return { schema: schema ?? '', name: name ?? '' };
}

const qualified = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;

/** "a, b, c, …": enough names to spot a typo, never the whole of a wide table. */
function someNames(names: readonly string[], max = 8): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', ');
}

/**
 * The catalog's type of a column and the types a definition may show it as (a bigint as money
 * in cents, a text column with a CHECK as an enum, an email). Anything else is a type that
 * changed under the definition.
 */
const FITS: Record<ColumnType, readonly ColumnType[]> = {
  integer: ['integer', 'money_cents'],
  bigint: ['bigint', 'money_cents'],
  number: ['number', 'money_cents'],
  money_cents: ['money_cents'],
  text: ['text', 'longtext', 'email', 'enum'],
  longtext: ['text', 'longtext', 'email', 'enum'],
  email: ['text', 'longtext', 'email', 'enum'],
  enum: ['enum', 'text'],
  boolean: ['boolean'],
  date: ['date'],
  datetime: ['datetime'],
  timestamp: ['timestamp'],
  json: ['json'],
  array: ['array'],
  uuid: ['uuid', 'text'],
  bytes: ['bytes'],
};

/** A column's declared properties, without the ones left undefined (so they do not hide the catalog's). */
function said(column: ColumnDef): Partial<ColumnDef> {
  return Object.fromEntries(Object.entries(column).filter(([, value]) => value !== undefined)) as Partial<ColumnDef>;
}

/** Only tables say NOT NULL for certain; a view's columns read as nullable whatever they show. */
const knowsNullability = (table: CatalogTable) => table.kind === 'table' || table.kind === 'partitioned_table';

export interface Overlaid {
  /** The definition as served: completed from the catalog, what contradicts it taken from the catalog. Undefined: no such table. */
  def: FullResourceDef | undefined;
  problems: DriftProblem[];
}

/**
 * Lays a definition over its table in the catalog: a full definition (every column typed) is
 * served as written unless it contradicts the catalog; an overlay is completed from it. Either
 * way each contradiction is a DriftProblem, and what is served follows the catalog.
 * `resourceByTable`: the domain's resources by "schema.table", to turn foreign keys into references.
 */
export function overlayDefinition(def: ResourceDef<string>, tables: readonly CatalogTable[], resourceByTable: ReadonlyMap<string, string>): Overlaid {
  const id = `${def.domain}/${def.name}`;
  const wanted = tableOf(def);
  const table = tables.find((t) => t.schema === wanted.schema && t.name === wanted.name);
  const problems: DriftProblem[] = [];
  if (!table) {
    const nearby = tables.filter((t) => t.schema === wanted.schema).map((t) => t.name);
    problems.push({
      resource: id,
      kind: 'table',
      message: `${id}: table ${qualified(wanted)} does not exist in the "${def.domain}" database${nearby.length > 0 ? ` (tables: ${someNames(nearby)})` : ''}: create it, or fix the definition's table (or remove the definition).`,
    });
    return { def: undefined, problems };
  }
  const where = qualified(table);
  const catalog = new Map(table.columns.map((c) => [c.name, c]));
  const overlay = isOverlay(def);

  // Single-column foreign keys to a table the domain defines, as introspection links them.
  const references = new Map<string, NonNullable<ColumnDef['references']>>();
  for (const fk of table.foreignKeys) {
    const target = resourceByTable.get(`${fk.references.schema}.${fk.references.table}`);
    if (target && fk.columns.length === 1 && !references.has(fk.columns[0]!))
      references.set(fk.columns[0]!, { resource: target, column: fk.references.columns[0]! });
  }

  const served: FullColumnDef[] = [];
  const named = new Map((def.columns ?? []).map((c) => [c.name, c]));
  for (const column of def.columns ?? []) {
    const found = catalog.get(column.name);
    if (found && overlay) continue; // served below, in the catalog's order
    if (!found) {
      problems.push({
        resource: id,
        column: column.name,
        kind: 'column',
        message: `${id}: column "${column.name}" does not exist in ${where} (columns: ${someNames([...catalog.keys()])}): remove it or fix the name.`,
      });
      continue;
    }
    served.push(overlayColumn(id, where, table, column, found, overlay, references.get(column.name), problems));
  }
  // An overlay serves every column in the table's own order, each named one as the definition adjusts it.
  if (overlay)
    for (const c of table.columns) {
      const column = named.get(c.name);
      served.push(
        column ? overlayColumn(id, where, table, column, c, overlay, references.get(c.name), problems) : catalogColumnDef(c, false, references.get(c.name)),
      );
    }

  const out: FullResourceDef = { ...(def as FullResourceDef), columns: served };
  const declaredKey = def.primaryKey ?? (def.keyless ? undefined : ['id']);
  if (overlay && def.primaryKey === undefined && !def.keyless && table.primaryKey.length > 0) out.primaryKey = table.primaryKey;
  else if (declaredKey && table.primaryKey.length > 0 && declaredKey.join('\u0000') !== table.primaryKey.join('\u0000')) {
    const key = `[${table.primaryKey.map((k) => `'${k}'`).join(', ')}]`;
    problems.push({
      resource: id,
      kind: 'primaryKey',
      message: `${id}: the primary key of ${where} is (${table.primaryKey.join(', ')}) but the definition says (${declaredKey.join(', ')}): ${overlay ? "leave primaryKey out to take the catalog's, or set" : 'set'} primaryKey: ${key}.`,
    });
    out.primaryKey = table.primaryKey;
  }
  // `list`, `search`, the soft-delete marker, the default sort and the fieldsets name columns
  // too: a dropped one is drift, and what is served goes without it. A computed column counts
  // as present everywhere but in `search` (an expression is not searched by name).
  const gone = (name: string, computedCounts = true) => !catalog.has(name) && !(computedCounts && name in (def.computed ?? {}));
  const dropped = (what: string, name: string) =>
    problems.push({
      resource: id,
      column: name,
      kind: 'column',
      message: `${id}: ${what} names column "${name}", which does not exist in ${where} (columns: ${someNames([...catalog.keys()])}): remove it or fix the name.`,
    });
  for (const option of ['list', 'search'] as const) {
    const names = def[option];
    const missing = names?.filter((n) => gone(n, option === 'list')) ?? [];
    if (missing.length === 0) continue;
    for (const name of missing) dropped(option, name);
    out[option] = names!.filter((n) => !missing.includes(n));
  }
  if (def.softDelete !== undefined && gone(def.softDelete)) {
    dropped('softDelete', def.softDelete);
    out.softDelete = undefined;
  }
  if (def.defaultSort !== undefined) {
    const sorts: readonly SortSpec[] = Array.isArray(def.defaultSort) ? def.defaultSort : [def.defaultSort as SortSpec];
    for (const sort of sorts.filter((s) => gone(s.column))) dropped('defaultSort', sort.column);
    const kept = sorts.filter((s) => !gone(s.column));
    if (kept.length < sorts.length) out.defaultSort = kept.length > 0 ? kept : undefined;
  }
  if (def.fieldsets !== undefined) {
    for (const name of def.fieldsets.flatMap((f) => f.columns).filter((n) => gone(n))) dropped('a fieldset', name);
    out.fieldsets = def.fieldsets.map((f) => ({ ...f, columns: f.columns.filter((c) => !gone(c)) })).filter((f) => f.columns.length > 0);
  }
  // Newest first when the table records its rows' creation, as introspection orders it.
  if (overlay && def.defaultSort === undefined) out.defaultSort = newestFirstSort(table);
  // A view PostgreSQL does not write through, or a materialized view, is read-only unless the definition says otherwise.
  if (overlay && def.readOnly === undefined && (table.kind === 'materialized_view' || (table.kind === 'view' && table.writable !== true))) out.readOnly = true;
  return { def: out, problems };
}

function overlayColumn(
  id: string,
  where: string,
  table: CatalogTable,
  column: ColumnDef,
  found: CatalogColumn,
  overlay: boolean,
  reference: ColumnDef['references'],
  problems: DriftProblem[],
): FullColumnDef {
  const base = catalogColumnDef(found, false, reference);
  const out: FullColumnDef = overlay ? { ...base, ...said(column), type: column.type ?? base.type } : { ...(column as FullColumnDef) };
  if (column.type !== undefined && !FITS[base.type].includes(column.type)) {
    problems.push({
      resource: id,
      column: column.name,
      kind: 'type',
      message: `${id}: column "${column.name}" is ${found.sqlType} in ${where}, which type '${column.type}' does not fit: say type: '${base.type}'${overlay ? ", or leave type out to take the catalog's" : ''}.`,
    });
    out.type = base.type;
    out.options = base.options;
  }
  if (column.nullable !== undefined && knowsNullability(table) && column.nullable !== found.nullable) {
    problems.push({
      resource: id,
      column: column.name,
      kind: 'nullable',
      message: found.nullable
        ? `${id}: column "${column.name}" may be NULL in ${where} but the definition says nullable: false: remove nullable, or make the column NOT NULL.`
        : `${id}: column "${column.name}" is NOT NULL in ${where} but the definition says nullable: true: remove nullable (the catalog says it), or drop the NOT NULL.`,
    });
    out.nullable = found.nullable;
  }
  if (found.enumLabels && out.type === 'enum' && column.options) {
    const labels = new Set(found.enumLabels);
    const unknown = column.options.filter((o) => !labels.has(o));
    if (unknown.length > 0) {
      problems.push({
        resource: id,
        column: column.name,
        kind: 'options',
        message: `${id}: column "${column.name}" lists ${unknown.map((o) => `"${o}"`).join(', ')}, which type ${found.sqlType} of ${where} does not have (it has: ${someNames(found.enumLabels, 20)}): remove ${unknown.length > 1 ? 'them' : 'it'} or add ${unknown.length > 1 ? 'them' : 'it'} to the type.`,
      });
      const kept = column.options.filter((o) => labels.has(o));
      out.options = kept.length > 0 ? kept : found.enumLabels;
    }
  }
  return out;
}

/** A domain's definitions laid over its catalog: what is served, what cannot be, and every difference. */
export interface OverlaidDomain {
  resources: Resource[];
  /** Resources that cannot be served (their table is gone, or the drift leaves them inconsistent), with the reason in words. */
  unavailable: Map<string, string>;
  drift: DriftProblem[];
}

/**
 * Resolves a domain's definitions against its catalog. A definition in the full form without
 * drift resolves exactly as written; a definition error that is not drift throws, as at start-up.
 */
export function overlayDomain(defs: readonly ResourceDef<string>[], tables: readonly CatalogTable[]): OverlaidDomain {
  const resourceByTable = new Map<string, string>();
  for (const def of defs) if (!resourceByTable.has(qualified(tableOf(def)))) resourceByTable.set(qualified(tableOf(def)), def.name);
  const result: OverlaidDomain = { resources: [], unavailable: new Map(), drift: [] };
  for (const def of defs) {
    const { def: served, problems } = overlayDefinition(def, tables, resourceByTable);
    result.drift.push(...problems);
    const reason = problems.map((p) => p.message).join(' ');
    if (!served) {
      result.unavailable.set(def.name, reason);
      continue;
    }
    try {
      result.resources.push(resolveResource(problems.length === 0 && !isOverlay(def) ? def : served));
    } catch (error) {
      if (!(error instanceof ResourceDefinitionError) || problems.length === 0) throw error;
      result.unavailable.set(def.name, `${reason} (${error.message})`);
    }
  }
  linkReferences(result.resources, {
    defined: new Set(defs.map((d) => d.name)),
    report: (resource, message) => result.drift.push({ resource, kind: 'column', message }),
  });
  return result;
}
