import { atLeast, customActionRole, MINIMUM_ROLE, type Action, type DomainRole } from '../auth/roles';
import { ResourceDefinitionError } from './errors';
import { resolveRecordLabel } from './record-label';
import { guessSingular } from './singular';
import { resolveWriteHooks } from './hooks';
import { resolveInlines } from './inlines';
import { resolveComputedColumns } from './computed';
import { resolveColumnExtras, resolveFieldsets } from './renderers';
import type { ColumnDef, ColumnType, FilterKind, FullColumnDef, FullResourceDef, Resource, ResolvedColumn, ResourceDef, SortSpec } from './types';
import { MAX_SORT_COLUMNS } from '../shared/sort-param';
import type { KnownDomain } from '../config/current';
import type { AnyRow, RowValues } from './hooks';
import type { HubRows } from './rows';
import { humanize, resourceBaseName, titleFor } from './words';
import { englishOf, type Label } from './label';
import { englishOptionLabels, translationsOf } from './localize';

export { humanize };

/**
 * Class-level defaults in the spirit of Django's ModelAdmin: a definition names only what
 * differs from these.
 */
export const RESOURCE_DEFAULTS = {
  pageSize: 50,
  icon: 'table',
  iconColor: 'blue',
  exactCountBelow: 50_000,
} as const;

const UNSORTABLE: ReadonlySet<ColumnType> = new Set(['json', 'array', 'longtext', 'bytes']);
// Filters offered without asking: the ones an operator reaches for on almost any table.
// Numeric ranges are opt-in (`filter: 'range'`): on ids and counts they are mostly noise.
const DEFAULT_FILTER: Partial<Record<ColumnType, FilterKind>> = {
  enum: 'oneOf',
  boolean: 'boolean',
  date: 'range',
  datetime: 'range',
  timestamp: 'range',
};

/** Integer columns that name something rather than count it: ids and years (2001, not 2,001). */
const NAMES_NOT_QUANTITIES = /(^|_)(id|year|yr)$/i;

/**
 * A column's header when the definition gives none: its name in words, without the suffixes
 * a schema adds for itself ("id" → "ID", "customer_id" → "Customer", "created_at" → "Created"
 * for a date or time), as Django names a ForeignKey field after the relation.
 */
export function columnLabel(column: Pick<FullColumnDef, 'name' | 'type'>): string {
  if (column.name === 'id') return 'ID';
  const reference = /^(.+)_id$/.exec(column.name);
  if (reference) return humanize(reference[1]!);
  const moment = /^(.+)_at$/.exec(column.name);
  if (moment && ['datetime', 'timestamp', 'date'].includes(column.type)) return humanize(moment[1]!);
  return humanize(column.name);
}

const STAMP_NAMES = /^(created|updated|modified|inserted|changed)_(at|on|time)$/;

/** `created_at` / `updated_at` with a DEFAULT: maintained by the database, read-only unless the definition says otherwise. */
function isDatabaseStamp(column: FullColumnDef): boolean {
  return column.hasDefault === true && STAMP_NAMES.test(column.name) && ['datetime', 'timestamp', 'date'].includes(column.type);
}

function resolveColumn(column: FullColumnDef): ResolvedColumn {
  const hidden = UNSORTABLE.has(column.type);
  const list = column.list ?? !hidden;
  return {
    name: column.name,
    type: column.type,
    label: englishOf(column.label) ?? columnLabel(column),
    ...(column.optionLabels ? { optionLabels: englishOptionLabels(column.optionLabels) } : {}),
    sortable: column.sortable ?? !hidden,
    searchable: column.searchable ?? false,
    // Offered by default only for columns the list shows: a filter bar of every timestamp is noise.
    // A foreign key is filtered by the record it names (a picker), like an enum by its options.
    filter: column.filter === false ? undefined : (column.filter ?? (list ? (column.references ? 'equals' : DEFAULT_FILTER[column.type]) : undefined)),
    options: column.options,
    list,
    nullable: column.nullable ?? true,
    // A creation or change stamp the database fills (DEFAULT now(), a trigger) is not typed by people.
    readOnly: column.readOnly ?? isDatabaseStamp(column),
    references: column.references ? { resource: column.references.resource, column: column.references.column ?? 'id' } : undefined,
    currency: column.currency,
    // A secret is masked for everyone (maskedColumns), in full, wherever a mask applies (lists, exports, the audit log).
    mask: column.secret ? { kind: 'full', visibleFrom: 'admin' } : column.mask ? { kind: column.mask, visibleFrom: column.visibleFrom ?? 'editor' } : undefined,
    secret: column.secret ?? false,
    hasDefault: column.hasDefault ?? false,
    // Settled in resolveResource, once key columns are known to be NOT NULL.
    required: column.required ?? false,
    maxLength: column.maxLength,
    digits: column.precision !== undefined ? { precision: column.precision, scale: column.scale ?? 0 } : undefined,
    input: undefined, // with cell, display and help: resolveColumnExtras (renderers.ts), in resolveResource
    grouping: column.grouping ?? !NAMES_NOT_QUANTITIES.test(column.name),
  };
}

