import type pg from 'pg';
import { targetFor } from '../config/current';
import { DbUnavailableError, describeConnectError, isConnectionBroken, NulInTextError, PoolExhaustedError } from './errors';
import { admitCheckout, connectFailed, connectSucceeded } from './connect-breaker';
import { getPool, transactionSettingsSql, type PoolName } from './pools';
import { logger } from '../log';

const log = logger('db');

export type Row = Record<string, unknown>;
export type Params = readonly unknown[];

/** A transaction handle: the only way code inside `withTransaction` reaches the database. */
export interface Tx {
  query<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  /** The full result (row count, fields), for writes that need `rowCount`. */
  execute<T extends Row = Row>(sql: string, params?: Params): Promise<pg.QueryResult<T>>;
}

/** A checked-out client plus what we learned about its health while we held it. */
export interface Lease {
  client: pg.PoolClient;
  run<T extends Row>(sql: string, params: Params): Promise<pg.QueryResult<T>>;
  /**
   * Back to the pool; destroyed instead when the server ended the session, when `error` says
   * the connection broke, or when the caller cannot vouch for it (`destroy`: a cursor left open).
   */
  release(error?: unknown, options?: { destroy?: boolean }): void;
}

/** A text parameter, or an array of them at any depth, that holds U+0000. */
function holdsNul(param: unknown): boolean {
  if (typeof param === 'string') return param.includes('\u0000');
  return Array.isArray(param) && param.some(holdsNul);
}

/**
 * Checks a client out, turning pool time-outs and refused connections into clear errors.
 * While checked out, a client whose server ends the session (idle-in-transaction timeout,
 * admin kill, server restart) emits 'error' on the client itself, not the pool; without a
 * listener that would crash the process, so we catch it and destroy the client on release.
 */
export async function checkout(name: PoolName): Promise<Lease> {
  const pool = getPool(name);
  const target = targetFor(name);
  const saturated = pool.totalCount >= target.poolMax && pool.idleCount === 0;
  const { probe } = admitCheckout(pool); // a domain that just failed to connect is answered at once
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    if (saturated && /timeout/i.test((error as Error).message)) {
      if (probe) connectSucceeded(pool); // busy, not down: the server was reached before
      throw new PoolExhaustedError(target, { total: pool.totalCount, waiting: pool.waitingCount });
    }
    const unavailable = describeConnectError(target, error);
    connectFailed(pool, target, unavailable);
    throw unavailable;
  }
  connectSucceeded(pool); // the server is reachable: close the breaker, probe or not
  let lost: Error | undefined;
  const onError = (error: Error & { code?: string }) => {
    // The server's own reason (with a SQLSTATE) beats the socket's "terminated unexpectedly".
    if (!lost || (error.code && !(lost as { code?: string }).code)) lost = error;
    log.warn(`domain "${name}": connection lost while in use (${error.message})`);
  };
  client.on('error', onError);
  return {
    client,
    async run<T extends Row>(sql: string, params: Params) {
      if (params.some(holdsNul)) throw new NulInTextError();
      try {
        return await client.query<T>(sql, params as unknown[]);
      } catch (error) {
        // pg reports a session the server ended as "not queryable"; say why it ended instead.
        if (lost) throw new DbUnavailableError(name, `Domain "${name}": the database ended the session (${lost.message}).`, { cause: error });
        throw error;
      }
    },
    release(error?: unknown, options: { destroy?: boolean } = {}) {
      client.off('error', onError);
      const forced = options.destroy ? (error instanceof Error ? error : new Error(String(error ?? 'discarded'))) : undefined;
      const broken = lost ?? forced ?? (isConnectionBroken(error) ? (error as Error) : undefined);
      client.release(broken ?? undefined);
    },
  };
}

/** Runs one statement on a pooled connection and returns its rows. */
export async function query<T extends Row = Row>(name: PoolName, sql: string, params: Params = []): Promise<T[]> {
  const result = await execute<T>(name, sql, params);
  return result.rows;
}

export async function execute<T extends Row = Row>(name: PoolName, sql: string, params: Params = []): Promise<pg.QueryResult<T>> {
  // Through a transaction pooler a statement runs in a transaction of its own, which sets the
  // session's settings for itself (SET LOCAL): two more round trips, and no state left behind.
  if (targetFor(name).poolMode === 'transaction') return withTransaction(name, (tx) => tx.execute<T>(sql, params));
  const lease = await checkout(name);
  try {
    const result = await lease.run<T>(sql, params);
    lease.release();
    return result;
  } catch (error) {
    lease.release(error);
    throw error;
  }
}

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
  /** A tighter statement timeout for this transaction only (SET LOCAL), e.g. a bounded count. */
  statementTimeoutMs?: number;
}

/**
 * BEGIN … COMMIT around `work`; ROLLBACK and rethrow when it throws. The client always goes
 * back to the pool, and is destroyed instead when the connection broke or ROLLBACK failed,
 * so a dead socket is never handed to the next request.
 */
export async function withTransaction<R>(name: PoolName, work: (tx: Tx) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
  const lease = await checkout(name);
  const { client } = lease;
  const tx: Tx = {
    query: async <T extends Row>(sql: string, params: Params = []) => (await lease.run<T>(sql, params)).rows,
    execute: <T extends Row>(sql: string, params: Params = []) => lease.run<T>(sql, params),
  };
  const begin = ['BEGIN'];
  if (options.isolation) begin.push(`ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
  if (options.readOnly) begin.push('READ ONLY');
  // Sent with BEGIN as one simple-protocol message: one round trip instead of two. The value
  // is a number we truncate ourselves, never text from a request.
  // Through a transaction pooler the target's settings come first (SET LOCAL), so this
  // transaction's own timeout, set after them, wins.
  const setup =
    transactionSettingsSql(targetFor(name)) +
    (options.statementTimeoutMs === undefined ? '' : `; SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(options.statementTimeoutMs))}`);
  try {
    await client.query(begin.join(' ') + setup);
    const result = await work(tx);
    await client.query('COMMIT');
    lease.release();
    return result;
  } catch (error) {
    let releaseWith = error;
    if (!isConnectionBroken(error)) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        releaseWith = rollbackError; // cannot vouch for a session whose ROLLBACK failed
        if (!isConnectionBroken(rollbackError)) releaseWith = Object.assign(new Error('ROLLBACK failed'), { code: '08006' });
      }
    }
    lease.release(releaseWith);
    throw error;
  }
}
