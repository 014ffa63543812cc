// Version-independent (vitest.config.ts): runs on the embedded demo, never on the server under test.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, type Booted } from '../../src/engine/boot';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { runInternalAction } from '../../src/engine/internal';
import { findResource } from '../../src/engine/resources/registry';
import { resetEngine } from '../support/engine';
import { freePort } from '../support/free-port';

/**
 * `npm start` with nothing configured: boot() starts the embedded PostgreSQL, seeds it, starts
 * the blog's own service and points BLOG_INTERNAL_URL / BLOG_INTERNAL_SECRET at it.
 */

let dir: string;
let port: number;
let booted: Booted | undefined;
const admin: Operator = { id: 'demo-admin', email: 'admin@demo.test', name: 'Admin', superadmin: false, roles: { blog: 'admin' }, sessionId: undefined };

async function bootDemo(): Promise<{ booted: Booted; env: Record<string, string | undefined> }> {
  const env: Record<string, string | undefined> = { HUB_DATA_DIR: dir, HUB_EMBEDDED_PORT: String(port), HUB_SEED_ORDERS: '200' };
  return { booted: await boot({ env, cwd: dir }), env };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hub-internal-embedded-'));
  chmodSync(dir, 0o755); // as root the server runs as postgres and must reach its folder
  port = await freePort();
});
afterAll(async () => {
  await booted?.stopDatabases().catch(() => undefined);
  await resetEngine();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded demo', () => {
  it('starts the blog service, configures it for blog only, keeps its secret beside the data, and stops it', async () => {
    const first = await bootDemo();
    booted = first.booted;
    const { env } = first;
    const blog = booted.config.domains.find((d) => d.name === 'blog')!;
    const market = booted.config.domains.find((d) => d.name === 'market')!;
    expect(env.BLOG_INTERNAL_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(blog.internal).toEqual({ url: env.BLOG_INTERNAL_URL, secret: env.BLOG_INTERNAL_SECRET });
    expect(market.internal).toBeUndefined();
    const secretFile = path.join(dir, 'postgres.internal-secret');
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(env.BLOG_INTERNAL_SECRET);
    expect(env.BLOG_INTERNAL_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);

    // The hub's own call, signed with the configured secret, against the seeded blog.
    const [post] = await query<{ id: string }>('blog' as DomainName, 'SELECT id::text FROM posts ORDER BY id LIMIT 1');
    const { resource: posts } = await findResource('blog', 'posts'); // an overlay on the booted catalog
    const result = await runInternalAction(admin, 'blog', posts, 'regenerate-summary', { recordId: post!.id });
    expect(result).toMatchObject({ ok: true, status: 200, body: { postId: post!.id, summary: expect.any(String) } });
    const audited = await query<{ outcome: string }>('hub', "SELECT outcome FROM hub_audit WHERE action = 'internal'");
    expect(audited).toEqual([{ outcome: 'succeeded' }]);

    // Stopping the demo stops the service.
    const url = env.BLOG_INTERNAL_URL!;
    await booted.stopDatabases();
    booted = undefined;
    await expect(fetch(`${url}/health`)).rejects.toThrow(); // (what the hub then says is tested in call.test.ts)
    await resetEngine();

    // A restart reuses the secret (a service configured by hand with it keeps working).
    const second = await bootDemo();
    booted = second.booted;
    expect(second.env.BLOG_INTERNAL_SECRET).toBe(env.BLOG_INTERNAL_SECRET);
    expect(await (await fetch(`${second.env.BLOG_INTERNAL_URL}/health`)).json()).toEqual({ ok: true });
    await booted.stopDatabases();
    booted = undefined;
    expect(existsSync(path.join(dir, 'embedded-runtime.json'))).toBe(false);
  }, 240_000);
});
