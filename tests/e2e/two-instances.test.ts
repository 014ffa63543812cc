// Version-independent (vitest.config.ts): several hub processes and their hub-database notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateGrants } from '../../src/engine/operators/manage';
import { adminQuery, targetFromUrl } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';
import { OPERATORS, PASSWORD, startHub, type RunningHub } from '../support/hub-server';
import { roundRobin, type RoundRobin } from '../support/round-robin';

/*
 * Two hub instances (`npm start`'s production server, twice) on one hub database and the same
 * domains, behind a round-robin balancer without sticky sessions. Each instance caches
 * sessions for ten minutes here, so only the hub database's notices can end a cached one.
 */

let balancer: RoundRobin;
let a: RunningHub;
let b: RunningHub;

beforeAll(async () => {
  balancer = await roundRobin();
  const env = { HUB_SESSION_CACHE_MS: '600000', HUB_AUDIT_SWEEP_SECONDS: '1' };
  a = await startHub({ publicUrl: balancer.url, env });
  b = await startHub({ alongside: a, publicUrl: balancer.url, env });
  balancer.targets.push(a.url, b.url);
}, 240_000);
afterAll(async () => {
  await balancer?.close();
  await b?.stop(); // b shares a's databases: a drops them
  await a?.stop();
  await resetEngine();
});

/** A request through the balancer; `instance` pins it to one of the two. */
async function send(path: string, init: { cookie?: string; instance?: 0 | 1; method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { origin: balancer.url };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.instance !== undefined) headers['x-test-instance'] = String(init.instance);
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(balancer.url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
  });
}

async function signIn(email: string, instance: 0 | 1, password = PASSWORD): Promise<{ status: number; cookie: string }> {
  const response = await send('/api/auth/sign-in/email', { instance, body: { email, password } });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: response.status, cookie };
}

const status = async (response: Promise<Response>) => {
  const answer = await response;
  await answer.arrayBuffer();
  return answer.status;
};

