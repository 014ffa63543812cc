import type { Action, DomainRole } from '../auth/roles';
import type { Operator } from '../auth/operator';
import type { HubTypes, KnownDomain } from '../config/current';
import type { Tx } from '../db/query';
import type { AnyRow, FieldErrors, ResourceHooks, RowValues, ValidateContext, WriteHooks, Writes } from './hooks';

export type * from './hooks';
import type { Label } from './label';
import type { Locale } from '../shared/locale';
export type { Label } from './label';

/**
 * The vocabulary of a resource definition: one plain typed object per table, from which
 * the list page, filters, sort, search, forms, validation, access and the SQL all derive.
 * Everything here is data (serialisable), so the same definition can be handed to a
 * client component after `toClientResource` strips what the browser must not see.
 */
export type IconColor = 'blue' | 'green' | 'amber' | 'rose' | 'violet';

/** How a value is stored and shown. The engine derives filter parsing and rendering from it. */
export type ColumnType =
  | 'text'
  | 'longtext'
  | 'integer' // int2/int4: JS number
  | 'bigint' // int8: kept as a string end to end, so ids above 2^53 survive
  | 'number' // numeric/float: shown as number, sent as string when numeric
  | 'money_cents' // integer cents, shown as currency
  | 'boolean'
  | 'date'
  | 'datetime' // timestamptz: an instant, shown and typed with its zone
  | 'timestamp' // timestamp without time zone: a wall-clock date and time, stored as typed, no zone
  | 'enum'
  | 'json'
  | 'array'
  | 'uuid'
  | 'bytes' // bytea: shown as hex (\x0a1b), downloaded and uploaded as a file
  | 'email';

export type FilterKind = 'equals' | 'oneOf' | 'range' | 'boolean' | 'isNull';

export interface ColumnDef {
  /** Column name in the table; it is quoted in every statement. */
  name: string;
  /** Default: from the domain's catalog (see "Definitions as an overlay"); say it to show a column differently (`money_cents` for a bigint). */
  type?: ColumnType;
  /** Header text (a Label: `{ en, ko }` or one text); defaults to the name in words, without `_id` or a timestamp's `_at` ("customer_id" → "Customer", "created_at" → "Created", "id" → "ID"). */
  label?: Label;
  /** Default: true for scalar types, false for json, array and longtext. */
  sortable?: boolean;
  /** Searched by the search box (case-insensitive substring). Default: false. */
  searchable?: boolean;
  /** Filter offered in the filter bar (for listed columns). Default: a foreign key (`references`) → equals; by type: enum → oneOf, boolean → boolean, date/datetime → range, else none. */
  filter?: FilterKind | false;
  /** Allowed values of an enum column, in display order. */
  options?: readonly string[];
  /** How an enum's values read to operators (`{ paid: { en: 'Paid', ko: '결제 완료' } }`); a value left out shows as stored. */
  optionLabels?: Readonly<Record<string, Label>>;
  /** Shown in the list by default. Default: true except json, longtext, array. */
  list?: boolean;
  /** May be NULL. Default: true. Keyset pagination on a NOT NULL sort key can use a plain row comparison (faster). */
  nullable?: boolean;
  /** Written by the database (identity, generated, defaults the hub must not override). */
  readOnly?: boolean;
  /** This column holds the primary key of another resource of the same domain. */
  references?: { resource: string; column?: string };
  /** For money_cents: ISO currency used for display. */
  currency?: string;
  /**
   * Hide the value from operators below `visibleFrom` (default: editor): `email` shows
   * j***@example.com, `full` shows ***. A masked column cannot be searched, sorted or
   * filtered by those operators either, so it cannot be guessed through the list.
   */
  mask?: 'email' | 'full';
  visibleFrom?: DomainRole;
  /**
   * Write-only, for passwords, tokens and keys: shown as *** to every role (superadmins too),
   * never searched, sorted, filtered, exported in clear or kept in the audit log; those who may
   * edit the resource can set a new value (left empty, the stored one is kept). `npm run
   * introspect` and zero-config domains set it for columns named like secrets.
   */
  secret?: boolean;
  /**
   * The column has a DEFAULT in the database, so a new row may leave it empty (introspection
   * writes it). Default: false. A NOT NULL column without one must be given on create.
   */
  hasDefault?: boolean;
  /**
   * Must be given when a row is created. Default: NOT NULL without a default
   * (`nullable: false` and no `hasDefault`), unless read-only. `true` on a nullable column
   * also refuses to empty it on edit; a NOT NULL column can never be emptied on edit.
   */
  required?: boolean;
  /**
   * Integers shown with thousands separators (12,345). Default: true, except columns named like
   * ids or years (`id`, `…_id`, `year`, `…_yr`); `npm run introspect` writes false for integers
   * of a domain type (a year, a code), which name something rather than count it.
   */
  grouping?: boolean;
  /** Longest text accepted, checked before the database would refuse it. */
  maxLength?: number;
  /**
   * numeric(precision, scale): the value is rounded to `scale` decimals and must have at most
   * precision − scale digits before the point. Checked before the database would refuse it
   * ("numeric field overflow"), on the field. `npm run introspect` writes both.
   */
  precision?: number;
  scale?: number;
  /**
   * The list cell's renderer, by name from the UI's registry (src/components/renderers/names.ts),
   * with its options as plain JSON: `cell: 'progress'`, `cell: { kind: 'badge', tones: { paid: 'success' } }`.
   * A name the UI does not register does not compile. Default: by type.
   */
  cell?: ValueRendererChoice;
  /** The record page's renderer (the same names as `cell`). Default: the `cell` renderer, else by type. */
  display?: ValueRendererChoice;
  /**
   * The form's widget, by name from the UI's registry: `'markdown'`, `'textarea'`, `'color'`, or with
   * options (`{ kind: 'textarea', rows: 3 }`). A name the UI does not register does not compile. Default: by type.
   */
  input?: InputWidgetChoice;
  /** A sentence under the form field, read out with it (aria-describedby): what to type, where it shows. */
  help?: Label;
}

