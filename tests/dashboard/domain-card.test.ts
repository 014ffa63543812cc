import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDomainCard } from '../../src/engine/dashboard';
import type { DomainCardData, DomainCardResult } from '../../src/engine/dashboard/types';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { adminQuery, targetFromUrl } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';
import { freePort } from '../support/free-port';
import { createDemoDatabases, operatorWith, silentServer, type DemoDatabases } from './fixtures';

let dbs: DemoDatabases;

function useDemoConfig(): void {
  installConfig(targetFromUrl('hub', dbs.hub.url), [targetFromUrl('blog', dbs.blog.url), targetFromUrl('market', dbs.market.url)]);
}

beforeAll(async () => {
  dbs = await createDemoDatabases('dash_c');
  useDemoConfig();
  await migrateHubDatabase();
  // Audit entries in every state, for both domains, in a known order (at increases with i).
  const entries: [string, string, string, string][] = [
    ['market', 'update', 'committed', 'orders'],
    ['market', 'create', 'aborted', 'orders'], // rolled back: not a change
    ['market', 'export', 'succeeded', 'customers'],
    ['blog', 'update', 'committed', 'posts'], // another domain
    ['market', 'soft_delete', 'committed', 'products'],
    ['market', 'update', 'pending', 'orders'], // not settled yet
    ['market', 'bulk', 'failed', 'orders'],
    ['market', 'restore', 'committed', 'products'],
    ['market', 'update', 'unknown', 'orders'],
    ['market', 'hard_delete', 'committed', 'customers'],
    ['market', 'create', 'committed', 'orders'],
  ];
  for (const [i, [domain, action, outcome, resource]] of entries.entries()) {
    await query(
      'hub',
      `INSERT INTO hub_audit (at, actor_email, domain, resource, record_id, action, outcome) VALUES (now() - make_interval(mins => $1), $2, $3, $4, $5, $6, $7)`,
      [100 - i, `op${i}@test.local`, domain, resource, String(1000 + i), action, outcome],
    );
  }
  await resetEngine();
}, 120_000);
afterAll(async () => {
  await resetEngine();
  await dbs?.drop();
});
beforeEach(useDemoConfig);
afterEach(resetEngine);

function dataOf(result: DomainCardResult): DomainCardData {
  if (!result.ok) throw new Error(`card failed: ${result.reason}: ${result.error}`);
  return result.data;
}

