import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DbUnavailableError } from '../../src/engine/db/errors';
import { query } from '../../src/engine/db/query';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('breaker');
});
afterAll(async () => {
  await resetEngine();
  await db.drop();
});
afterEach(resetEngine);

/**
 * A TCP front for the test database that counts connection attempts and can play dead:
 * 'silent' accepts and never answers (a hung server), 'up' forwards to PostgreSQL.
 */
async function front(): Promise<{ port: number; attempts: () => number; mode: (m: 'silent' | 'up') => void; close(): void }> {
  const target = new URL(db.url);
  let mode: 'silent' | 'up' = 'silent';
  let attempts = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    attempts++;
    sockets.add(socket);
    if (mode === 'silent') return;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    attempts: () => attempts,
    mode: (m) => (mode = m),
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );

describe('a domain whose server does not answer', () => {
  it('is tried by one connection at a time: the rest fail at once with the same message, and it recovers by itself', async () => {
    const server = await front();
    try {
      const url = new URL(db.url);
      url.host = `127.0.0.1:${server.port}`;
      installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', url.toString(), { connectionTimeoutMs: 600 })]);

      const first = await settle(query('blog', 'SELECT 1'));
      expect(first.error).toBeInstanceOf(DbUnavailableError);
      expect(server.attempts()).toBe(1);

      // Five requests right after: answered at once, from the failure just seen, with no new attempt.
      const started = performance.now();
      const burst = await Promise.all(Array.from({ length: 5 }, () => settle(query('blog', 'SELECT 1'))));
      expect(performance.now() - started).toBeLessThan(300);
      expect(burst.map((r) => (r.error as Error).message)).toEqual(Array(5).fill((first.error as Error).message));
      expect(server.attempts()).toBe(1);

      // After the cool-down one request probes while the others still fail fast.
      await new Promise((r) => setTimeout(r, 700));
      const probe = settle(query('blog', 'SELECT 1'));
      const meanwhile = await Promise.all(Array.from({ length: 3 }, () => settle(query('blog', 'SELECT 1'))));
      expect(meanwhile.every((r) => r.error instanceof DbUnavailableError)).toBe(true);
      expect((await probe).error).toBeInstanceOf(DbUnavailableError);
      expect(server.attempts()).toBe(2);

      // The server comes back: after the cool-down the probe connects and the pool serves again.
      server.mode('up');
      await new Promise((r) => setTimeout(r, 700));
      expect(await query<{ n: number }>('blog', 'SELECT 1 AS n')).toEqual([{ n: 1 }]);
      expect((await Promise.all(Array.from({ length: 3 }, () => query<{ n: number }>('blog', 'SELECT 2 AS n')))).flat()).toEqual([
        { n: 2 },
        { n: 2 },
        { n: 2 },
      ]);
    } finally {
      server.close();
    }
  });
});
