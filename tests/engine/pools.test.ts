import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDomain, UnknownDomainError } from '../../src/engine/config/current';
import { PoolExhaustedError } from '../../src/engine/db/errors';
import { getPool, poolStats } from '../../src/engine/db/pools';
import { query, withTransaction } from '../../src/engine/db/query';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('pools');
  await adminQuery('CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)', [], db.url);
});
afterAll(async () => {
  await resetEngine();
  await db.drop();
});
afterEach(resetEngine);

function useBlog(overrides: Parameters<typeof targetFromUrl>[2] = {}) {
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url, overrides)]);
}

describe('pool registry', () => {
  it('keeps one pool per domain per process', async () => {
    useBlog();
    const first = getPool('blog');
    expect(getPool('blog')).toBe(first);
    expect(getPool('hub')).not.toBe(first);
  });

  it('names itself in pg_stat_activity', async () => {
    useBlog();
    const rows = await query<{ application_name: string }>('blog', 'SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()');
    expect(rows[0]!.application_name).toBe('admin-hub:blog');
  });

  it('fails clearly for a domain that is not configured', () => {
    useBlog();
    expect(checkDomain('blog')).toBe('blog');
    expect(() => checkDomain('crm')).toThrowError(UnknownDomainError);
    expect(() => checkDomain('crm')).toThrowError('Domain "crm" is not configured. Configured domains: blog. Add it to HUB_DOMAINS.');
    // @ts-expect-error: a domain the code base does not know is a compile error.
    expect(() => getPool('crm')).toThrowError(UnknownDomainError);
  });
});

describe('query and withTransaction', () => {
  it('returns typed rows with $n parameters', async () => {
    useBlog();
    const rows = await query<{ n: number; s: string }>('blog', 'SELECT $1::int AS n, $2::text AS s', [7, "o'brien"]);
    expect(rows).toEqual([{ n: 7, s: "o'brien" }]);
  });

  it('returns the client to the pool after a failed query', async () => {
    useBlog();
    await query('blog', 'SELECT 1');
    const before = poolStats('blog');
    await expect(query('blog', 'SELECT * FROM no_such_table')).rejects.toThrow(/does not exist/);
    expect(poolStats('blog')).toEqual(before);
  });

  it('commits on success and rolls back on error, releasing the client both times', async () => {
    useBlog();
    await withTransaction('blog', async (tx) => {
      await tx.query('INSERT INTO items VALUES (1, $1)', ['kept']);
    });
    await expect(
      withTransaction('blog', async (tx) => {
        await tx.query('INSERT INTO items VALUES (2, $1)', ['lost']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await query('blog', 'SELECT id, name FROM items ORDER BY id')).toEqual([{ id: 1, name: 'kept' }]);
    const stats = poolStats('blog');
    expect(stats.idle).toBe(stats.total);
    expect(stats.waiting).toBe(0);
  });

  it('destroys a client whose connection broke, and the pool carries on', async () => {
    useBlog();
    await expect(
      withTransaction('blog', async (tx) => {
        const [{ pid }] = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
        await adminQuery('SELECT pg_terminate_backend($1)', [pid], db.url);
        await tx.query('SELECT 1');
      }),
    ).rejects.toThrow();
    const stats = poolStats('blog');
    expect(stats.total).toBe(stats.idle); // the broken client was not put back as idle
    expect(await query<{ ok: number }>('blog', 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('logs a broken idle connection instead of crashing, and replaces it', async () => {
    useBlog();
    await query('blog', 'SELECT 1');
    expect(poolStats('blog')).toMatchObject({ total: 1, idle: 1 });
    // The server ends the idle session (a restart, a DBA's pg_terminate_backend, a proxy timeout).
    await adminQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'admin-hub:blog' AND datname = $1", [db.name], db.url);
    await new Promise((r) => setTimeout(r, 200));
    expect(poolStats('blog').total).toBe(0); // dropped from the pool; an uncaught 'error' would have failed this run
    expect(await query<{ ok: number }>('blog', 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('cuts a transaction left idle, and the pool recovers', async () => {
    useBlog({ idleInTransactionTimeoutMs: 300 });
    const error = await withTransaction('blog', async (tx) => {
      await tx.query('SELECT 1');
      await new Promise((r) => setTimeout(r, 900)); // the caller forgot about its transaction
      await tx.query('SELECT 1');
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Domain "blog": the database ended the session (terminating connection due to idle-in-transaction timeout).');
    await new Promise((r) => setTimeout(r, 50));
    expect(await query<{ ok: number }>('blog', 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    expect(poolStats('blog').waiting).toBe(0);
  });

  it('cuts a statement that runs past the statement timeout', async () => {
    useBlog({ statementTimeoutMs: 200 });
    await expect(query('blog', 'SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
  });

  it('fails with a clear error when the pool stays saturated', async () => {
    useBlog({ poolMax: 1, connectionTimeoutMs: 300 });
    const holder = query('blog', 'SELECT pg_sleep(1.2)');
    await new Promise((r) => setTimeout(r, 100));
    const error = await query('blog', 'SELECT 1').catch((e: Error) => e);
    expect(error).toBeInstanceOf(PoolExhaustedError);
    expect((error as Error).message).toBe(
      'Domain "blog": no database connection became free within 300 ms (pool of 1, 1 open, 0 waiting). ' +
        'Long-running queries are holding them; raise BLOG_DB_POOL_MAX or BLOG_DB_CONNECTION_TIMEOUT_MS if the load is expected.',
    );
    await holder;
    expect(await query<{ ok: number }>('blog', 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
