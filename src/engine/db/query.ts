import type pg from 'pg';
import { targetFor } from '../config/current';
import { describeConnectError, isConnectionBroken, PoolExhaustedError } from './errors';
import { getPool, type PoolName } from './pools';

export type Row = Record<string, unknown>;
export type Params = readonly unknown[];

/** A transaction handle: the only way code inside `withTransaction` reaches the database. */
export interface Tx {
  query<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  /** The full result (row count, fields), for writes that need `rowCount`. */
  execute<T extends Row = Row>(sql: string, params?: Params): Promise<pg.QueryResult<T>>;
}

/** Checks a client out, turning pool time-outs and refused connections into clear errors. */
async function checkout(name: PoolName): Promise<pg.PoolClient> {
  const pool = getPool(name);
  const target = targetFor(name);
  const saturated = pool.totalCount >= target.poolMax && pool.idleCount === 0;
  try {
    return await pool.connect();
  } catch (error) {
    if (saturated && /timeout/i.test((error as Error).message)) {
      throw new PoolExhaustedError(target, { total: pool.totalCount, waiting: pool.waitingCount });
    }
    throw describeConnectError(target, error);
  }
}

/** Runs one statement on a pooled connection and returns its rows. */
export async function query<T extends Row = Row>(name: PoolName, sql: string, params: Params = []): Promise<T[]> {
  const result = await execute<T>(name, sql, params);
  return result.rows;
}

export async function execute<T extends Row = Row>(name: PoolName, sql: string, params: Params = []): Promise<pg.QueryResult<T>> {
  const client = await checkout(name);
  try {
    const result = await client.query<T>(sql, params as unknown[]);
    client.release();
    return result;
  } catch (error) {
    client.release(isConnectionBroken(error) ? (error as Error) : undefined);
    throw error;
  }
}

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
}

/**
 * BEGIN … COMMIT around `work`; ROLLBACK and rethrow when it throws. The client always goes
 * back to the pool, and is destroyed instead when the connection broke or ROLLBACK failed,
 * so a dead socket is never handed to the next request.
 */
export async function withTransaction<R>(name: PoolName, work: (tx: Tx) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
  const client = await checkout(name);
  const tx: Tx = {
    query: async <T extends Row>(sql: string, params: Params = []) => (await client.query<T>(sql, params as unknown[])).rows,
    execute: <T extends Row>(sql: string, params: Params = []) => client.query<T>(sql, params as unknown[]),
  };
  const begin = ['BEGIN'];
  if (options.isolation) begin.push(`ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
  if (options.readOnly) begin.push('READ ONLY');
  try {
    await client.query(begin.join(' '));
    const result = await work(tx);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    let broken = isConnectionBroken(error);
    if (!broken) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
    }
    client.release(broken ? new Error('connection discarded after a failed transaction') : undefined);
    throw error;
  }
}
