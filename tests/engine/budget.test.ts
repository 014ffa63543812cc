import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boot, BootError } from '../../src/engine/boot';
import { checkConnectionBudget, describeBudget } from '../../src/engine/db/budget';
import { targetFromUrl } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { startSpecialServer, type SpecialServer } from '../support/special-server';

let small: SpecialServer;

beforeAll(async () => {
  // 12 connections, 3 reserved for superusers: 9 for everyone else.
  small = await startSpecialServer({ max_connections: '12', superuser_reserved_connections: '3' });
});
afterAll(async () => {
  await resetEngine();
  await small?.dispose();
});
afterEach(resetEngine);

describe('connection budget', () => {
  it('passes when the pools fit in what the server has free', async () => {
    const url = small.url('postgres');
    const config = installConfig(targetFromUrl('hub', url, { poolMax: 2 }), [targetFromUrl('blog', url, { poolMax: 3 })]);
    const [budget] = await checkConnectionBudget(config);
    expect(budget).toMatchObject({ maxConnections: 12, needed: 5, ok: true, targets: ['hub', 'blog'] });
    expect(budget!.reserved).toBeGreaterThanOrEqual(3);
    expect(budget!.free).toBe(12 - budget!.reserved - budget!.inUse);
  });

  it('flags pools that could open more connections than the server has, with the numbers', async () => {
    const url = small.url('postgres');
    const config = installConfig(targetFromUrl('hub', url, { poolMax: 2 }), [targetFromUrl('blog', url, { poolMax: 3 })], { replicas: 2 });
    const [budget] = await checkConnectionBudget(config);
    expect(budget).toMatchObject({ needed: 10, ok: false });
    const text = describeBudget(budget!, 2);
    expect(text).toContain(`127.0.0.1:${small.port}: OVER BUDGET: pools hub + blog may open 10 connections (5 × HUB_REPLICAS=2); the server allows 12`);
    expect(text).toContain('Lower the *_DB_POOL_MAX of these domains, or raise max_connections on the server.');
  });

  it('counts connections already in use by others', async () => {
    const url = small.url('postgres');
    const pg = (await import('pg')).default;
    const others = await Promise.all(
      [1, 2, 3].map(async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    try {
      const config = installConfig(targetFromUrl('hub', url, { poolMax: 1 }), [targetFromUrl('blog', url, { poolMax: 1 })]);
      const [budget] = await checkConnectionBudget(config);
      expect(budget!.inUse).toBeGreaterThanOrEqual(3);
    } finally {
      await Promise.all(others.map((c) => c.end()));
    }
  });

  it('reports an unreachable server instead of failing the whole check', async () => {
    const url = small.url('postgres');
    const config = installConfig(targetFromUrl('hub', url, { poolMax: 1 }), [targetFromUrl('blog', 'postgres://postgres@127.0.0.1:1/x', { poolMax: 1 })]);
    const budgets = await checkConnectionBudget(config);
    expect(budgets.find((b) => b.targets.includes('hub'))!.ok).toBe(true);
    const down = budgets.find((b) => b.targets.includes('blog'))!;
    expect(down.ok).toBe(false);
    expect(down.error).toContain('connection refused');
  });

  it('refuses to start under HUB_STRICT_BUDGET=1, and only warns without it', async () => {
    const env = {
      HUB_DOMAINS: 'blog,market',
      HUB_DATABASE_URL: small.url('postgres'),
      BLOG_DATABASE_URL: small.url('postgres'),
      MARKET_DATABASE_URL: small.url('postgres'),
      HUB_REPLICAS: '2',
      HUB_AUTH_SECRET: 'budget-test-secret-budget-test-secret',
    };
    const error = await boot({ env: { ...env, HUB_STRICT_BUDGET: '1' } }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(
      /^HUB_STRICT_BUDGET=1 and 1 server\(s\) are over their connection budget:\n {2}- 127\.0\.0\.1:\d+: OVER BUDGET: pools hub \+ blog \+ market may open 60 connections/,
    );
    await resetEngine();
    const booted = await boot({ env });
    expect(booted.config.domains.map((d) => d.name)).toEqual(['blog', 'market']);
  });
});
