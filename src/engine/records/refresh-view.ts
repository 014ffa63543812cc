import { authorize, can } from '../auth/access';
import { say } from '../i18n/say';
import { ForbiddenError } from '../auth/errors';
import type { Operator } from '../auth/operator';
import { recordEvent } from '../audit/record';
import type { PoolName } from '../db/pools';
import { query, withTransaction } from '../db/query';
import { quoteTable } from '../list/sql';
import type { Resource } from '../resources/types';
import { RecordValidationError } from './errors';

export interface RefreshOutcome {
  concurrently: boolean;
  ms: number;
}

/** How long a refresh may run before it is cancelled (it holds its lock that long). */
export const REFRESH_BUDGET_MS = 60_000;

/**
 * REFRESH MATERIALIZED VIEW for a resource that is one, by an admin, audited either way.
 * CONCURRENTLY when PostgreSQL allows it (the view is populated and has a unique index
 * without a WHERE clause), so readers keep the old rows meanwhile; otherwise a plain refresh,
 * which locks readers out while it runs. Bounded by `budgetMs` (statement_timeout).
 */
export async function refreshMaterializedView(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  budgetMs = REFRESH_BUDGET_MS,
): Promise<RefreshOutcome> {
  authorize(operator, resource, 'read');
  // Admins only: it rewrites every row of the view and may lock its readers out meanwhile.
  if (!can(operator, resource, 'hardDelete')) throw new ForbiddenError(say('records.refreshNeedsAdmin', { title: resource.title }));
  const table = quoteTable(resource.table);
  const [view] = await query<{ is_matview: boolean; populated: boolean; unique_index: boolean }>(
    domain,
    `SELECT c.relkind = 'm' AS is_matview, c.relispopulated AS populated,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indpred IS NULL AND NOT (0 = ANY (i.indkey::int2[]))) AS unique_index
       FROM pg_class c WHERE c.oid = to_regclass($1)`,
    [table],
  );
  if (!view?.is_matview) throw new ForbiddenError(say('records.notMaterialized', { title: resource.title }));
  const concurrently = view.populated && view.unique_index;
  const started = performance.now();
  const event = { actor: operator!, domain: resource.domain, resource: resource.name, action: 'refresh' };
  try {
    await withTransaction(domain, (tx) => tx.query(`REFRESH MATERIALIZED VIEW ${concurrently ? 'CONCURRENTLY ' : ''}${table}`), {
      statementTimeoutMs: budgetMs,
    });
  } catch (error) {
    const timedOut = (error as { code?: string })?.code === '57014';
    await recordEvent({ ...event, detail: timedOut ? `stopped after ${budgetMs} ms` : 'failed' }, 'failed');
    if (timedOut)
      throw new RecordValidationError(
        {},
        `Refreshing ${resource.title} took longer than ${budgetMs < 1000 ? `${budgetMs} ms` : `${Math.round(budgetMs / 1000)} s`} and was cancelled; nothing changed.`,
      );
    throw error;
  }
  const ms = Math.round(performance.now() - started);
  await recordEvent({ ...event, detail: `${concurrently ? 'concurrently' : 'plain'}, ${ms} ms` }, 'succeeded');
  return { concurrently, ms };
}
