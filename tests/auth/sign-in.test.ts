import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth, resetAuth } from '../../src/engine/auth/better-auth';
import { createOperator } from '../../src/engine/auth/operators';
import { revokeSession } from '../../src/engine/auth/manage';
import { operatorFromHeaders } from '../../src/engine/auth/session';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, testAuth } from '../support/engine';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('auth');
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)], {
    auth: { ...testAuth, signInAttempts: 3, signInWindowSeconds: 60, allowedDomains: ['example.com'], sessionHours: 1 },
  });
  resetAuth();
  await migrateHubDatabase();
  await migrateHubDatabase(); // idempotent: a second start changes nothing
});
afterAll(async () => {
  resetAuth();
  await resetEngine();
  await db.drop();
});

/** Signs in the way the browser does, from a given client address, and returns the cookie. */
async function signIn(email: string, password: string, ip = '10.0.0.1'): Promise<{ status: number; cookie: string | undefined }> {
  const response = await getAuth().handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-hub-client-ip': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { status: response.status, cookie: cookie || undefined };
}

describe('local accounts and sessions', () => {
  it('creates the schema, an operator with a hashed password, and its grants', async () => {
    const created = await createOperator({ email: 'Ada@Example.com', password: 'correct horse battery', roles: { blog: 'editor' } });
    expect(created.email).toBe('ada@example.com');
    const [account] = await query<{ password: string }>('hub', `SELECT password FROM hub_account WHERE "userId" = $1`, [created.id]);
    expect(account!.password).not.toContain('correct horse');
    expect(account!.password.length).toBeGreaterThan(40);
    await expect(createOperator({ email: 'ada@example.com', password: 'another long one' })).rejects.toThrow('already exists');
  });

  it('signs in, reads the operator and roles from the session, and signs out', async () => {
    const { status, cookie } = await signIn('ada@example.com', 'correct horse battery');
    expect(status).toBe(200);
    expect(cookie).toMatch(/admin-hub\.session_token=/);
    const operator = await operatorFromHeaders(new Headers({ cookie: cookie! }));
    expect(operator).toMatchObject({ email: 'ada@example.com', superadmin: false, roles: { blog: 'editor' } });

    const out = await getAuth().handler(new Request('http://localhost:3000/api/auth/sign-out', { method: 'POST', headers: { cookie: cookie!, origin: 'http://localhost:3000' } }));
    expect(out.status).toBe(200);
    expect(await operatorFromHeaders(new Headers({ cookie: cookie! }))).toBeNull();
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await signIn('ada@example.com', 'wrong password!!', '10.0.0.2');
    const unknown = await signIn('nobody@example.com', 'wrong password!!', '10.0.0.3');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.cookie).toBeUndefined();
  });

  it('records sign-ins, failed sign-ins and sign-outs in the audit log', async () => {
    const { cookie } = await signIn('ada@example.com', 'correct horse battery', '10.0.0.20');
    await signIn('ada@example.com', 'not the password', '10.0.0.21');
    await getAuth().handler(new Request('http://localhost:3000/api/auth/sign-out', { method: 'POST', headers: { cookie: cookie!, origin: 'http://localhost:3000' } }));
    const events = await query<{ action: string; actor_email: string; outcome: string; detail: string }>(
      'hub', "SELECT action, actor_email, outcome, detail FROM hub_audit WHERE action LIKE 'sign%' ORDER BY id DESC LIMIT 3");
    expect(events.reverse().map((e) => [e.action, e.actor_email, e.outcome, e.detail])).toEqual([
      ['sign_in', 'ada@example.com', 'succeeded', 'via password'],
      ['sign_in_failed', 'ada@example.com', 'failed', 'via password'],
      ['sign_out', 'ada@example.com', 'succeeded', null],
    ]);
  });

  it('rate-limits repeated attempts from one client, not from others', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn('ada@example.com', 'wrong password!!', '10.0.0.9')).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Even the right password is refused while limited; another client is unaffected.
    expect((await signIn('ada@example.com', 'correct horse battery', '10.0.0.9')).status).toBe(429);
    expect((await signIn('ada@example.com', 'correct horse battery', '10.0.0.10')).status).toBe(200);
  });

  it('revokes a session through the hub: the cookie stops working on the very next request', async () => {
    const { cookie } = await signIn('ada@example.com', 'correct horse battery', '10.0.0.11');
    const headers = new Headers({ cookie: cookie! });
    const operator = await operatorFromHeaders(headers);
    expect(await operatorFromHeaders(headers)).toEqual(operator); // now cached in this process
    const root = { ...operator!, id: 'root', superadmin: true };
    await revokeSession(root, operator!.sessionId!);
    expect(await operatorFromHeaders(headers)).toBeNull();
  });

  it('sees a session deleted or expired behind its back within the cache moment, and at once without the cache', async () => {
    for (const cacheMs of ['0', '300']) {
      process.env.HUB_SESSION_CACHE_MS = cacheMs;
      try {
        const deleted = await signIn('ada@example.com', 'correct horse battery', '10.0.0.12');
        const a = await operatorFromHeaders(new Headers({ cookie: deleted.cookie! }));
        await query('hub', 'DELETE FROM hub_session WHERE id = $1', [a!.sessionId]);
        const expired = await signIn('ada@example.com', 'correct horse battery', '10.0.0.13');
        const b = await operatorFromHeaders(new Headers({ cookie: expired.cookie! }));
        await query('hub', `UPDATE hub_session SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [b!.sessionId]);
        if (cacheMs !== '0') await new Promise((r) => setTimeout(r, Number(cacheMs) + 50));
        expect(await operatorFromHeaders(new Headers({ cookie: deleted.cookie! }))).toBeNull();
        expect(await operatorFromHeaders(new Headers({ cookie: expired.cookie! }))).toBeNull();
      } finally {
        delete process.env.HUB_SESSION_CACHE_MS;
      }
    }
  });

  it('refuses accounts outside the allowlist, at creation and at sign-in', async () => {
    await expect(createOperator({ email: 'eve@elsewhere.org', password: 'a long password here' })).rejects.toThrow(/not allowed/);
    // An account created before the allowlist tightened is refused at sign-in.
    await query('hub', `UPDATE hub_user SET email = 'ada@elsewhere.org' WHERE email = 'ada@example.com'`);
    try {
      const refused = await signIn('ada@elsewhere.org', 'correct horse battery', '10.0.0.13');
      expect(refused.status).toBe(403);
      expect(refused.cookie).toBeUndefined();
    } finally {
      await query('hub', `UPDATE hub_user SET email = 'ada@example.com' WHERE email = 'ada@elsewhere.org'`);
    }
  });
});