/** A renderer by name, or by name with its options (plain JSON): `'badge'` or `{ kind: 'badge', tones: { paid: 'success' } }`. */
export type RendererChoice<M> = { [N in keyof M & string]: N | ({ kind: N } & M[N]) }[keyof M & string];
/** What the UI declared through HubTypes (src/components/renderers/names.ts); any name in a program without it. */
type Declared<K extends 'valueRenderers' | 'inputWidgets'> = HubTypes extends Record<K, infer M> ? M : Record<string, Record<string, unknown>>;
/** A `cell` or `display` renderer a column may name. */
export type ValueRendererChoice = RendererChoice<Declared<'valueRenderers'>>;
/** An `input` widget a column may name. */
export type InputWidgetChoice = RendererChoice<Declared<'inputWidgets'>>;

/** A renderer as the UI receives it (plain data): its name and its options. */
export interface RendererRef {
  kind: string;
  options: Readonly<Record<string, unknown>>;
}

/** A section of the record form and page: a title, an optional line under it, and its columns in order. */
export interface FieldsetDef {
  title: Label;
  description?: Label;
  columns: readonly string[];
}

/** A column with its type said: what `resolveResource` works from (the catalog fills in the rest first; see resources/overlay.ts). */
export interface FullColumnDef extends ColumnDef {
  type: ColumnType;
}

/**
 * A read-only column whose value is a SQL expression over the row (ResourceDef.computed), e.g.
 * `{ sql: 'quantity * unit_price_cents', type: 'money_cents', currency: 'EUR' }`. The expression is
 * trusted definition code, never request text: it may name only the row's own columns (unqualified,
 * or qualified by the table's name), is wrapped in parentheses, cast to `type`'s PostgreSQL type
 * (bigint/money_cents → int8, integer → int4, text → text, datetime → timestamptz…; number, enum,
 * json and array as written) and given the column's name as its quoted alias. No `;`, comments or
 * `$` (no parameters, no dollar quoting). Sorting and filtering are opt-in (`sortable`, `filter`):
 * without an index on the same expression they read the whole table.
 */
export type ComputedColumnDef = Omit<
  ColumnDef,
  'name' | 'type' | 'readOnly' | 'references' | 'secret' | 'hasDefault' | 'required' | 'maxLength' | 'precision' | 'scale' | 'input'