/** The hub's minimum per action, raised (never lowered) by the definition. */
function resolveAccess(access: ResourceDef<string>['access']): Record<Action, DomainRole> {
  const out = { ...MINIMUM_ROLE };
  for (const [action, role] of Object.entries(access ?? {}) as [Action, DomainRole][]) {
    if (atLeast(role, out[action])) out[action] = role;
  }
  return out;
}

/** An internal action's name: the last segment of `<D_INTERNAL_URL>/api/internal/<name>`. */
export const INTERNAL_ACTION_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export { ResourceDefinitionError };

/** `defaultSort` as a list (one object is a list of one), each column sortable, declared and named once. */
function resolveDefaultSort(id: string, given: SortSpec | readonly SortSpec[], columns: ResolvedColumn[]): SortSpec[] {
  const list: readonly SortSpec[] = Array.isArray(given) ? given : [given as SortSpec];
  if (list.length === 0 || list.length > MAX_SORT_COLUMNS)
    throw new ResourceDefinitionError(id, `default sort must name from 1 to ${MAX_SORT_COLUMNS} columns (${list.length} given).`);
  for (const [i, sort] of list.entries()) {
    if (!columns.find((c) => c.name === sort.column)?.sortable)
      throw new ResourceDefinitionError(id, `default sort column "${sort.column}" is not a sortable declared column.`);
    if (sort.direction !== 'asc' && sort.direction !== 'desc')
      throw new ResourceDefinitionError(id, `default sort column "${sort.column}" needs a direction: 'asc' or 'desc'.`);
    if (list.findIndex((s) => s.column === sort.column) !== i) throw new ResourceDefinitionError(id, `default sort names "${sort.column}" twice.`);
  }
  return list.map((s) => ({ column: s.column, direction: s.direction }));
}

/** An action's name in words: 'regenerate-summary' → "Regenerate summary". */
const actionLabel = (name: string) => humanize(name.replace(/[-_]+/g, ' '));

