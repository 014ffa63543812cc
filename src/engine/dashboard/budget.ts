import { ForbiddenError } from '../auth/errors';
import { UnknownDomainError } from '../config/current';
import { DbUnavailableError } from '../db/errors';
import { reportError } from '../http/errors';
import type { Failure, FailureReason } from './types';

/** The wall-clock budget of a dashboard piece ran out before its work finished. */
export class BudgetExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}

/**
 * Runs `work` but answers within `ms` whatever happens: a server that accepts the connection
 * and never replies, a pool waiting for a free client, a query function that never settles.
 * On time-out the signal is aborted and the work is abandoned; the statement timeout that
 * every dashboard transaction carries ends it on the server soon after.
 */
export async function withinBudget<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, message: string): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new BudgetExceededError(message));
    }, ms);
  });
  try {
    // Promise.resolve().then: a function that throws synchronously still becomes a rejection.
    return await Promise.race([Promise.resolve().then(() => work(controller.signal)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An error as a reason and a message fit for the page: the engine's own messages (which name
 * the domain and the fix, never a password or SQL) pass through; anything else becomes the
 * generic "reference …" message, with the detail in the server log.
 */
export function describeFailure(error: unknown, what: string, statementTimeoutMs: number): { reason: FailureReason; error: string } {
  if (error instanceof BudgetExceededError) return { reason: 'timeout', error: error.message };
  if (error instanceof ForbiddenError) return { reason: 'forbidden', error: error.message };
  if (error instanceof DbUnavailableError || error instanceof UnknownDomainError) return { reason: 'unavailable', error: error.message };
  const code = (error as { code?: string } | null)?.code;
  if (code === '57014') return { reason: 'timeout', error: `${what}: the query ran longer than its ${statementTimeoutMs} ms limit and was cancelled.` };
  if (code === '25006') return { reason: 'failed', error: `${what}: the query tried to write, but the dashboard only reads (READ ONLY transaction).` };
  return { reason: 'failed', error: reportError(error).body.error }; // logged once, under the reference shown
}

export const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/** A failure result stamped with its duration and time. */
export function failure(reason: FailureReason, error: string, started: number): Failure {
  return { ok: false, reason, error, ms: elapsed(started), at: new Date().toISOString() };
}