> & {
  /** The SQL expression, e.g. `'first_name || \' \' || last_name'` or `'round(total_cents::numeric / NULLIF(item_count, 0))'`. */
  sql: string;
  type: ColumnType;
};

/** A server-side operation on one row, declared beside the resource ("force merge", "resend"). */
export interface CustomActionDef {
  /** Default: the name in words ('toggle-active' → "Toggle active"). */
  label?: Label;
  /** Role needed on the domain (reading the resource is needed too). Default: the resource's update role (`access.update`). */
  role?: DomainRole;
  /** Shown in a confirmation before running; omit for actions that need none. */
  confirm?: Label;
  /** Runs inside the write's audited transaction (commits with its audit entry, action `custom`, or not at all). */
  run: (context: { tx: Tx; row: Record<string, unknown>; operator: Operator }) => Promise<string | void>;
}

/**
 * An action the domain's own service performs (over HTTP, signed; see engine/internal): the
 * hub only asks, the service does the work in its own code ("regenerate the summary",
 * "send the notification"). Needs the `internal` role (admin) and D_INTERNAL_URL/_SECRET.
 */
export interface InternalActionDef {
  /** Default: the name in words ('regenerate-summary' → "Regenerate summary"). */
  label?: Label;
  /** `row` (default): run on one record (its id is sent); `resource`: on the resource as a whole. */
  scope?: 'row' | 'resource';
  /** Shown in a confirmation before running; omit for actions that need none. */
  confirm?: Label;
}

/** A custom action with its defaults filled in (Resource.actions). */
export type ResolvedCustomAction = Omit<CustomActionDef, 'label' | 'confirm'> & { label: string; confirm: string | undefined };
/** An internal action with its defaults filled in (Resource.internalActions). */
export type ResolvedInternalAction = Omit<InternalActionDef, 'label' | 'confirm'> & { label: string; confirm: string | undefined; scope: 'row' | 'resource' };

export interface SortSpec {
  column: string;
  direction: 'asc' | 'desc';
}

/** A value a row scope compares a column with: always sent as a $n parameter, compared in the column's own type. */
export type ScopeValue = string | number | boolean;

/** One condition of a row scope: the column equals a value, or is one of several (an empty list matches no row). */
export type RowCondition = { column: string; equals: ScopeValue } | { column: string; in: readonly ScopeValue[] };

/** The rows an operator may see and touch: one condition, or several that must all hold. */
export type RowScope = RowCondition | readonly RowCondition[];

/** A resolved row-scope condition, as every query of the resource carries it (see Resource.scope). */
export type ScopeCondition = { column: string; value: ScopeValue; values?: never } | { column: string; values: readonly ScopeValue[]; value?: never };

/**
 * `C`: the definition's columns as written (inferred by defineResource); `R`: the row `validate`
 * and `hooks` see, the table's generated row type when there is one (rows.ts), else the columns'.
 */
