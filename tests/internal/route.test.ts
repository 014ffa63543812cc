import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '../../src/app/api/internal-actions/[domain]/[resource]/route';
import { getAuth, resetAuth } from '../../src/engine/auth/better-auth';
import { createOperator } from '../../src/engine/auth/operators';
import type { DomainRole } from '../../src/engine/auth/roles';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { startDemoService, type DemoService } from '../../src/demo/service/server';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/**
 * POST/GET /api/internal-actions/<domain>/<resource>, called as Next.js calls the handlers,
 * with real sessions from the hub database and the real demo service behind them.
 */

const ORIGIN = 'http://localhost:3000'; // testAuth.baseUrl
const PASSWORD = 'a long test password';
let hub: TestDatabase;
let blog: TestDatabase;
let market: TestDatabase;
let serviceDb: TestDatabase;
let service: DemoService;
const cookies = new Map<string, string>();

async function signIn(email: string): Promise<string> {
  const response = await getAuth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-hub-client-ip': '10.1.2.3' },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const params = (domain = 'blog', resource = 'posts') => ({ params: Promise.resolve({ domain, resource }) });

function post(who: string | undefined, body: unknown, options: { origin?: string | null; domain?: string; resource?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) headers.cookie = cookies.get(who)!;
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  const domain = options.domain ?? 'blog';
  const resource = options.resource ?? 'posts';
  return POST(
    new Request(`${ORIGIN}/api/internal-actions/${domain}/${resource}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    params(domain, resource),
  );
}

beforeAll(async () => {
  [hub, blog, market, serviceDb] = await Promise.all([
    createTestDatabase('internal_route_hub'),
    createTestDatabase('internal_route_blog'),
    createTestDatabase('internal_route_market'),
    createTestDatabase('internal_route_service'),
  ]);
  // The demo's definitions are overlays: the domains' tables must exist for their resources to be served.
  await Promise.all([withClient(blog.url, (c) => seedBlog(c)), withClient(market.url, (c) => seedMarket(c, { orders: 20 }))]);
  const secret = randomBytes(32).toString('hex');
  // The service reads a database without a posts table, so its actions fail there (a 500 of its own).
  service = await startDemoService({ secret, blogDatabaseUrl: serviceDb.url, log: () => undefined });
  installConfig(targetFromUrl('hub', hub.url), [
    targetFromUrl('blog', blog.url, { internal: { url: service.url, secret } }),
    targetFromUrl('market', market.url),
  ]);
  resetAuth();
  await migrateHubDatabase();
  const people: [string, Record<string, DomainRole>][] = [
    ['admin', { blog: 'admin' }],
    ['editor', { blog: 'editor' }],
    ['viewer', { blog: 'viewer' }],
    ['market-admin', { market: 'admin' }],
  ];
  for (const [name, roles] of people) {
    await createOperator({ email: `${name}@route.test`, password: PASSWORD, roles });
    cookies.set(name, await signIn(`${name}@route.test`));
  }
}, 120_000);
afterAll(async () => {
  await service?.stop();
  resetAuth();
  await resetEngine();
  await Promise.all([hub?.drop(), blog?.drop(), market?.drop(), serviceDb?.drop()]);
});

describe('POST /api/internal-actions/<domain>/<resource>', () => {
  it("runs the action for an admin and returns the service's answer; the same key again gives the same notification", async () => {
    const idempotencyKey = randomUUID();
    const response = await post('admin', { action: 'send-notification', recordId: '12', idempotencyKey });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const json = (await response.json()) as { ok: boolean; status: number; idempotencyKey: string; body: { notificationId: string; message: string } };
    expect(json).toMatchObject({
      ok: true,
      status: 200,
      idempotencyKey,
      body: { notificationId: expect.stringMatching(/^ntf_/), message: expect.stringContaining('sent') },
    });
    const again = (await (await post('admin', { action: 'send-notification', recordId: '12', idempotencyKey })).json()) as typeof json;
    expect(again.body.notificationId).toBe(json.body.notificationId);
    expect(service.notifications().filter((n) => n.idempotencyKey === idempotencyKey)).toHaveLength(1);
    const rows = await query<{ actor_email: string; outcome: string }>(
      'hub',
      "SELECT actor_email, outcome FROM hub_audit WHERE action = 'internal' AND detail::jsonb ->> 'idempotencyKey' = $1",
      [idempotencyKey],
    );
    expect(rows).toEqual([
      { actor_email: 'admin@route.test', outcome: 'succeeded' },
      { actor_email: 'admin@route.test', outcome: 'succeeded' },
    ]);
  });

  it('refuses, before anything is sent: a foreign or missing Origin, no session, no admin role, a bad body, an undeclared action', async () => {
    const before = service.requestCount();
    const valid = { action: 'send-notification', recordId: '12' };
    const cases: [string, Promise<Response>, number][] = [
      ['foreign origin', post('admin', valid, { origin: 'http://evil.example' }), 403],
      ['no origin', post('admin', valid, { origin: null }), 403],
      ['anonymous', post(undefined, valid), 401],
      ['viewer', post('viewer', valid), 403],
      ['editor', post('editor', valid), 403],
      ['admin of another domain', post('market-admin', valid), 403],
      ['empty body', post('admin', {}), 400],
      ['unknown field', post('admin', { ...valid, url: 'http://elsewhere' }), 400],
      ['undeclared action', post('admin', { action: 'drop-tables', recordId: '12' }), 404],
      ['row action without a record', post('admin', { action: 'send-notification' }), 400],
      ['malformed record id', post('admin', { action: 'send-notification', recordId: 'abc' }), 404],
      ['bad idempotency key', post('admin', { ...valid, idempotencyKey: 'x' }), 400],
      ['unknown resource', post('admin', valid, { resource: 'nope' }), 404],
    ];
    for (const [label, response, status] of cases) {
      const r = await response;
      expect(r.status, label).toBe(status);
      const json = (await r.json()) as { error: string };
      expect(typeof json.error, label).toBe('string');
      expect(json.error, label).not.toMatch(/at .*\.ts:\d+/); // no stack
    }
    expect(service.requestCount()).toBe(before);
  });

  it("answers the service's failure as a 502 with its message, retryable flag and key", async () => {
    const response = await post('admin', { action: 'regenerate-summary', recordId: '5' }); // the service's database has no posts table
    expect(response.status).toBe(502);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'http', upstreamStatus: 500, retryable: true, idempotencyKey: expect.any(String) });
    expect(json.error).toMatch(/^The blog service refused "regenerate-summary" \(500 Internal Server Error\): The blog service failed \(reference \w+\)\.$/);
  });
});

describe('GET /api/internal-actions/<domain>/<resource>', () => {
  it('lists the actions for admins, and refuses everyone else', async () => {
    const get = (who: string | undefined, domain = 'blog', resource = 'posts') =>
      GET(new Request(`${ORIGIN}/api/internal-actions/${domain}/${resource}`, { headers: who ? { cookie: cookies.get(who)! } : {} }), params(domain, resource));
    const ok = await get('admin');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      configured: true,
      actions: [
        { name: 'regenerate-summary', label: 'Regenerate summary', scope: 'row' },
        { name: 'send-notification', label: 'Send notification', scope: 'row', confirm: 'Send a notification about this post to its subscribers?' },
      ],
    });
    expect(await (await get('admin', 'blog', 'authors')).json()).toEqual({ configured: true, actions: [] });
    expect(await (await get('market-admin', 'market', 'orders')).json()).toEqual({ configured: false, actions: [] });
    expect((await get(undefined)).status).toBe(401);
    expect((await get('editor')).status).toBe(403);
    expect((await get('market-admin')).status).toBe(403);
  });
});