describe('domain card', () => {
  it('health, pool, database size and the five largest tables by estimated rows, partitions summed', async () => {
    const data = dataOf(await loadDomainCard(superadmin, 'market'));
    expect(data.domain).toBe('market');
    expect(data.latencyMs).toBeGreaterThan(0);
    expect(data.pool).toMatchObject({ max: 5, waiting: 0 });
    expect(data.pool.total).toBeGreaterThanOrEqual(1);
    const [size] = await adminQuery<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes', [], dbs.market.url);
    expect(Math.abs(data.databaseBytes - Number(size!.bytes))).toBeLessThan(1024 * 1024);

    expect(data.largestTables).toHaveLength(5);
    const names = data.largestTables.map((t) => t.name);
    // The seed's sizes: ~100k events (partitioned), 50k customers, items and orders, 2k products.
    expect(new Set(names)).toEqual(new Set(['order_events', 'customers', 'order_items', 'orders', 'products']));
    const rows = data.largestTables.map((t) => t.estimatedRows!);
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
    expect(names.some((n) => /^order_events_/.test(n))).toBe(false); // partitions are inside their parent

    const events = data.largestTables.find((t) => t.name === 'order_events')!;
    expect(events.partitioned).toBe(true);
    const [sum] = await adminQuery<{ n: string }>(
      `SELECT sum(c.reltuples)::bigint AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'order_events'::regclass`,
      [],
      dbs.market.url,
    );
    expect(events.estimatedRows).toBe(Number(sum!.n));
    const [exact] = await adminQuery<{ n: string }>('SELECT count(*) AS n FROM order_events', [], dbs.market.url);
    expect(events.estimatedRows).toBe(Number(exact!.n)); // ANALYZEd right after the seed
    expect(events.totalBytes).toBeGreaterThan(0);

    const orders = data.largestTables.find((t) => t.name === 'orders')!;
    expect(orders).toMatchObject({ schema: 'public', partitioned: false, estimatedRows: 3000, href: '/d/market/orders' });
  });

  it('the latest five committed or succeeded audit entries of that domain, newest first, for its admins', async () => {
    const data = dataOf(await loadDomainCard(operatorWith({ market: 'admin' }), 'market'));
    expect(data.audit.visible && data.audit.ok).toBe(true);
    if (!data.audit.visible || !data.audit.ok) return;
    expect(data.audit.events.map((e) => [e.action, e.outcome, e.resource, e.recordId, e.actorEmail])).toEqual([
      ['create', 'committed', 'orders', '1010', 'op10@test.local'],
      ['hard_delete', 'committed', 'customers', '1009', 'op9@test.local'],
      ['restore', 'committed', 'products', '1007', 'op7@test.local'],
      ['soft_delete', 'committed', 'products', '1004', 'op4@test.local'],
      ['export', 'succeeded', 'customers', '1002', 'op2@test.local'],
    ]);
    expect(data.audit.events[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('viewers see the card without the audit entries (the audit log is for admins), and links only to what they may read', async () => {
    const data = dataOf(await loadDomainCard(operatorWith({ market: 'viewer' }), 'market'));
    expect(data.audit).toEqual({ visible: false, reason: "The audit log is shown to market's admins." });
    expect(data.largestTables).toHaveLength(5);
    expect(data.largestTables.find((t) => t.name === 'customers')?.href).toBe('/d/market/customers');
  });

  it('a domain the operator cannot see is refused without a query', async () => {
    const result = await loadDomainCard(operatorWith({ blog: 'viewer' }), 'market');
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', error: 'You cannot see the domain "market".', pool: null });
  });

  it('a down domain gives an error result with the engine message; the other domain still loads', async () => {
    const closed = await freePort();
    installConfig(targetFromUrl('hub', dbs.hub.url), [
      targetFromUrl('blog', dbs.blog.url),
      targetFromUrl('market', `postgres://postgres@127.0.0.1:${closed}/market`),
    ]);
    const [market, blog] = await Promise.all([loadDomainCard(superadmin, 'market'), loadDomainCard(superadmin, 'blog')]);
    expect(market).toMatchObject({
      ok: false,
      reason: 'unavailable',
      error: `Domain "market": nothing accepts connections at 127.0.0.1:${closed} (connection refused). Is the server running? Check MARKET_DB_HOST and MARKET_DB_PORT.`,
      pool: { max: 5, waiting: 0 },
    });
    const blogData = dataOf(blog);
    expect(blogData.largestTables.map((t) => t.name)).toContain('posts');
    expect(blogData.audit).toMatchObject({ visible: true, ok: true });
  });

  it('a domain that never answers gives a timeout result within the card budget', async () => {
    const silent = await silentServer();
    try {
      installConfig(targetFromUrl('hub', dbs.hub.url), [
        targetFromUrl('market', `postgres://postgres@127.0.0.1:${silent.port}/market`, { connectionTimeoutMs: 1_500 }),
      ]);
      const started = Date.now();
      const result = await loadDomainCard(superadmin, 'market', { budgetMs: 500 });
      expect(Date.now() - started).toBeLessThan(900);
      expect(result).toMatchObject({ ok: false, reason: 'timeout', error: 'Domain "market": no answer within 500 ms.' });
    } finally {
      await resetEngine();
      silent.close();
    }
  });

  it('with the hub database down the card still shows the domain, and says why the audit entries are missing', async () => {
    installConfig(targetFromUrl('hub', `postgres://postgres@127.0.0.1:${await freePort()}/hub`), [targetFromUrl('market', dbs.market.url)]);
    const data = dataOf(await loadDomainCard(superadmin, 'market'));
    expect(data.largestTables).toHaveLength(5);
    expect(data.audit).toMatchObject({ visible: true, ok: false });
    expect(data.audit.visible && !data.audit.ok && data.audit.error).toMatch(
      /^Domain "hub": nothing accepts connections at 127\.0\.0\.1:\d+ \(connection refused\)/,
    );
  });

  it('an unknown domain gives the configuration message', async () => {
    expect(await loadDomainCard(superadmin, 'crm')).toMatchObject({
      ok: false,
      reason: 'unavailable',
      error: 'Domain "crm" is not configured. Configured domains: blog, market. Add it to HUB_DOMAINS.',
    });
  });
});
