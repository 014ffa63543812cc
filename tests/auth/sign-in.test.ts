import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth, resetAuth } from '../../src/engine/auth/better-auth';
import { createOperator } from '../../src/engine/auth/operators';
import { revokeSession } from '../../src/engine/operators/manage';
import { operatorFromHeaders } from '../../src/engine/auth/session';
import { query } from '../../src/engine/db/query';
import { sweepSignInFailures } from '../../src/engine/auth/sign-in-limit';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, testAuth } from '../support/engine';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('auth');
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)], {
    auth: { ...testAuth, signInAttempts: 3, signInAddressAttempts: 6, signInWindowSeconds: 60, allowedDomains: ['example.com'], sessionHours: 1 },
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
async function signIn(
  email: string,
  password: string,
  ip = '10.0.0.1',
): Promise<{ status: number; cookie: string | undefined; message: string | undefined; retryAfter: string | null }> {
  const response = await getAuth().handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-hub-client-ip': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return { status: response.status, cookie: cookie || undefined, message: body?.message, retryAfter: response.headers.get('retry-after') };
}

const LOCKED_ACCOUNT = /^Too many failed sign-ins for this account\. Try again in (\d+) seconds?\.$/;
const LOCKED_ADDRESS = /^Too many failed sign-ins from your network address\. Try again in (\d+) seconds?\.$/;

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

    const out = await getAuth().handler(
      new Request('http://localhost:3000/api/auth/sign-out', { method: 'POST', headers: { cookie: cookie!, origin: 'http://localhost:3000' } }),
    );
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
    await getAuth().handler(
      new Request('http://localhost:3000/api/auth/sign-out', { method: 'POST', headers: { cookie: cookie!, origin: 'http://localhost:3000' } }),
    );
    const events = await query<{ action: string; actor_email: string; outcome: string; detail: string }>(
      'hub',
      "SELECT action, actor_email, outcome, detail FROM hub_audit WHERE action LIKE 'sign%' ORDER BY id DESC LIMIT 3",
    );
    expect(events.reverse().map((e) => [e.action, e.actor_email, e.outcome, e.detail])).toEqual([
      ['sign_in', 'ada@example.com', 'succeeded', 'via password'],
      ['sign_in_failed', 'ada@example.com', 'failed', 'via password'],
      ['sign_out', 'ada@example.com', 'succeeded', null],
    ]);
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

describe('failed sign-in limits', () => {
  beforeAll(async () => {
    for (const email of ['bob@example.com', 'carol@example.com', 'erin@example.com']) await createOperator({ email, password: 'correct horse battery' });
  });

  async function lockouts(): Promise<{ actor_email: string | null; detail: string; outcome: string }[]> {
    return query('hub', "SELECT actor_email, detail, outcome FROM hub_audit WHERE action = 'sign_in_locked' ORDER BY id");
  }

  it('never counts a successful sign-in: one address signs in again and again', async () => {
    // Three per account and six per address in this file; Better Auth's own rule (and the
    // hub's before) counted every sign-in, so the fourth success was a 429.
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn('ada@example.com', 'correct horse battery', '10.1.0.1')).status);
    expect(statuses).toEqual(Array(10).fill(200));
    // Nor do they count toward the address: a failure after them is still just a failure.
    expect((await signIn('ada@example.com', 'wrong password!!', '10.1.0.1')).status).toBe(401);
    expect((await signIn('ada@example.com', 'correct horse battery', '10.1.0.1')).status).toBe(200);
  });

  it('locks an account after its failures, from every address, says when to try again, and a success clears earlier failures', async () => {
    // Two failures, then the right password: the failures are forgotten…
    expect((await signIn('bob@example.com', 'wrong password!!', '10.2.0.1')).status).toBe(401);
    expect((await signIn('Bob@Example.COM', 'wrong password!!', '10.2.0.2')).status).toBe(401); // the same account, normalised
    expect((await signIn('bob@example.com', 'correct horse battery', '10.2.0.3')).status).toBe(200);
    // … so three more failures (from three addresses) are needed to lock it.
    const failures = [];
    for (const ip of ['10.2.0.4', '10.2.0.5', '10.2.0.6']) failures.push((await signIn('bob@example.com', 'wrong password!!', ip)).status);
    expect(failures).toEqual([401, 401, 401]);
    const locked = await signIn('bob@example.com', 'correct horse battery', '10.2.0.7');
    expect(locked.status).toBe(429);
    expect(locked.cookie).toBeUndefined();
    expect(locked.message).toMatch(LOCKED_ACCOUNT);
    const seconds = Number(LOCKED_ACCOUNT.exec(locked.message!)![1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(locked.retryAfter).toBe(String(seconds));
    // Another account from the same addresses is not affected.
    expect((await signIn('carol@example.com', 'correct horse battery', '10.2.0.7')).status).toBe(200);

    // Recorded once, however many refused attempts follow.
    for (let i = 0; i < 3; i++) expect((await signIn('bob@example.com', 'wrong password!!', '10.2.0.8')).status).toBe(429);
    const recorded = (await lockouts()).filter((e) => e.actor_email === 'bob@example.com');
    expect(recorded).toEqual([
      {
        actor_email: 'bob@example.com',
        outcome: 'failed',
        detail: expect.stringMatching(/^per-account limit: 3 failed sign-ins within 60 s; refused until \d{4}-/),
      },
    ]);

    // Once the window has ended (moved into the past here rather than waited for), the
    // account signs in again, and the ended window can be swept.
    await query('hub', "UPDATE hub_sign_in_failures SET window_ends = now() - interval '1 second' WHERE kind = 'account' AND subject = $1", [
      'bob@example.com',
    ]);
    expect((await signIn('bob@example.com', 'correct horse battery', '10.2.0.9')).status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password, lock included (no account enumeration)', async () => {
    const answers = async (email: string, ipBase: string) => {
      const all = [];
      for (let i = 1; i <= 4; i++) {
        const { status, message, retryAfter } = await signIn(email, 'wrong password!!', `${ipBase}.${i}`);
        all.push({ status, message: message?.replace(/\d+ seconds?/, 'N seconds'), retryAfter: retryAfter === null ? null : 'set' });
      }
      return all;
    };
    const existing = await answers('carol@example.com', '10.3.0');
    const unknown = await answers('nobody-here@example.com', '10.3.1');
    expect(unknown).toEqual(existing);
    expect(existing.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(existing[3]!.message).toBe('Too many failed sign-ins for this account. Try again in N seconds.');
    expect((await lockouts()).filter((e) => e.actor_email === 'nobody-here@example.com')).toHaveLength(1);
  });

  it('limits failures per address too, across accounts, with a higher ceiling than per account', async () => {
    // Six different (unknown) accounts, one failure each: no account is near its limit, but
    // the address reaches its six.
    const statuses = [];
    for (let i = 1; i <= 6; i++) statuses.push((await signIn(`guess-${i}@example.com`, 'wrong password!!', '10.4.0.1')).status);
    expect(statuses).toEqual(Array(6).fill(401));
    const refused = await signIn('guess-7@example.com', 'wrong password!!', '10.4.0.1');
    expect(refused.status).toBe(429);
    expect(refused.message).toMatch(LOCKED_ADDRESS);
    expect(refused.retryAfter).toMatch(/^\d+$/);
    // The whole address waits (even with a right password); every other address signs in.
    expect((await signIn('erin@example.com', 'correct horse battery', '10.4.0.1')).status).toBe(429);
    expect((await signIn('erin@example.com', 'correct horse battery', '10.4.0.2')).status).toBe(200);
    const recorded = (await lockouts()).filter((e) => e.detail.startsWith('per-address limit (10.4.0.1)'));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.detail).toMatch(/^per-address limit \(10\.4\.0\.1\): 6 failed sign-ins within 60 s; refused until /);
  });

  it('lets no burst of parallel guesses past the limit', async () => {
    // Ten wrong passwords at once from ten addresses: a check made before any of them had
    // failed would let all ten be tried.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn('erin@example.com', 'wrong password!!', `10.5.0.${i + 1}`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(3).fill(401), ...Array(7).fill(429)]);
    // The refused ones were not counted as failures: the account holds exactly its three.
    const [row] = await query<{ failures: number }>('hub', "SELECT failures FROM hub_sign_in_failures WHERE kind = 'account' AND subject = 'erin@example.com'");
    expect(row!.failures).toBe(3);
  });

  it('does not count a malformed request or an account the allowlist refuses', async () => {
    await createOperator({ email: 'frank@example.com', password: 'correct horse battery' });
    await query('hub', `UPDATE hub_user SET email = 'frank@elsewhere.org' WHERE email = 'frank@example.com'`);
    for (let i = 0; i < 5; i++) expect((await signIn('not an email', 'wrong password!!', '10.6.0.1')).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await signIn('frank@elsewhere.org', 'correct horse battery', '10.6.0.1')).status).toBe(403);
    expect((await signIn('frank@elsewhere.org', 'wrong password!!', '10.6.0.1')).status).toBe(401);
    const rows = await query<{ kind: string; subject: string; failures: number }>(
      'hub',
      "SELECT kind, subject, failures FROM hub_sign_in_failures WHERE subject IN ('10.6.0.1', 'frank@elsewhere.org') ORDER BY kind",
    );
    expect(rows).toEqual([
      { kind: 'account', subject: 'frank@elsewhere.org', failures: 1 },
      { kind: 'address', subject: '10.6.0.1', failures: 1 },
    ]);
  });

  it('sweeps rows whose window has ended, and only those', async () => {
    await query('hub', "UPDATE hub_sign_in_failures SET window_ends = now() - interval '1 second' WHERE subject LIKE '10.4.%'");
    expect(await sweepSignInFailures()).toBeGreaterThanOrEqual(2);
    expect(await query('hub', "SELECT subject FROM hub_sign_in_failures WHERE subject LIKE '10.4.%'")).toEqual([]);
    // A window still running is kept: erin is still locked…
    expect(await query('hub', "SELECT subject FROM hub_sign_in_failures WHERE kind = 'account' AND subject = 'erin@example.com'")).toHaveLength(1);
    expect((await signIn('erin@example.com', 'wrong password!!', '10.4.0.1')).status).toBe(429);
    // … while the address whose window was swept signs in again.
    expect((await signIn('ada@example.com', 'correct horse battery', '10.4.0.1')).status).toBe(200);
  });
});
