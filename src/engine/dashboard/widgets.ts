import { canSeeDomain } from '../auth/access';
import { roleOn, type Operator } from '../auth/operator';
import { atLeast } from '../auth/roles';
import { checkDomain, configuredDomains } from '../config/current';
import type { Row } from '../db/query';
import { withTransaction } from '../db/query';
import { logger } from '../log';
import { describeFailure, elapsed, withinBudget } from './budget';
import { displayColumns } from './define';
import type { Widget, WidgetCell, WidgetResult, WidgetRow } from './types';

const log = logger('dashboard');

/** Time for checkout and the round trips around the statement, on top of its statement timeout. */
export const WIDGET_GRACE_MS = 1_000;
/** More rows than any chart or KPI table can show; the rest is dropped before the browser. */
export const MAX_WIDGET_ROWS = 1_000;

/** The wall-clock budget of one widget: its statement timeout plus the grace. */
export const widgetBudgetMs = (widget: Widget) => widget.timeoutMs + WIDGET_GRACE_MS;

/** A configured domain on which the operator has at least the widget's role. */
export function canSeeWidget(operator: Operator, widget: Widget): boolean {
  return configuredDomains().includes(widget.domain) && canSeeDomain(operator, widget.domain) && atLeast(roleOn(operator, widget.domain), widget.minRole);
}

/** The widgets this operator may see, in declaration order; the others are never run. */
export function visibleWidgets(operator: Operator, widgets: readonly Widget[]): Widget[] {
  return widgets.filter((w) => canSeeWidget(operator, w));
}

/** A database value as JSON the browser can take: dates as ISO text, int8/numeric stay text. */
function toCell(value: unknown): WidgetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  return JSON.stringify(value);
}

const toRow = (row: Row): WidgetRow => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toCell(v)]));

/**
 * Runs one widget for one operator: refused without running when the operator may not see
 * its domain; otherwise in a READ ONLY transaction with the widget's statement timeout, and
 * never longer than its budget. Never throws: failures come back as results with a message.
 */
export async function runWidget(operator: Operator, widget: Widget): Promise<WidgetResult> {
  const started = performance.now();
  const what = `Widget "${widget.title}" (${widget.domain})`;
  if (!canSeeWidget(operator, widget)) {
    return { ok: false, reason: 'forbidden', error: `${what}: you cannot see this widget.`, ms: 0 };
  }
  const budgetMs = widgetBudgetMs(widget);
  try {
    const domain = checkDomain(widget.domain);
    const rows = await withinBudget(
      (signal) =>
        withTransaction(
          domain,
          async (tx) => (typeof widget.query === 'string' ? tx.query(widget.query) : widget.query({ tx, domain, operator, signal })),
          { readOnly: true, statementTimeoutMs: widget.timeoutMs },
        ),
      budgetMs,
      `${what}: no answer within ${budgetMs} ms.`,
    );
    if (!Array.isArray(rows)) throw new TypeError(`${what}: the query function did not return an array of rows.`);
    const returned = rows.length > 0 ? Object.keys(rows[0]!) : [];
    const missing = rows.length > 0 ? displayColumns(widget.display).filter((c) => !returned.includes(c)) : [];
    if (missing.length > 0) {
      return { ok: false, reason: 'failed', error: `${what}: the query returned no column ${missing.map((c) => `"${c}"`).join(', ')} (it returned ${returned.join(', ')}).`, ms: elapsed(started) };
    }
    return { ok: true, rows: rows.slice(0, MAX_WIDGET_ROWS).map(toRow), ms: elapsed(started), at: new Date().toISOString() };
  } catch (error) {
    const failure = describeFailure(error, what, widget.timeoutMs);
    if (failure.reason !== 'failed') log.warn(`widget "${widget.id}": ${failure.error}`);
    return { ok: false, ...failure, ms: elapsed(started) };
  }
}

/** Finds a widget by id among those the operator may see (the refresh action's lookup). */
export function findVisibleWidget(operator: Operator, widgets: readonly Widget[], id: string): Widget | undefined {
  return visibleWidgets(operator, widgets).find((w) => w.id === id);
}
