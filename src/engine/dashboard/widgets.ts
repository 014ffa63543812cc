import { canSeeDomain } from '../auth/access';
import { roleOn, type Operator } from '../auth/operator';
import { atLeast } from '../auth/roles';
import { checkDomain, configuredDomains } from '../config/current';
import { withTransaction, type Row, type Tx } from '../db/query';
import { readingFrom } from '../db/read-route';
import { logger } from '../log';
import { BudgetExceededError, describeFailure, elapsed, failure, withinBudget } from './budget';
import { displayColumns } from './define';
import type { Widget, WidgetCell, WidgetResult, WidgetRow } from './types';
import { inRequestLanguage } from '../resources/label';
import { say } from '../i18n/say';

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

/** Rejects when the signal aborts (the budget ran out). */
function abortion(signal: AbortSignal, what: string): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new BudgetExceededError(say('dashboard.abandoned', { what })));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** The transaction handle for a query function, refusing every statement once the budget is over. */
function guardedTx(tx: Tx, signal: AbortSignal, what: string): Tx {
  const check = () => {
    if (signal.aborted) throw new BudgetExceededError(say('dashboard.abandoned', { what }));
  };
  return {
    query: async (sql, params) => {
      check();
      return tx.query(sql, params);
    },
    execute: async (sql, params) => {
      check();
      return tx.execute(sql, params);
    },
  };
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
  const what = `Widget "${inRequestLanguage(widget.title)}" (${widget.domain})`;
  if (!canSeeWidget(operator, widget)) {
    return failure('forbidden', `${what}: you cannot see this widget.`, started);
  }
  const budgetMs = widgetBudgetMs(widget);
  try {
    const domain = checkDomain(widget.domain);
    const rows = await withinBudget(
      (signal) =>
        // On the domain's replica when it has a current one (db/read-route.ts): a widget only reads.
        readingFrom(domain, operator, (pool) =>
          withTransaction(
            pool,
            async (tx) => {
              if (typeof widget.query === 'string') return tx.query(widget.query);
              // Past the budget the function's promise is raced away, so the transaction rolls
              // back and its client goes back to the pool; the function's handle is cut off
              // then, so a late query can never run on a client that now serves someone else.
              return Promise.race([widget.query({ tx: guardedTx(tx, signal, what), domain, operator, signal }), abortion(signal, what)]);
            },
            { readOnly: true, statementTimeoutMs: widget.timeoutMs },
          ),
        ),
      budgetMs,
      `${what}: no answer within ${budgetMs} ms.`,
    );
    if (!Array.isArray(rows)) throw new TypeError(`${what}: the query function did not return an array of rows.`);
    const returned = rows.length > 0 ? Object.keys(rows[0]!) : [];
    const missing = rows.length > 0 ? displayColumns(widget.display).filter((c) => !returned.includes(c)) : [];
    if (missing.length > 0) {
      return failure(
        'failed',
        `${what}: the query returned no column ${missing.map((c) => `"${c}"`).join(', ')} (it returned ${returned.join(', ')}).`,
        started,
      );
    }
    return { ok: true, rows: rows.slice(0, MAX_WIDGET_ROWS).map(toRow), ms: elapsed(started), at: new Date().toISOString() };
  } catch (error) {
    const { reason, error: message } = describeFailure(error, what, widget.timeoutMs);
    if (reason !== 'failed') log.warn(`widget "${widget.id}": ${message}`);
    return failure(reason, message, started);
  }
}

/** Finds a widget by id among those the operator may see (the refresh action's lookup). */
export function findVisibleWidget(operator: Operator, widgets: readonly Widget[], id: string): Widget | undefined {
  return visibleWidgets(operator, widgets).find((w) => w.id === id);
}
