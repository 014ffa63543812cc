import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, createTestDatabase, type TestDatabase } from '../support/databases';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('shutdown');
});
afterAll(async () => {
  await db.drop();
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops taking requests, finishes the in-flight one, closes the pools and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../fixtures/drain-server.ts')], {
      env: {
        ...process.env,
        HUB_DOMAINS: 'blog',
        HUB_DATABASE_URL: db.url,
        BLOG_DATABASE_URL: db.url,
        HUB_LOG_LEVEL: 'warn',
        HUB_AUTH_SECRET: 'shutdown-test-secret-shutdown-test-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout}`)), 30_000);
      child.stdout.on('data', () => {
        const match = /listening (\S+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });

    const inFlight = fetch(`${url}/slow`).then(async (r) => ({ status: r.status, body: await r.text() }));
    await new Promise((r) => setTimeout(r, 250));
    const sessions = await adminQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'admin-hub:blog' AND datname = $1",
      [db.name],
    );
    expect(sessions[0]!.n).toBe(1); // the request really is holding a connection
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 150));
    const late = await fetch(`${url}/slow`).then(
      (r) => r.status,
      (e: Error) => e,
    );
    expect(late).toBeInstanceOf(Error); // no new connections once draining

    expect(await inFlight).toEqual({ status: 200, body: 'done' });
    expect(await exited).toBe(0);
    expect(stdout).toContain('pools closed');
    // A backend leaves pg_stat_activity a moment after its client hangs up.
    let left = -1;
    for (let i = 0; i < 20 && left !== 0; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      const rows = await adminQuery<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'admin-hub:blog' AND datname = $1",
        [db.name],
      );
      left = rows[0]!.n;
    }
    expect(left).toBe(0);
  });
});