export interface ResourceDef<D extends string = KnownDomain, C extends ColumnDef = ColumnDef, R extends AnyRow = RowValues<C>> {
  domain: D;
  /** URL segment: /d/<domain>/<name>. Lower-case, digits, dashes. */
  name: string;
  /** Schema-qualified table or view: "public.posts". */
  table: string;
  /** One column or several (composite key). Default: ['id']. With `keyless`, only the order of ties. */
  primaryKey?: readonly string[];
  /**
   * Nothing identifies a row (a view without a key, duplicate rows possible): the list pages
   * by position, rows have no page or link of their own, and the resource is read-only.
   * `primaryKey` then only breaks ties in the order (default: every sortable column).
   */
  keyless?: boolean;
  /** The resource's name in the plural, as lists and the sidebar show it: "Orders", or `{ en: 'Orders', ko: '주문' }` (a Label). */
  title: Label;
  /** One row's kind: "Order" ("New order", "Delete order 79?"). Default: guessed from `title` in English; in Korean, the title (Korean nouns have no plural). */
  singular?: Label;
  /**
   * How one row is named wherever it appears (foreign keys in lists, record titles, search,
   * the audit log): a column (`'name'`) or a template (`'{first_name} {last_name}'`). Default:
   * the first of name, full_name, display_name, title, label, username, email, slug, code…, or
   * first_name + last_name, or the first searchable text column; `false` for none (the id).
   */
  recordLabel?: string | false;
  subtitle?: Label;
  /** lucide icon name from the kit's icon map ('file-text', 'users', …). */
  icon?: string;
  iconColor?: IconColor;
  /**
   * The columns to show differently from the catalog. Left out, or with a column that leaves
   * out its `type` (the overlay form), every column comes from the domain's catalog, in the
   * table's order, each named one adjusted as said; a definition whose every column states its
   * `type` (the full form) serves exactly those columns, in the order written.
   */
  columns?: readonly C[];
  /**
   * `catalog`: every column of the table, from the domain's catalog, adjusted by `columns` (the
   * overlay form; `defineIn` says it). `definition`: exactly `columns`, each with its `type` (the
   * full form, served without reading the catalog). Default: `definition` when every column
   * states its `type`, else `catalog`.
   */
  columnsFrom?: 'catalog' | 'definition';
  /**
   * The columns the list shows by default, in this order (Django's `list_display`); the others
   * stay one click away in the column picker. Default: each column's own `list`.
   */
  list?: readonly string[];
  /** The columns the search box searches (Django's `search_fields`), besides those marked `searchable`. */
  search?: readonly string[];
  /**
   * Read-only columns computed by a SQL expression over the row, by name (shown after the
   * declared columns): in the list, the record page and exports; sortable, filterable and
   * searchable (text types only) when said so; never written. See ComputedColumnDef.
   */
  computed?: Record<string, ComputedColumnDef>;
  /**
   * Default: primary key, descending (newest first for identity keys). One column, or up to
   * three in order (`[{ column: 'status', direction: 'asc' }, { column: 'created_at', direction: 'desc' }]`).
   */
  defaultSort?: SortSpec | readonly SortSpec[];
  /** Rows per page (Django's list_per_page). Default: 50. */
  pageSize?: number;
  /** Column set to a timestamp on soft delete; rows with it set are hidden from the list (it is read-only and unlisted unless the column says otherwise). */
  softDelete?: string;
  /** No writes at all (views, introspected tables). */
  readOnly?: boolean;
  /**
   * How an edit's row version is taken, for the conflict check: `xmin` (default; PostgreSQL
   * changes it on every update of the row) or `values` (a keyed hash of the row's values, for
   * an updatable view, which has no xmin). Introspection sets `values` for updatable views.
   */
  rowVersion?: 'xmin' | 'values';
  /** Count without a filter is exact below this many estimated rows. Default 50,000. */
  exactCountBelow?: number;
  /** Raise the role an action needs on this resource (never lowers the hub's minimum). */
  access?: Partial<Record<Action, DomainRole>>;
  /** Custom row actions by name. */
  actions?: Record<string, CustomActionDef>;
  /** Actions run by the domain's own service, by name (the name is the URL segment: lower-case, digits, dashes). */
  internalActions?: Record<string, InternalActionDef>;
  /**
   * The rows this operator may see and change (list, counts, record, writes, export, bulk,
   * search, labels): e.g. `(op) => op.superadmin ? undefined : { column: 'region', in: regionsOf(op.email) }`.
   * Called for every operator, superadmins included; `undefined` = no restriction. A row
   * outside it is "not found"; a write that would move a row out of it is refused on the field.
   */
  scope?: (operator: Operator) => RowScope | undefined;
  /**
   * Checks a create or an edit beyond what each column's type says (Django's `clean`): return
   * messages by column (and `_form`); shown on the form with the engine's own, all at once. See
   * ValidateFunction.
   */
  validate?(values: Writes<R>, context: ValidateContext<R>): FieldErrors<keyof R & string> | void | Promise<FieldErrors<keyof R & string> | void>;
  /** Code run inside the write's audited transaction: beforeSave, afterSave, beforeDelete (see ResourceHooks). */
  hooks?: ResourceHooks<R>;
  /**
   * Related tables shown inside the record page (an author's posts), paged by cursor, each with
   * "View all N" to the related list filtered by its foreign key. See InlineDef.
   */
  inlines?: readonly InlineDef[];
  /**
   * Sections of the form and the record page, in order (Django's `fieldsets`): each column in one
   * at most; the columns in none follow in a last section. Default: one list of every column.
   */
  fieldsets?: readonly FieldsetDef[];
}

