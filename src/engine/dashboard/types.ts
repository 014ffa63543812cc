import type { Operator } from '../auth/operator';
import type { DomainRole } from '../auth/roles';
import type { KnownDomain } from '../config/current';
import type { PoolStats } from '../db/pools';
import type { Row, Tx } from '../db/query';
import type { Label } from '../resources/label';

/**
 * The dashboard's vocabulary: KPI widgets declared in src/demo/widgets.ts, and what the
 * engine hands the page for each widget and each domain card. Everything a page passes to
 * the browser (ClientWidget, the results) is plain JSON: no functions, no SQL, no Dates.
 */

/** How a number is shown: thousands separators, two decimals, a percentage or money. */
export type NumberFormat = 'integer' | 'decimal' | 'percent' | { currency: string };

export interface NumberDisplay<L = string> {
  kind: 'number';
  /** Column of the first row holding the figure. */
  valueColumn: string;
  /** Column of the first row holding the figure to compare with; shows the change in %. */
  previousColumn?: string;
  /** What the previous figure is, e.g. "yesterday by this time". */
  previousLabel?: L;
  format?: NumberFormat;
}

export interface SeriesSpec<L = string> {
  column: string;
  label?: L;
  /** Drawn as the chart's kind unless set: a bar chart may carry one line (e.g. revenue over orders). */
  kind?: 'line' | 'bar';
  /** A second y axis on the right, for a series on another scale. */
  axis?: 'left' | 'right';
  format?: NumberFormat;
}

export interface ChartDisplay<L = string> {
  kind: 'line' | 'bar';
  /** The x axis; 'YYYY-MM-DD' strings (or timestamps) are shown as dates. */
  xColumn: string;
  yColumns: readonly (string | SeriesSpec<L>)[];
  /**
   * The last x is a period still running (today): drawn paler and dashed, marked "so far", so a
   * half-counted day does not read as a fall.
   */
  partialLast?: boolean;
}

export interface TableColumnSpec<L = string> {
  column: string;
  label?: L;
  /** Numbers are right-aligned and formatted; anything else is shown as text. */
  format?: NumberFormat;
}

export interface TableDisplay<L = string> {
  kind: 'table';
  columns: readonly (string | TableColumnSpec<L>)[];
}

/** How a widget shows its rows; a definition's words are Labels (`{ en, ko }`), the browser's are its operator's language. */
export type WidgetDisplay<L = string> = NumberDisplay<L> | ChartDisplay<L> | TableDisplay<L>;

/** What a query function gets: a READ ONLY transaction with the widget's statement timeout. */
export interface WidgetContext {
  tx: Tx;
  domain: string;
  operator: Operator;
  /** Aborted when the widget's time budget runs out (the statement timeout still applies). */
  signal: AbortSignal;
}

/** One read-only SQL statement without parameters, or a function reading through `ctx.tx`. */
export type WidgetQuery = string | ((ctx: WidgetContext) => Promise<Row[]>);

export interface WidgetDef<D extends string = KnownDomain> {
  /** Unique, URL-safe: a-z, 0-9 and dashes. */
  id: string;
  /** A Label: one text, or `{ en, ko }`. */
  title: Label;
  description?: Label;
  domain: D;
  query: WidgetQuery;
  display: WidgetDisplay<Label>;
  /** The browser re-runs the widget this often (at least 5 s); default: only on page load. */
  refreshSeconds?: number;
  /** Statement timeout of the widget's transaction; default 2000 ms. */
  timeoutMs?: number;
  /** The role on `domain` needed to see the widget; default viewer (anyone who sees the domain). */
  minRole?: DomainRole;
}

/** A definition after `defineWidget`: defaults filled in and checked. */
export interface Widget extends WidgetDef<string> {
  timeoutMs: number;
  minRole: DomainRole;
}

/** What the browser may know about a widget: no query. */
export interface ClientWidget {
  id: string;
  title: string;
  description?: string;
  domain: string;
  display: WidgetDisplay;
  refreshSeconds?: number;
}

export type WidgetCell = string | number | boolean | null;
export type WidgetRow = Record<string, WidgetCell>;

/** Why a widget or card has no data; every message is safe to show an operator. */
export type FailureReason = 'forbidden' | 'timeout' | 'unavailable' | 'failed';

export interface Failure {
  ok: false;
  reason: FailureReason;
  error: string;
  /** How long it took to fail. */
  ms: number;
  /** When it failed (ISO). */
  at: string;
}

export type WidgetResult = { ok: true; rows: WidgetRow[]; ms: number; at: string } | Failure;

export interface TableEstimate {
  schema: string;
  name: string;
  partitioned: boolean;
  /** pg_class.reltuples, summed over partitions; null when never analysed. */
  estimatedRows: number | null;
  /** Table, indexes and TOAST, summed over partitions. */
  totalBytes: number;
  /** The list page of the resource on this table, when there is one the operator may read. */
  href?: string;
}

export interface AuditEventSummary {
  id: string;
  at: string;
  actorEmail: string | null;
  resource: string | null;
  recordId: string | null;
  action: string;
  outcome: string;
}

export type AuditSection =
  { visible: false; reason: string } | { visible: true; ok: true; events: AuditEventSummary[] } | { visible: true; ok: false; error: string };

export interface DomainCardData {
  domain: string;
  latencyMs: number;
  pool: PoolStats;
  databaseBytes: number;
  largestTables: TableEstimate[];
  audit: AuditSection;
}

export type DomainCardResult = { ok: true; data: DomainCardData; ms: number } | (Failure & { pool: PoolStats | null });
