import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { DbUnavailableError } from '../../src/engine/db/errors';
import { query } from '../../src/engine/db/query';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/demo/embedded/postgres-server';
import { listResource } from '../../src/engine/list/run-list';
import { findResource } from '../../src/engine/resources/registry';
import { searchEverywhere } from '../../src/engine/search/search-all';
import { createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';
import { startSpecialServer, type SpecialServer } from '../support/special-server';

let blogDb: TestDatabase;
let marketServer: SpecialServer;
let restarted: EmbeddedServer | undefined;

beforeAll(async () => {
  blogDb = await createTestDatabase('faults_blog');
  marketServer = await startSpecialServer({});
  await withClient(blogDb.url, (c) => seedBlog(c));
  await withClient(marketServer.url('postgres'), (c) => seedMarket(c, { orders: 2000 }));
  installConfig(targetFromUrl('hub', blogDb.url), [
    targetFromUrl('blog', blogDb.url),
    targetFromUrl('market', marketServer.url('postgres'), { connectionTimeoutMs: 1_000, poolMax: 2 }),
  ]);
}, 180_000);
afterAll(async () => {
  await resetEngine();
  await restarted?.stop();
  await marketServer?.dispose();
  await blogDb?.drop();
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    return { ms: performance.now() - started, value: await work() };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('one domain down never takes the hub down', () => {
  it("with market's PostgreSQL stopped: blog lists and searches, market says it is unreachable in time, then recovers without a restart", async () => {
    const { resource: posts } = await findResource('blog', 'posts');
    const { resource: customers } = await findResource('market', 'customers');
    expect((await listResource(superadmin, 'market' as DomainName, customers, { size: '3' })).rows).toHaveLength(3);

    await marketServer.stop();
    const down = await timed(() => listResource(superadmin, 'market' as DomainName, customers, { size: '3' }));
    expect(down.error).toBeInstanceOf(DbUnavailableError);
    expect((down.error as Error).message).toMatch(/^Domain "market": nothing accepts connections at 127\.0\.0\.1:\d+ \(connection refused\)/);
    expect(down.ms).toBeLessThan(3_000);

    const blog = await timed(() => listResource(superadmin, 'blog' as DomainName, posts, { size: '5' }));
    expect(blog.value?.rows).toHaveLength(5);
    expect(blog.ms).toBeLessThan(2_000);

    const results = await searchEverywhere(superadmin, 'the', { budgetMs: 3_000 });
    const byDomain = Object.fromEntries(results.map((r) => [r.domain, r]));
    expect(byDomain.blog!.status).toBe('ok');
    expect(byDomain.blog!.groups.length).toBeGreaterThan(0);
    expect(byDomain.market!.status).toBe('error');
    expect(byDomain.market!.error).toMatch(/Domain "market": nothing accepts connections/);

    // The server comes back on the same port; the same pool serves again, no restart needed.
    restarted = await startEmbeddedPostgres({ dataDir: path.join(marketServer.dir, 'data'), port: marketServer.port });
    let recovered: unknown[] = [];
    for (let i = 0; i < 20 && recovered.length === 0; i++) {
      recovered = await listResource(superadmin, 'market' as DomainName, customers, { size: '3' }).then(
        (r) => r.rows,
        () => [],
      );
      if (recovered.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toHaveLength(3);
  });

  it('a pool saturated by slow queries in one domain does not slow the others', async () => {
    // market's pool has 2 connections: fill both with slow queries.
    const slow = [1, 2].map(() => query('market', 'SELECT pg_sleep(1.5)').catch(() => undefined));
    await new Promise((r) => setTimeout(r, 150));
    const market = await timed(() => query('market', 'SELECT 1'));
    expect(market.error).toBeDefined();
    expect((market.error as Error).message).toContain('no database connection became free within 1000 ms');
    const blogTimes: number[] = [];
    for (let i = 0; i < 10; i++) blogTimes.push((await timed(() => query('blog', 'SELECT count(*) FROM posts'))).ms);
    expect(Math.max(...blogTimes)).toBeLessThan(500);
    await Promise.all(slow);
  });
});
