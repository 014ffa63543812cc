import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheTrusted } from '../../src/engine/auth/operator-cache';
import { query, withTransaction } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { startOperatorListener } from '../../src/engine/hub-db/operator-changes';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/*
 * Run by `npm run test:pgbouncer` only (PgBouncer in transaction pooling in front of the test
 * server): what transaction pooling breaks, checked on purpose. The domain's database defaults
 * to a local time zone, a DMY date style and no statement timeout, so whatever the hub relies
 * on must be set by each of its transactions, and must not outlive them on the shared server
 * connections.
 */

let domain: TestDatabase;
let hub: TestDatabase;
const pooled = (db: TestDatabase) => targetFromUrl('x', db.url);

beforeAll(async () => {
  [domain, hub] = await Promise.all([createTestDatabase('pgb_domain'), createTestDatabase('pgb_hub')]);
  await adminQuery(`ALTER DATABASE "${domain.name}" SET TimeZone = 'Asia/Seoul'`, [], domain.url);
  await adminQuery(`ALTER DATABASE "${domain.name}" SET DateStyle = 'SQL, DMY'`, [], domain.url);
  await adminQuery(
    "CREATE TABLE events (id int PRIMARY KEY, at timestamptz NOT NULL); INSERT INTO events VALUES (1, '2026-01-02 03:04:05.123456+00')",
    [],
    domain.url,
  );
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', domain.url, { statementTimeoutMs: 300 })]);
});
afterAll(async () => {
  await resetEngine();
  await Promise.all([domain.drop(), hub.drop()]);
});

describe('through PgBouncer in transaction pooling', () => {
  it('really goes through it, in transaction mode', () => {
    expect(process.env.HUB_TEST_PGBOUNCER_PORT).toMatch(/^\d+$/);
    expect(pooled(domain)).toMatchObject({ port: Number(process.env.HUB_TEST_PGBOUNCER_PORT), poolMode: 'transaction' });
  });

  it("reads values in the hub's exact form, whatever the database's defaults, in every statement", async () => {
    for (let i = 0; i < 20; i++) {
      const [row] = await query<{ at: string; zone: string; style: string }>(
        'blog',
        "SELECT at, current_setting('TimeZone') AS zone, current_setting('DateStyle') AS style FROM events",
      );
      expect(row).toEqual({ at: '2026-01-02T03:04:05.123456Z', zone: 'UTC', style: 'ISO, YMD' });
    }
  });

  it('holds every statement to the domain timeout, and leaves no setting behind on the shared connections', async () => {
    await expect(query('blog', 'SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    // A transaction's own tighter limit wins over the domain's.
    await expect(withTransaction('blog', (tx) => tx.query('SELECT pg_sleep(0.2)'), { statementTimeoutMs: 50 })).rejects.toMatchObject({ code: '57014' });
    // Another client of the same PgBouncer sees the database's own defaults: nothing leaked.
    const { port, database, user } = pooled(domain);
    const other = new pg.Client({ host: '127.0.0.1', port, database, user, password: new URL(domain.url).password || undefined });
    await other.connect();
    try {
      for (let i = 0; i < 5; i++) {
        const { rows } = await other.query(
          "SELECT current_setting('TimeZone') AS zone, current_setting('DateStyle') AS style, current_setting('statement_timeout') AS timeout",
        );
        expect(rows[0]).toEqual({ zone: 'Asia/Seoul', style: 'SQL, DMY', timeout: '0' });
      }
    } finally {
      await other.end();
    }
  });

  it('migrates the hub database from two starts at once, and leaves no advisory lock held', async () => {
    await Promise.all([migrateHubDatabase(), migrateHubDatabase()]);
    const [{ n }] = (await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM hub_migrations', [], hub.url)) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    const locks = await adminQuery("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'", [], hub.url);
    expect(locks).toEqual([]);
  });

  it('does not LISTEN through it: the session cache stays off', async () => {
    const stop = startOperatorListener();
    await new Promise((r) => setTimeout(r, 300));
    expect(cacheTrusted()).toBe(false);
    await stop();
  });
});
