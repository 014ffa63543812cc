import type pg from 'pg';
import { targetFor } from '../config/current';
import { describeConnectError, PoolExhaustedError } from '../db/errors';
import { getPool, type PoolName } from '../db/pools';
import { logger } from '../log';

const log = logger('export');

export interface CursorLease {
  client: pg.PoolClient;
  /**
   * Gives the client back to its pool. Pass `broken` when the session cannot be vouched for
   * (a cursor left open, an error mid-read): the pool then destroys it instead of reusing it.
   * Safe to call more than once; only the first call counts.
   */
  release(broken?: unknown): void;
}

/**
 * A client checked out of the domain's own pool for the whole of one streamed export: a
 * server-side cursor lives on one connection across many reads, which `query()` and
 * `withTransaction()` (one statement, one transaction) cannot express. This and db/query.ts
 * are the only places that call `pool.connect()`. The client keeps the pool's limits, TLS,
 * statement timeout and type parsers. The caller must call `release()` in a `finally`; while
 * the client is out, a session the server ends is logged and the client destroyed on release
 * instead of crashing the process ('error' on a checked-out client has no other listener).
 */
export async function checkoutCursorClient(domain: PoolName): Promise<CursorLease> {
  const pool = getPool(domain);
  const target = targetFor(domain);
  const saturated = pool.totalCount >= target.poolMax && pool.idleCount === 0;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    if (saturated && /timeout/i.test((error as Error).message)) throw new PoolExhaustedError(target, { total: pool.totalCount, waiting: pool.waitingCount });
    throw describeConnectError(target, error);
  }
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost ??= error;
    log.warn(`domain "${domain}": connection lost during an export (${error.message})`);
  };
  client.on('error', onError);
  let released = false;
  return {
    client,
    release(broken?: unknown) {
      if (released) return;
      released = true;
      client.off('error', onError);
      const destroy = lost ?? (broken === undefined ? undefined : broken instanceof Error ? broken : new Error(String(broken)));
      client.release(destroy);
    },
  };
}
