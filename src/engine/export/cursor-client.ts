import type pg from 'pg';
import { checkout } from '../db/query';
import type { PoolName } from '../db/pools';

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
 * `withTransaction()` (one statement, one transaction) cannot express. It is the engine's
 * own checkout (db/query.ts), so it keeps the pool's limits, its clear errors and its
 * handling of a session the server ends; the caller must call `release()` in a `finally`.
 */
export async function checkoutCursorClient(domain: PoolName): Promise<CursorLease> {
  const lease = await checkout(domain);
  let released = false;
  return {
    client: lease.client,
    release(broken?: unknown) {
      if (released) return;
      released = true;
      lease.release(broken, { destroy: broken !== undefined });
    },
  };
}