/** A definition whose columns are all listed with their types (written so, or completed from the catalog). */
export type FullResourceDef<D extends string = string> = Omit<ResourceDef<D, FullColumnDef>, 'columns'> & { columns: readonly FullColumnDef[] };

/** A definition with every default filled in: what the engine and pages work from. */
export interface Resource {
  domain: string;
  name: string;
  table: { schema: string; name: string };
  primaryKey: string[];
  /** See ResourceDef.keyless: paged by position, no row links, read-only. */
  keyless: boolean;
  title: string;
  /** See ResourceDef.singular. */
  singular: string;
  /** See ResourceDef.recordLabel: the columns in it and the template joining them ("{name}"). */
  recordLabel: { columns: string[]; template: string } | undefined;
  /**
   * Resources of the same domain whose foreign key points here (orders → customers), filled in
   * once the domain's resources are known (link-references.ts): the list's "has related rows"
   * filter (`has.orders=true`). Plain data, browser-safe.
   */
  referrers: RelatedResource[];
  subtitle: string | undefined;
  icon: string;
  iconColor: IconColor;
  columns: ResolvedColumn[];
  /** The sort a list without `sort=` has: one to three columns, the primary key breaking ties. */
  defaultSort: SortSpec[];
  pageSize: number;
  softDelete: string | undefined;
  readOnly: boolean;
  /** See ResourceDef.rowVersion. */
  rowVersion: 'xmin' | 'values';
  exactCountBelow: number;
  /** True when built from the catalog rather than written by hand. */
  introspected: boolean;
  /** The role each action needs on this resource's domain. */
  access: Record<Action, DomainRole>;
  /** Custom row actions; `run` never leaves the server (see toClientResource). */
  actions: Record<string, ResolvedCustomAction>;
  /** Actions of the domain's own service (plain data: safe to hand to the browser). */
  internalActions: Record<string, ResolvedInternalAction>;
  /** How refusals name it when "<title> in <Domain>" would not read well ("the audit log of Blog"). */
  refusalSubject: string | undefined;
  /**
   * Conditions every query of this resource carries (a row scope), ANDed: fixed ones (one
   * domain's audit entries), plus the operator's own once `withRowScope` applied `rowScope`.
   */
  scope: ScopeCondition[];
  /** ResourceDef.scope, not yet applied; `withRowScope` (auth/access.ts) resolves it per operator and clears it. Server only. */
  rowScope: ((operator: Operator) => RowScope | undefined) | undefined;
  /** ResourceDef.validate and ResourceDef.hooks: run by the engine's writes (records/write-hooks.ts). Server only. */
  hooks: WriteHooks;
  /** ResourceDef.inlines, with defaults; `via` and `refColumn` are settled once the domain's resources are known (resources/inlines.ts). */
  inlines: ResolvedInline[];
  /** See ResourceDef.fieldsets (plain data); empty when the definition has none. */
  fieldsets: Fieldset[];
  /**
   * The definition's words in the hub's other languages (its Labels' own texts), laid over the
   * English ones by `inLocale` (localize.ts) for a request in that language. Plain data.
   */
  translations: Partial<Record<Locale, ResourceTexts>>;
}

/** One language's words of a resource, where its definition gives them (see Label). */
export interface ResourceTexts {
  title?: string;
  singular?: string;
  subtitle?: string;
  columns: Record<string, { label?: string; help?: string; options?: Record<string, string> }>;
  actions: Record<string, { label?: string; confirm?: string }>;
  internalActions: Record<string, { label?: string; confirm?: string }>;
  /** By position in `fieldsets`. */
  fieldsets: { title?: string; description?: string }[];
  /** By position in the definition's `inlines`. */
  inlines: (string | undefined)[];
}

/** A resolved fieldset: its columns checked against the resource's. */
export interface Fieldset {
  title: string;
  description: string | undefined;
  columns: string[];
}

