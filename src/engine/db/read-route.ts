import { replicaName, targetFor, type DomainName } from '../config/current';
import { logger } from '../log';
import { DbUnavailableError, PoolExhaustedError } from './errors';
import type { PoolName } from './pools';
import { readAfterOf } from './read-after';
import { markReplicaDown, replicaState, type ReplicaState } from './replica-state';

const log = logger('replica');

/**
 * Where an operator's read of a domain goes: its read replica when it has one that answers, is
 * no further behind than D_DB_READ_MAX_LAG_MS, and has replayed this operator's own latest
 * commit on the domain (read-after.ts); otherwise the primary. Writes, the read inside a save
 * and the audit sweep never come here: they use the domain's own pool, which is the primary.
 */
export async function readPool(pool: PoolName, operator?: object | null): Promise<PoolName> {
  if (pool === 'hub' || pool.endsWith('@replica')) return pool;
  const domain = pool as DomainName;
  const replica = targetFor(domain).read;
  if (!replica) return domain;
  const state = await replicaState(domain);
  return state && usable(state, replica.maxLagMs, readAfterOf(operator)?.lsnFor(domain)) ? replicaName(domain) : domain;
}

function usable(state: ReplicaState, maxLagMs: number, ownCommit: bigint | undefined): boolean {
  if (!state.up || state.lagMs === undefined) return false;
  // A replica seen behind only grows staler until the next look; one seen caught up is taken at its word.
  const lag = state.lagMs === 0 ? 0 : state.lagMs + (Date.now() - state.checkedAt);
  if (lag > maxLagMs) return false;
  if (ownCommit === undefined || !state.standby) return true;
  return state.replayLsn !== undefined && state.replayLsn >= ownCommit;
}

/** A standby cancelled the statement because replay needed what it read (SQLSTATE 40001 on a standby). */
function recoveryConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return e?.code === '40001' && /conflict with recovery/i.test(e.message ?? '');
}

/**
 * Runs a read-only `work` against `readPool`'s choice. When the replica cannot be reached (or
 * cancels the statement for a conflict with recovery) the same work runs once more on the
 * primary: it only reads, so running it twice changes nothing.
 */
export async function readingFrom<T>(pool: PoolName, operator: object | null | undefined, work: (pool: PoolName) => Promise<T>): Promise<T> {
  const chosen = await readPool(pool, operator);
  if (chosen === pool) return work(pool);
  try {
    return await work(chosen);
  } catch (error) {
    const down = error instanceof DbUnavailableError && !(error instanceof PoolExhaustedError);
    if (!down && !recoveryConflict(error)) throw error;
    if (down) markReplicaDown(pool as DomainName, error);
    else log.info(`read replica of "${pool}" cancelled a read (conflict with recovery); it ran on the primary instead`);
    return work(pool);
  }
}