/** The columns named in `first` first, in that order, then the others in their own. */
function orderedBy(first: readonly string[], columns: ResolvedColumn[]): ResolvedColumn[] {
  const rank = (c: ResolvedColumn) => (first.includes(c.name) ? first.indexOf(c.name) : first.length);
  return columns
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * Fills in defaults and checks the definition's internal consistency, so that a mistake
 * (a sort on a column that is not declared, a bad table name) fails at start-up with the
 * resource's name rather than as a SQL error on some page.
 */
export function resolveResource(def: ResourceDef<string> | FullResourceDef, options: { introspected?: boolean } = {}): Resource {
  const id = `${def.domain}/${def.name}`;
  if (!/^[a-z][a-z0-9-]*$/.test(def.name)) throw new ResourceDefinitionError(id, 'name must be lower-case letters, digits and dashes.');
  const [schema, table, extra] = def.table.includes('.') ? def.table.split('.') : ['public', def.table];
  if (!schema || !table || extra !== undefined) throw new ResourceDefinitionError(id, `table "${def.table}" must be "schema.table" or "table".`);
  // Every Label has every language, or the start stops here naming it; the other languages' texts are kept aside.
  const translations = translationsOf(id, def);
  const given = def.columns ?? [];
  const untyped = given.find((c) => c.type === undefined);
  if (untyped || given.length === 0)
    throw new ResourceDefinitionError(
      id,
      `${untyped ? `column "${untyped.name}" has no type` : 'no columns'}: the catalog completes it (resources/overlay.ts) before it is resolved.`,
    );
  for (const [option, names] of [
    ['list', def.list],
    ['search', def.search],
  ] as const) {
    // A computed column may be listed; it is searched only when it says `searchable` itself.
    const unknown = (names ?? []).filter((n) => !given.some((c) => c.name === n) && !(option === 'list' && n in (def.computed ?? {})));
    if (unknown.length > 0)
      throw new ResourceDefinitionError(
        id,
        `${option} names ${unknown.map((n) => `"${n}"`).join(', ')}, not a ${option === 'list' ? '' : 'declared '}column of the resource.`,
      );
  }
  const columns = (given as readonly FullColumnDef[])
    .map((c) => ({ ...c, list: def.list ? def.list.includes(c.name) : c.list, searchable: def.search?.includes(c.name) || c.searchable }))
    .map(resolveColumn);
  const names = new Set(columns.map((c) => c.name));
  if (names.size !== columns.length) throw new ResourceDefinitionError(id, 'a column is declared twice.');
  const keyless = def.keyless ?? false;
  const primaryKey = [...(def.primaryKey ?? (keyless ? columns.filter((c) => c.sortable).map((c) => c.name) : ['id']))];
  if (keyless && primaryKey.length === 0) throw new ResourceDefinitionError(id, 'a keyless resource needs at least one sortable column to order its rows by.');
  for (const key of primaryKey) {
    if (!names.has(key)) throw new ResourceDefinitionError(id, `primary key column "${key}" is not declared in columns.`);
  }
  // Computed columns (ResourceDef.computed) after the declared ones: read-only, never a key, a soft-delete marker or a record label.
  const declared = [...columns];
  columns.push(...resolveComputedColumns(id, def.computed, names, (c) => resolveColumn({ ...c, list: def.list ? def.list.includes(c.name) : c.list })));
  const defaultSort = resolveDefaultSort(id, def.defaultSort ?? { column: primaryKey[0]!, direction: 'desc' }, columns);
  if (def.softDelete && !names.has(def.softDelete)) {
    throw new ResourceDefinitionError(id, `soft-delete column "${def.softDelete}" is not declared in columns.`);
  }
  // The soft-delete marker is set by delete and cleared by restore, never typed, and the trash shows it: read-only and unlisted unless said.
  const marker = given.findIndex((c) => c.name === def.softDelete);
  if (marker >= 0) {
    columns[marker]!.readOnly = given[marker]!.readOnly ?? true;
    columns[marker]!.list = given[marker]!.list ?? false;
    if (given[marker]!.list === undefined && given[marker]!.filter === undefined) columns[marker]!.filter = undefined;
  }
  for (const c of columns) {
    if (c.type === 'enum' && !c.options?.length) throw new ResourceDefinitionError(id, `enum column "${c.name}" needs its options.`);
  }
  for (const [name, action] of Object.entries(def.internalActions ?? {})) {
    if (!INTERNAL_ACTION_NAME.test(name))
      throw new ResourceDefinitionError(id, `internal action "${name}" must be lower-case letters, digits and dashes (it is a URL segment).`);
    if (action.scope !== undefined && action.scope !== 'row' && action.scope !== 'resource')
      throw new ResourceDefinitionError(id, `internal action "${name}" needs a scope: 'row' or 'resource'.`);
  }
  if (def.scope !== undefined && typeof def.scope !== 'function')
    throw new ResourceDefinitionError(
      id,
      'scope must be a function of the operator returning { column, equals } or { column, in } (or a list of them), or undefined.',
    );
  // Key columns are never NULL; saying so lets keyset pagination use a plain row comparison.
  // A keyless resource's tie-breakers are just columns (often nullable) and it pages by position.
  if (!keyless) for (const c of columns) if (primaryKey.includes(c.name)) c.nullable = false;
  // Required on create: NOT NULL without a default, and not written by the database.
  for (const [i, c] of columns.entries()) c.required = c.computed ? false : (given[i]!.required ?? (!c.nullable && !c.hasDefault && !c.readOnly));
  // Renderers by name (the UI implements them) and help text, as plain data for the browser.
  given.forEach((column, i) => Object.assign(columns[i]!, resolveColumnExtras(id, column)));
  return {
    domain: def.domain,
    name: def.name,
    table: { schema, name: table },
    primaryKey,
    keyless,
    title: englishOf(def.title),
    singular: englishOf(def.singular) ?? guessSingular(englishOf(def.title)),
    recordLabel: resolveRecordLabel(id, def.recordLabel, declared, keyless ? [] : primaryKey), // a keyless resource's "key" is every column
    referrers: [],
    subtitle: englishOf(def.subtitle),
    icon: def.icon ?? RESOURCE_DEFAULTS.icon,
    iconColor: def.iconColor ?? RESOURCE_DEFAULTS.iconColor,
    // `list` orders the list: its columns first, as named; the rest as declared.
    columns: def.list ? orderedBy(def.list, columns) : columns,
    defaultSort,
    pageSize: def.pageSize ?? RESOURCE_DEFAULTS.pageSize,
    softDelete: def.softDelete,
    readOnly: keyless || (def.readOnly ?? false),
    rowVersion: def.rowVersion ?? 'xmin',
    exactCountBelow: def.exactCountBelow ?? RESOURCE_DEFAULTS.exactCountBelow,
    introspected: options.introspected ?? false,
    access: resolveAccess(def.access),
    actions: Object.fromEntries(
      Object.entries(def.actions ?? {}).map(([name, a]) => [name, { ...a, label: englishOf(a.label) ?? actionLabel(name), confirm: englishOf(a.confirm) }]),
    ),
    internalActions: Object.fromEntries(
      Object.entries(def.internalActions ?? {}).map(([name, a]) => [
        name,
        { ...a, label: englishOf(a.label) ?? actionLabel(name), confirm: englishOf(a.confirm), scope: a.scope ?? 'row' },
      ]),
    ),
    refusalSubject: undefined,
    scope: [],
    rowScope: def.scope,
    hooks: resolveWriteHooks(id, def),
    inlines: resolveInlines(id, def.inlines),
    fieldsets: resolveFieldsets(id, def.fieldsets, columns),
    translations,
  };
}

/** A definition as written: `name` and `title` may be left to the table's name ("public.order_items" → "order-items", "Order items"). */
export type ResourceDefInput<D extends string = KnownDomain, C extends ColumnDef = ColumnDef, R extends AnyRow = RowValues<C>> = Omit<
  ResourceDef<D, C, R>,
  'name' | 'title'
> &
  Partial<Pick<ResourceDef<D, C, R>, 'name' | 'title'>>;

/** How HubRows names a table (rows.ts): "public.posts" and "posts" → "posts", "audit.events" stays. */
type RowKey<T extends string> = T extends `public.${infer Name}` ? Name : T;

/**
 * The row a definition's `validate` and hooks see: its table's generated row type (`npm run
 * introspect -- <domain> --types`) when the program has one, else what its columns say.
 */
export type DefinedRow<D extends string, T extends string, C extends ColumnDef> = D extends keyof HubRows
  ? RowKey<T> extends keyof HubRows[D]
    ? HubRows[D][RowKey<T>] & AnyRow
    : RowValues<C>
  : RowValues<C>;

/** The URL name and title a definition gets when it leaves them out, from its table. */
export function withDefaultNames<T extends { table: string; name?: string; title?: Label }>(def: T): T & { name: string; title: Label } {
  const [schema, table] = def.table.includes('.') ? def.table.split('.') : ['public', def.table];
  const name = def.name ?? resourceBaseName(schema ?? '', table ?? '');
  return { ...def, name, title: def.title ?? titleFor(name) };
}

/**
 * Declares a resource. The domain is type-checked against src/admin/domains.ts; the rest is
 * checked when the definition is resolved at start-up.
 */
export function defineResource<
  const C extends ColumnDef,
  const Dom extends KnownDomain,
  const T extends string,
  const D extends ResourceDefInput<Dom, C, DefinedRow<Dom, T, C>>,
>(def: D & { domain: Dom; table: T } & ResourceDefInput<Dom, C, DefinedRow<Dom, T, C>>): D & { name: string; title: Label } {
  // `C`, the domain and the table are inferred first, so `validate` and `hooks` are typed by the table's row.
  return withDefaultNames(def);
}

/**
 * `defineResource` for one domain, by table (Django's `admin.site.register(Model, ModelAdmin)`):
 * `const blog = defineIn('blog')`, then `blog('posts', { search: ['title'] })`. Typed the same way;
 * always an overlay on the catalog (`columnsFrom: 'catalog'`), even when every column it names has a type.
 */
export function defineIn<const Dom extends KnownDomain>(domain: Dom) {
  return <const T extends string, const C extends ColumnDef, const D extends Omit<ResourceDefInput<Dom, C, DefinedRow<Dom, T, C>>, 'domain' | 'table'>>(
    table: T,
    def: D & Omit<ResourceDefInput<Dom, C, DefinedRow<Dom, T, C>>, 'domain' | 'table'> = {} as D,
  ): D & { domain: Dom; table: T; name: string; title: Label; columnsFrom: 'catalog' | 'definition' } =>
    withDefaultNames({ columnsFrom: 'catalog' as const, ...def, domain, table });
}

/** What the browser may receive: the resource without server-side functions (custom actions' `run`, row scopes) or scope values. */
export type ClientResource = Omit<Resource, 'actions' | 'hooks'> & {
  /** Always empty: `validate` and the hooks are server code. */
  hooks: Record<string, never>;
  actions: Record<string, { label: string; role: string; confirm: string | undefined }>;
};

export function toClientResource(resource: Resource): ClientResource {
  const actions = Object.fromEntries(
    Object.entries(resource.actions).map(([name, a]) => [name, { label: a.label, role: customActionRole(a, resource.access), confirm: a.confirm }]),
  );
  const referrers = resource.referrers.map((r) => ({ ...r, scopeFor: undefined, scope: undefined }));
  // A computed column's SQL stays on the server; `computed` tells the browser it is read-only.
  const columns = resource.columns.map((c) => (c.sql === undefined ? c : { ...c, sql: undefined }));
  return { ...resource, columns, actions, referrers, scope: [], rowScope: undefined, hooks: {} };
}