export interface ResolvedColumn {
  name: string;
  type: ColumnType;
  label: string;
  sortable: boolean;
  searchable: boolean;
  filter: FilterKind | undefined;
  options: readonly string[] | undefined;
  /** ColumnDef.optionLabels in the request's language: what each enum value reads as (a value left out shows as stored). */
  optionLabels?: Readonly<Record<string, string>>;
  list: boolean;
  nullable: boolean;
  readOnly: boolean;
  /** `target`: what the referenced resource is, filled in once the domain's resources are all known (link-references.ts). */
  references: { resource: string; column: string; target?: ReferenceTarget } | undefined;
  currency: string | undefined;
  mask: { kind: 'email' | 'full'; visibleFrom: DomainRole } | undefined;
  /** Write-only (ColumnDef.secret): masked for every role, and writable by those who may update. */
  secret: boolean;
  hasDefault: boolean;
  /** Must be given on create (see ColumnDef.required); see `isRequired` for edits. */
  required: boolean;
  maxLength: number | undefined;
  /** numeric(precision, scale) of a number column (see ColumnDef.precision). */
  digits: { precision: number; scale: number } | undefined;
  /** ColumnDef.input: the form widget's name and options (plain data). */
  input: RendererRef | undefined;
  /** ColumnDef.cell and ColumnDef.display, resolved the same way. */
  cell?: RendererRef;
  display?: RendererRef;
  /** ColumnDef.help: a line under the form field. */
  help?: string;
  /** Integers shown with thousands separators (see ColumnDef.grouping). */
  grouping: boolean;
  /** A computed column (ResourceDef.computed): read-only, never written, not in the audit's changes. */
  computed?: boolean;
  /** A computed column's SQL expression: server only (toClientResource drops it); see list/sql.ts columnSql. */
  sql?: string;
}

/** The resource a foreign key points at, as a filter or picker needs it (plain data, browser-safe). */
export interface ReferenceTarget {
  title: string;
  singular: string;
  /** How its rows are named (see ResourceDef.recordLabel); masked columns come back masked, then the id is shown. */
  recordLabel: { columns: string[]; template: string } | undefined;
  /** Its list API accepts ?q= (it has searchable columns). */
  searchable: boolean;
  /** The type of the referenced column, for typing an id directly. */
  keyType: ColumnType;
}

/** A resource that refers to another one, as the "has related rows" filter needs it. */
export interface RelatedResource {
  /** The URL parameter's name: `has.<key>` (the referrer's name, or `<name>.<column>` when it refers here by several columns). */
  key: string;
  resource: string;
  title: string;
  table: { schema: string; name: string };
  /** The referrer's foreign-key column, and the column of this resource it holds. */
  column: string;
  refColumn: string;
  /** The role reading the referrer needs: only those who may read it may filter by it. */
  readRole: DomainRole;
  /** The referrer's row scope for an operator (server only; resourceAsSeenBy turns it into `scope`). */
  scopeFor?: (operator: Operator) => ScopeCondition[];
  /** The referrer's rows this operator may see: the "has related rows" filter counts only those. */
  scope?: ScopeCondition[];
}

/**
 * A related resource shown as a table inside this resource's record page: its rows whose
 * foreign key points at the record, in its default sort, with its access, masks and row scope.
 */
export interface InlineDef {
  /** The related resource's name, in the same domain; it must have a foreign key to this resource. */
  resource: string;
  /** Its foreign-key column that points here; needed only when it has several. */
  via?: string;
  /** The columns shown. Default: those its list shows, without `via` (every row has the same). */
  columns?: readonly string[];
  /** Rows per page, 1–100. Default: 10. */
  pageSize?: number;
  /** The table's heading. Default: the related resource's title. */
  title?: Label;
}

/** An InlineDef with its defaults (plain data, browser-safe). */
export interface ResolvedInline {
  /** Names it in the record page's URL (`inline.<key>.after`): the related resource's name, or `<name>.<via>` when it is shown twice. */
  key: string;
  resource: string;
  /** The related resource's foreign-key column, and the column of this resource it holds ('' until linked). */
  via: string;
  refColumn: string;
  columns: string[] | undefined;
  pageSize: number;
  title: string | undefined;
}
