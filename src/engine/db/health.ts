import { getConfig, replicaName, targetFor, type DomainName } from '../config/current';
import { readPool } from './read-route';
import { probeReplica, type ReplicaState } from './replica-state';
import { DbUnavailableError } from './errors';
import { poolStats, type PoolName, type PoolStats } from './pools';
import { query } from './query';

export interface TargetHealth {
  name: string;
  ok: boolean;
  /** Round trip of `SELECT 1` through the pool, including checkout. */
  latencyMs: number | null;
  error?: string;
  pool: PoolStats;
  /** The domain's read replica (D_DB_READ_URL), when it has one. */
  replica?: ReplicaHealth;
}

export interface ReplicaHealth {
  ok: boolean;
  /** Reads go to it now: it answers and is within D_DB_READ_MAX_LAG_MS. */
  servingReads: boolean;
  /** An upper bound on how old its data is, ms (0: it has replayed all the primary wrote); null when unknown. */
  lagMs: number | null;
  /** WAL the primary wrote that it has not replayed, bytes; null when either side did not say. */
  lagBytes: number | null;
  maxLagMs: number;
  replayPaused: boolean;
  /** False when the server is not a standby (the variable names a primary). */
  standby: boolean;
  error?: string;
  pool: PoolStats;
}

export interface HubHealth {
  /** The hub process answers; true whenever this function runs at all. */
  up: true;
  /** The hub's own database is reachable: what the readiness probe reports. */
  ready: boolean;
  hub: TargetHealth;
  domains: TargetHealth[];
}

/** Resolves to a timeout error so a hung server cannot hold a health check past its budget. */
function withinBudget<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DbUnavailableError(name, `Domain "${name}": no answer within ${ms} ms.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkTarget(name: PoolName, budgetMs = 3000): Promise<TargetHealth> {
  const started = performance.now();
  try {
    await withinBudget(query(name, 'SELECT 1'), budgetMs, name);
    return { name, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, pool: poolStats(name) };
  } catch (error) {
    // Only our own messages go out: they name the domain and the fix, never a password or SQL.
    const message = error instanceof DbUnavailableError ? error.message : `Domain "${name}": health query failed.`;
    return { name, ok: false, latencyMs: null, error: message, pool: poolStats(name) };
  }
}

/** A fresh look at a domain's replica (not the state reads use, which may be a second old), within the budget. */
async function checkReplica(domain: DomainName, budgetMs: number): Promise<ReplicaHealth | undefined> {
  const replica = targetFor(domain).read;
  if (!replica) return undefined;
  // One answer's shape for a look that worked and one that did not: a failed look knows nothing of lag.
  const answer = async (state: Omit<ReplicaState, 'checkedAt'>, looked = true): Promise<ReplicaHealth> => {
    const lagBytes = state.replayLsn !== undefined && state.primaryLsn !== undefined ? Number(state.primaryLsn - state.replayLsn) : null;
    return {
      ok: state.up,
      servingReads: looked && (await readPool(domain)) !== domain,
      lagMs: state.lagMs ?? null,
      lagBytes: state.standby ? lagBytes && Math.max(0, lagBytes) : looked ? 0 : null,
      maxLagMs: replica.maxLagMs,
      replayPaused: state.replayPaused,
      standby: state.standby,
      ...(state.error ? { error: state.error } : {}),
      pool: poolStats(replicaName(domain)),
    };
  };
  try {
    return await answer(await withinBudget(probeReplica(domain), budgetMs, replica.name));
  } catch (error) {
    const message = error instanceof DbUnavailableError ? error.message : `Read replica of "${domain}": health query failed.`;
    return answer({ up: false, standby: false, replayLsn: undefined, primaryLsn: undefined, lagMs: undefined, replayPaused: false, error: message }, false);
  }
}

async function checkDomain(domain: DomainName, budgetMs: number): Promise<TargetHealth> {
  const [primary, replica] = await Promise.all([checkTarget(domain, budgetMs), checkReplica(domain, budgetMs)]);
  return replica ? { ...primary, replica } : primary;
}

/** Checks the hub database and every domain (and its replica) in parallel; one slow domain delays none of the others' results. */
export async function checkHealth(budgetMs = 3000): Promise<HubHealth> {
  const names = getConfig().domains.map((d) => d.name as DomainName);
  const [hub, ...domains] = await Promise.all([checkTarget('hub', budgetMs), ...names.map((n) => checkDomain(n, budgetMs))]);
  return { up: true, ready: hub!.ok, hub: hub!, domains };
}
