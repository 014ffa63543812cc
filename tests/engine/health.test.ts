import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from '../../src/engine/db/health';
import { query } from '../../src/engine/db/query';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { freePort } from '../support/free-port';

let db: TestDatabase;
let silent: net.Server;
let silentPort: number;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  db = await createTestDatabase('health');
  // A server that accepts TCP and never answers: the worst kind of "down".
  silent = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await resetEngine();
  for (const s of sockets) s.destroy();
  silent.close();
  await db.drop();
});
afterEach(resetEngine);

describe('health', () => {
  it('reports each domain on its own: one down does not hide or stop the others', async () => {
    const closedPort = await freePort();
    installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url), targetFromUrl('market', `postgres://postgres@127.0.0.1:${closedPort}/market`)]);
    const health = await checkHealth();
    expect(health.ready).toBe(true);
    expect(health.hub.ok).toBe(true);
    const [blog, market] = health.domains;
    expect(blog).toMatchObject({ name: 'blog', ok: true, pool: { max: 5 } });
    expect(blog!.latencyMs).toBeGreaterThan(0);
    expect(blog!.pool.total).toBeGreaterThanOrEqual(1);
    expect(market).toMatchObject({ name: 'market', ok: false, latencyMs: null });
    expect(market!.error).toBe(
      `Domain "market": nothing accepts connections at 127.0.0.1:${closedPort} (connection refused). Is the server running? Check MARKET_DB_HOST and MARKET_DB_PORT.`,
    );
    // The healthy domain keeps serving queries while the other is down.
    expect(await query<{ ok: number }>('blog', 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('answers within its budget when a server hangs', async () => {
    installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', `postgres://postgres@127.0.0.1:${silentPort}/blog`, { connectionTimeoutMs: 1_500 })]);
    const started = Date.now();
    const health = await checkHealth(400);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(health.domains[0]).toMatchObject({ ok: false, error: 'Domain "blog": no answer within 400 ms.' });
    expect(health.hub.ok).toBe(true);
  });

  it('is not ready when the hub database is down', async () => {
    installConfig(targetFromUrl('hub', `postgres://postgres@127.0.0.1:${await freePort()}/hub`), [targetFromUrl('blog', db.url)]);
    const health = await checkHealth();
    expect(health.up).toBe(true);
    expect(health.ready).toBe(false);
    expect(health.domains[0]!.ok).toBe(true);
  });
});
