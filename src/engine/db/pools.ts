import pg from 'pg';
import { targetFor, type DomainName, type ReplicaName } from '../config/current';
import type { DbTarget } from '../config/types';
import { logger } from '../log';
import { EXACT_SESSION_OPTIONS, EXACT_SESSION_SETTINGS, exactTypes } from './exact-types';
import { sslOptions } from './ssl';

const log = logger('pool');

// A DATE has no time zone and a TIMESTAMP (without time zone) is wall-clock time: turning
// them into JS Dates would shift them by the hub's own time zone. Keep PostgreSQL's text
// (domain pools go further: exact-types.ts).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => value);

/** A domain's pool (its primary), its read replica's (`<domain>@replica`), or the hub's own. */
export type PoolName = DomainName | 'hub' | ReplicaName;

export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

/**
 * One pg.Pool per database, per process. A module variable is enough: Next.js loads the
 * engine at run time from @admin-hub/engine (next.config.mjs) instead of bundling it, so the
 * server, every route and every dev edit of a page share this one module; engine edits
 * restart `npm run dev` (tsx watch) rather than reload it beside the old one.
 */
type Registry = Map<string, pg.Pool>;
const pools: Registry = new Map();
function registry(): Registry {
  return pools;
}

/** How to reach a target's server, as one client: what every pool and the hub's listener share. */
export function clientConfig(target: DbTarget): pg.ClientConfig {
  return {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password,
    ssl: sslOptions(target),
    connectionTimeoutMillis: target.connectionTimeoutMs,
    keepAlive: true,
    // Shown in pg_stat_activity, so a DBA can tell the hub's sessions from the product's own.
    application_name: `admin-hub:${target.name}`,
  };
}

/**
 * The settings every statement of a target runs under: the timeouts, and for a domain the
 * session that makes its values exact text. Sent once per connection at start-up, except
 * through a transaction pooler, which hands each transaction to whichever server connection is
 * free (and PgBouncer refuses unknown start-up parameters): there each transaction sets them
 * itself with SET LOCAL (`transactionSettingsSql`).
 */
function sessionSettings(target: DbTarget): Record<string, string | number> {
  return {
    // Server-side limits, so one slow query or a forgotten transaction cannot hold a
    // connection forever and starve every other request of this domain.
    ...(target.statementTimeoutMs > 0 ? { statement_timeout: target.statementTimeoutMs } : {}),
    ...(target.idleInTransactionTimeoutMs > 0 ? { idle_in_transaction_session_timeout: target.idleInTransactionTimeoutMs } : {}),
    ...(target.name === 'hub' ? {} : EXACT_SESSION_SETTINGS),
  };
}

/** `SET LOCAL …` for each session setting, for a transaction through a transaction pooler ('' otherwise). Values are ours, never a request's. */
export function transactionSettingsSql(target: DbTarget): string {
  if (target.poolMode !== 'transaction') return '';
  // Built once per target: every statement through a transaction pooler starts with it.
  let sql = settingsSql.get(target);
  if (sql === undefined) {
    sql = Object.entries(sessionSettings(target))
      .map(([name, value]) => `; SET LOCAL ${name} = '${value}'`)
      .join('');
    settingsSql.set(target, sql);
  }
  return sql;
}
const settingsSql = new WeakMap<DbTarget, string>();

export function createPool(target: DbTarget): pg.Pool {
  const atConnect = target.poolMode === 'session';
  const pool = new pg.Pool({
    ...clientConfig(target),
    max: target.poolMax,
    idleTimeoutMillis: 30_000,
    // A domain's values arrive as the database's exact text (timestamps with microseconds,
    // infinity, floats, intervals, bytea), read in a UTC, ISO session.
    ...(target.name === 'hub' ? {} : { types: exactTypes }),
    ...(atConnect && target.name !== 'hub' ? { options: EXACT_SESSION_OPTIONS } : {}),
    ...(atConnect && target.statementTimeoutMs > 0 ? { statement_timeout: target.statementTimeoutMs } : {}),
    ...(atConnect && target.idleInTransactionTimeoutMs > 0 ? { idle_in_transaction_session_timeout: target.idleInTransactionTimeoutMs } : {}),
  });
  // An idle client whose server went away emits 'error' on the pool. Unhandled, that would
  // crash the process; the pool already drops the client, so logging is all that is left.
  pool.on('error', (error) => {
    log.warn(`domain "${target.name}": idle connection lost (${error.message}); it will be replaced on demand.`);
  });
  return pool;
}

export function getPool(name: PoolName): pg.Pool {
  const pools = registry();
  let pool = pools.get(name);
  if (!pool) {
    pool = createPool(targetFor(name));
    pools.set(name, pool);
  }
  return pool;
}

export function poolStats(name: PoolName): PoolStats {
  const pool = getPool(name);
  return { max: targetFor(name).poolMax, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/**
 * Ends every pool; checked-out clients are waited for (pg.Pool.end does that), but never
 * longer than `timeoutMs`: a pool stuck connecting to a hung server must not hold shutdown.
 */
export async function closeAllPools(timeoutMs = 5_000): Promise<void> {
  const pools = registry();
  const all = [...pools.entries()];
  pools.clear();
  let timer: NodeJS.Timeout | undefined;
  const ending = Promise.all(
    all.map(([name, pool]) => pool.end().catch((error: Error) => log.warn(`domain "${name}": error while closing pool (${error.message})`))),
  );
  const gaveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  if ((await Promise.race([ending, gaveUp])) === 'timeout') log.warn(`pools still closing after ${timeoutMs} ms; leaving them`);
  clearTimeout(timer);
}
