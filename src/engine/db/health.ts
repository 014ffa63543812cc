import { getConfig, type DomainName } from '../config/current';
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

/** Checks the hub database and every domain in parallel; one slow domain delays none of the others' results. */
export async function checkHealth(budgetMs = 3000): Promise<HubHealth> {
  const names = getConfig().domains.map((d) => d.name as DomainName);
  const [hub, ...domains] = await Promise.all([checkTarget('hub', budgetMs), ...names.map((n) => checkTarget(n, budgetMs))]);
  return { up: true, ready: hub!.ok, hub: hub!, domains };
}