describe('two hub instances behind a balancer without sticky sessions', () => {
  it('serves a session made on one instance from the other, both in turn', async () => {
    const { status: signedIn, cookie } = await signIn(OPERATORS.marketViewer.email, 0);
    expect(signedIn).toBe(200);
    const before = balancer.served.length;
    for (let i = 0; i < 4; i++) expect(await status(send('/api/d/market/orders?size=5', { cookie }))).toBe(200);
    expect(new Set(balancer.served.slice(before))).toEqual(new Set([0, 1]));
  });

  it('ends a session signed out on one instance on the other as soon as the notice arrives', async () => {
    const { cookie } = await signIn(OPERATORS.marketEditor.email, 0);
    // Both instances have it cached now.
    expect(await status(send('/api/d/market/orders?size=5', { cookie, instance: 0 }))).toBe(200);
    expect(await status(send('/api/d/market/orders?size=5', { cookie, instance: 1 }))).toBe(200);
    expect(await status(send('/api/auth/sign-out', { cookie, instance: 0, body: {} }))).toBe(200);
    // The notice reaches the other instance within milliseconds of the COMMIT (more on a loaded
    // machine): polled briefly, far inside the ten minutes the cache alone would keep it.
    await expect.poll(() => status(send('/api/d/market/orders?size=5', { cookie, instance: 1 })), { timeout: 3_000, interval: 20 }).toBe(401);
    expect(await status(send('/api/d/market/orders?size=5', { cookie, instance: 0 }))).toBe(401);
  });

  it('applies a role change made elsewhere on both instances as soon as the notice arrives', async () => {
    const { cookie } = await signIn(OPERATORS.blogViewer.email, 1);
    for (const instance of [0, 1] as const) {
      expect(await status(send('/api/d/blog/posts?size=5', { cookie, instance }))).toBe(200);
      expect(await status(send('/api/d/market/orders?size=5', { cookie, instance }))).toBe(403);
    }
    // A third process on the same hub database (a superadmin's change made through any instance is the same path).
    installConfig(targetFromUrl('hub', a.hubDatabaseUrl), [targetFromUrl('blog', a.blogDatabaseUrl), targetFromUrl('market', a.marketDatabaseUrl)]);
    const [user] = await adminQuery<{ id: string }>('SELECT id FROM hub_user WHERE email = $1', [OPERATORS.blogViewer.email], a.hubDatabaseUrl);
    await updateGrants(superadmin, user!.id, { superadmin: false, roles: { market: 'viewer' } });
    await resetEngine();
    for (const instance of [0, 1] as const) {
      await expect.poll(() => status(send('/api/d/market/orders?size=5', { cookie, instance })), { timeout: 3_000, interval: 20 }).toBe(200);
      expect(await status(send('/api/d/blog/posts?size=5', { cookie, instance }))).toBe(403);
    }
  });

  it('counts failed sign-ins across instances: the account is locked after the limit, on both', async () => {
    const email = OPERATORS.nobody.email;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(email, (i % 2) as 0 | 1, 'not the password at all')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]); // five, alternating: the limit (HUB_AUTH_SIGN_IN_ATTEMPTS=5) is shared
    expect((await signIn(email, 0)).status).toBe(429);
    expect((await signIn(email, 1)).status).toBe(429); // even with the right password, on either instance
  });

  it('settles a bulk run cut off by kill -9 on the surviving instance: every changed row audited exactly once', async () => {
    const { cookie } = await signIn(OPERATORS.marketAdmin.email, 0);
    // Until the kill, settling any entry fails (a trigger the test adds), so the dead instance
    // leaves every entry of the run pending and only the survivor's sweep can settle them.
    await adminQuery(
      `CREATE TABLE test_hold_settle (held boolean);
       INSERT INTO test_hold_settle VALUES (true);
       CREATE FUNCTION test_hold_settle() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF EXISTS (SELECT 1 FROM test_hold_settle) THEN RAISE EXCEPTION 'settling is held by the test'; END IF; RETURN NEW; END $$;
       CREATE TRIGGER test_hold_settle BEFORE UPDATE ON hub_audit FOR EACH ROW WHEN (OLD.outcome = 'pending') EXECUTE FUNCTION test_hold_settle();`,
      [],
      a.hubDatabaseUrl,
    );
    const marker = `bulk-${Date.now()}`;
    const ids = (await adminQuery<{ id: string }>('SELECT id::text AS id FROM orders ORDER BY id LIMIT 3000', [], a.marketDatabaseUrl)).map((r) => r.id);
    const changed = async () =>
      (await adminQuery<{ id: string }>('SELECT id::text AS id FROM orders WHERE note = $1 ORDER BY id', [marker], a.marketDatabaseUrl)).map((r) => r.id);
    const entries = () =>
      adminQuery<{ record_id: string; outcome: string }>(
        "SELECT record_id, outcome FROM hub_audit WHERE domain = 'market' AND resource = 'orders' AND changes->'after'->>'note' = $1",
        [marker],
        a.hubDatabaseUrl,
      );
    const response = await send('/api/d/market/orders/bulk', {
      cookie,
      instance: 0,
      body: { action: 'set', field: 'note', value: marker, ids, batchSize: 10 },
    });
    expect(response.status).toBe(200);
    // One row per batch (a transaction each), so the run lasts seconds. The answer is read on
    // (a client that stops reading pauses the run) and instance 0 is killed while it writes.
    const reader = response.body!.getReader();
    let batches = 0;
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      batches += (new TextDecoder().decode(chunk.value).match(/"type":"batch"/g) ?? []).length;
      if (batches >= 20 && a.process.exitCode === null && a.process.signalCode === null) a.process.kill('SIGKILL');
    }
    const left = await entries();
    expect(left.length).toBeGreaterThanOrEqual(20);
    expect(left.every((e) => e.outcome === 'pending')).toBe(true);
    await adminQuery('DELETE FROM test_hold_settle', [], a.hubDatabaseUrl);
    // The survivor's sweep (every second here, for entries over 5 s old) asks the domain about every pending entry.
    await expect.poll(async () => (await entries()).filter((e) => e.outcome === 'pending').length, { timeout: 30_000, interval: 500 }).toBe(0);
    const rows = await changed();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBeLessThan(ids.length); // the run was cut off
    const committed = (await entries()).filter((e) => e.outcome === 'committed').map((e) => e.record_id);
    expect([...committed].sort()).toEqual([...rows].sort()); // each changed row once, no entry for a row left as it was
    expect(new Set(committed).size).toBe(committed.length);
    // The survivor still serves.
    expect(await status(send('/api/d/market/orders?size=5', { cookie, instance: 1 }))).toBe(200);
  });
});
