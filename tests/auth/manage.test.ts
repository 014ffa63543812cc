import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth, resetAuth } from '../../src/engine/auth/better-auth';
import { ForbiddenError } from '../../src/engine/auth/errors';
import {
  createLocalOperator,
  deleteOperator,
  getOperator,
  listOperators,
  OperatorInputError,
  OperatorNotFoundError,
  revokeAllSessions,
  revokeSession,
  updateGrants,
} from '../../src/engine/operators/manage';
import { loadGrants, type Operator } from '../../src/engine/auth/operator';
import { loadOperatorSettings, saveOperatorSettings, SettingsInputError } from '../../src/engine/operators/settings';
import { createOperator } from '../../src/engine/auth/operators';
import { operatorFromHeaders } from '../../src/engine/auth/session';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

let db: TestDatabase;
const PASSWORD = 'manage-test-password';
let root: Operator;
let viewer: Operator;

beforeAll(async () => {
  db = await createTestDatabase('manage');
  // The domains only need to be configured (validation); their databases are never opened.
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url), targetFromUrl('market', db.url)]);
  resetAuth();
  await migrateHubDatabase();
  await createOperator({ email: 'root@example.com', password: PASSWORD, superadmin: true });
  await createOperator({ email: 'viewer@example.com', password: PASSWORD, roles: { market: 'viewer' } });
  root = (await operatorFromHeaders(new Headers({ cookie: await signIn('root@example.com') })))!;
  viewer = (await operatorFromHeaders(new Headers({ cookie: await signIn('viewer@example.com') })))!;
});
afterAll(async () => {
  resetAuth();
  await resetEngine();
  await db?.drop();
});

let ipCounter = 0;
/** Signs in as the browser does (each from its own address, away from the rate limit); returns the Cookie header. */
async function signIn(email: string, password = PASSWORD): Promise<string> {
  const response = await getAuth().handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-hub-client-ip': `10.1.0.${++ipCounter}` },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const operatorFor = (cookie: string) => operatorFromHeaders(new Headers({ cookie }));
const idOf = async (email: string) => (await query<{ id: string }>('hub', 'SELECT id FROM hub_user WHERE email = $1', [email]))[0]!.id;

describe('operator management is for superadmins only', () => {
  it('refuses every function to a non-superadmin, before touching anything', async () => {
    const target = await idOf('root@example.com');
    const calls: [string, () => Promise<unknown>][] = [
      ['listOperators', () => listOperators(viewer, {})],
      ['getOperator', () => getOperator(viewer, target)],
      ['updateGrants', () => updateGrants(viewer, viewer.id, { superadmin: true, roles: {} })],
      ['revokeSession', () => revokeSession(viewer, root.sessionId!)],
      ['revokeAllSessions', () => revokeAllSessions(viewer, target)],
      ['createLocalOperator', () => createLocalOperator(viewer, { email: 'sneaky@example.com' })],
      ['deleteOperator', () => deleteOperator(viewer, target)],
    ];
    for (const [name, call] of calls) await expect(call(), name).rejects.toBeInstanceOf(ForbiddenError);
    // Nothing happened: the viewer is still a viewer, root still signed in, no new account.
    expect(await loadGrants(viewer.id)).toEqual({ superadmin: false, roles: { market: 'viewer' } });
    expect(await getOperator(root, target)).toMatchObject({ email: 'root@example.com' });
    expect(await query('hub', `SELECT 1 FROM hub_user WHERE email = 'sneaky@example.com'`)).toHaveLength(0);
  });
});

describe('listing and reading operators', () => {
  it('lists through the list engine with grants and last sign-in, searchable by email and name', async () => {
    const all = await listOperators(root, {});
    expect(all.rows.map((r) => r.email).sort()).toEqual(['root@example.com', 'viewer@example.com']);
    const row = all.rows.find((r) => r.email === 'viewer@example.com')!;
    expect(row.grants).toEqual({ superadmin: false, roles: { market: 'viewer' } });
    expect(row.lastSignInAt).toMatch(/^\d{4}-/);
    expect(all.count).toMatchObject({ value: 2, exact: true });

    const found = await listOperators(root, { q: 'VIEW' });
    expect(found.rows.map((r) => r.email)).toEqual(['viewer@example.com']);
    const sorted = await listOperators(root, { sort: 'email' });
    expect(sorted.rows.map((r) => r.email)).toEqual(['root@example.com', 'viewer@example.com']);
  });

  it('reads one operator with its active sessions, never the token', async () => {
    const detail = (await getOperator(root, root.id))!;
    expect(detail.grants.superadmin).toBe(true);
    expect(detail.providers).toEqual(['credential']);
    const current = detail.sessions.find((s) => s.id === root.sessionId)!;
    expect(current).toMatchObject({ current: true, ipAddress: expect.stringMatching(/^10\.1\.0\./) });
    expect(Object.keys(current).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'ipAddress', 'userAgent']);
    expect(JSON.stringify(detail)).not.toMatch(/token/i);
    expect(await getOperator(root, 'no-such-id')).toBeNull();
  });
});

describe('hostile ids', () => {
  it('answers an id holding NUL with a 400 in words, before PostgreSQL sees it, and changes nothing', async () => {
    const grantsBefore = await query('hub', 'SELECT user_id, domain, role FROM hub_grants ORDER BY 1, 2');
    for (const attempt of [
      () => getOperator(root, 'a\u0000b'),
      () => updateGrants(root, `${viewer.id}\u0000`, { superadmin: true, roles: {} }),
      () => revokeSession(root, '\u0000'),
      () => revokeAllSessions(root, 'x\u0000'),
      () => deleteOperator(root, '\u0000\u0000'),
      () => query('hub', 'SELECT $1::text[] AS a', [['ok', ['nested\u0000']]]),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e as { status?: number; message?: string },
      );
      expect(error?.status).toBe(400);
      expect(error?.message).toMatch(/cannot contain the NUL character/);
    }
    expect(await query('hub', 'SELECT user_id, domain, role FROM hub_grants ORDER BY 1, 2')).toEqual(grantsBefore);
    // A plain NUL-free text still goes through.
    expect(await query('hub', 'SELECT $1::text AS t', ['fine'])).toEqual([{ t: 'fine' }]);
  });
});

describe('updateGrants', () => {
  it('validates domains, roles and shape, and changes nothing when refused', async () => {
    const before = await loadGrants(viewer.id);
    await expect(updateGrants(root, viewer.id, { superadmin: false, roles: { crm: 'viewer' } })).rejects.toThrow(/"crm" is not a configured domain/);
    await expect(updateGrants(root, viewer.id, { superadmin: false, roles: { market: 'owner' } })).rejects.toThrow(/"owner" is not a role on market/);
    await expect(updateGrants(root, viewer.id, { superadmin: false, roles: { '*': 'admin' } })).rejects.toBeInstanceOf(OperatorInputError);
    await expect(updateGrants(root, viewer.id, { superadmin: 'yes' as unknown as boolean, roles: {} })).rejects.toBeInstanceOf(OperatorInputError);
    await expect(updateGrants(root, 'no-such-id', { superadmin: false, roles: {} })).rejects.toBeInstanceOf(OperatorNotFoundError);
    expect(await loadGrants(viewer.id)).toEqual(before);
  });

  it('replaces the grants, records who granted them, and the next request sees them', async () => {
    const cookie = await signIn('viewer@example.com');
    await updateGrants(root, viewer.id, { superadmin: false, roles: { market: 'editor', blog: 'viewer' } });
    expect(await loadGrants(viewer.id)).toEqual({ superadmin: false, roles: { market: 'editor', blog: 'viewer' } });
    expect((await operatorFor(cookie))!.roles).toEqual({ market: 'editor', blog: 'viewer' });
    const rows = await query<{ granted_by: string }>('hub', 'SELECT granted_by FROM hub_grants WHERE user_id = $1', [viewer.id]);
    expect(rows.map((r) => r.granted_by)).toEqual([root.id, root.id]);

    await updateGrants(root, viewer.id, { superadmin: false, roles: { market: 'viewer' } });
    expect(await loadGrants(viewer.id)).toEqual({ superadmin: false, roles: { market: 'viewer' } });
  });

  it('never removes the last superadmin, yourself included; with another one it may', async () => {
    await expect(updateGrants(root, root.id, { superadmin: false, roles: { blog: 'admin' } })).rejects.toThrow(/root@example\.com is the last superadmin/);
    expect((await loadGrants(root.id)).superadmin).toBe(true);

    const second = await createLocalOperator(root, { email: 'second-root@example.com', superadmin: true });
    await updateGrants(root, second.id, { superadmin: false, roles: {} });
    expect((await loadGrants(second.id)).superadmin).toBe(false);
    // Promote again, then demote yourself: allowed now that another superadmin remains.
    await updateGrants(root, second.id, { superadmin: true, roles: {} });
    await updateGrants(root, root.id, { superadmin: false, roles: {} });
    const stillSecond: Operator = { ...root, id: second.id, superadmin: true };
    await expect(updateGrants(stillSecond, second.id, { superadmin: false, roles: {} })).rejects.toThrow(/last superadmin/);
    await updateGrants(stillSecond, root.id, { superadmin: true, roles: {} });
    await deleteOperator(root, second.id);
    expect((await loadGrants(root.id)).superadmin).toBe(true);
  });
});

describe('sessions', () => {
  it('revokes one session: that cookie stops working, another session of the same operator keeps working', async () => {
    const first = await signIn('viewer@example.com');
    const second = await signIn('viewer@example.com');
    const firstSession = (await operatorFor(first))!.sessionId!;
    expect(await revokeSession(root, firstSession)).toEqual({ userId: viewer.id });
    expect(await operatorFor(first)).toBeNull();
    expect(await operatorFor(second)).toMatchObject({ email: 'viewer@example.com' });
    await expect(revokeSession(root, firstSession)).rejects.toThrow(/already ended/);
  });

  it('signs an operator out everywhere, and no one else', async () => {
    const cookies = [await signIn('viewer@example.com'), await signIn('viewer@example.com')];
    const { revoked } = await revokeAllSessions(root, viewer.id);
    expect(revoked).toBeGreaterThanOrEqual(2);
    for (const cookie of cookies) expect(await operatorFor(cookie)).toBeNull();
    expect((await getOperator(root, viewer.id))!.sessions).toEqual([]);
    expect(await getOperator(root, root.id).then((d) => d!.sessions.length)).toBeGreaterThan(0);
  });
});

describe('createLocalOperator', () => {
  it('creates an operator whose generated password signs in, with the chosen roles', async () => {
    const created = await createLocalOperator(root, { email: '  New.Person@Example.com ', name: 'New Person', roles: { blog: 'editor' } });
    expect(created.email).toBe('new.person@example.com');
    expect(created.password.length).toBeGreaterThanOrEqual(24);
    const operator = await operatorFor(await signIn('new.person@example.com', created.password));
    expect(operator).toMatchObject({ id: created.id, name: 'New Person', superadmin: false, roles: { blog: 'editor' } });
    const [grant] = await query<{ granted_by: string }>('hub', 'SELECT granted_by FROM hub_grants WHERE user_id = $1', [created.id]);
    expect(grant!.granted_by).toBe(root.id);
  });

  it('refuses bad input and duplicates with a clear message, creating nothing', async () => {
    await expect(createLocalOperator(root, { email: 'not-an-email' })).rejects.toThrow('Enter a valid email address.');
    await expect(createLocalOperator(root, { email: 'NEW.person@example.com' })).rejects.toThrow(/already exists/);
    await expect(createLocalOperator(root, { email: 'bad-role@example.com', roles: { crm: 'admin' } })).rejects.toThrow(/not a configured domain/);
    expect(await query('hub', `SELECT 1 FROM hub_user WHERE email = 'bad-role@example.com'`)).toHaveLength(0);
  });
});

describe('deleteOperator', () => {
  it('deletes an operator with its grants, sessions and accounts; its cookie stops working', async () => {
    const created = await createLocalOperator(root, { email: 'leaving@example.com', roles: { market: 'admin' } });
    const cookie = await signIn('leaving@example.com', created.password);
    expect(await operatorFor(cookie)).not.toBeNull();
    expect(await deleteOperator(root, created.id)).toEqual({ email: 'leaving@example.com' });
    expect(await operatorFor(cookie)).toBeNull();
    for (const [table, column] of [
      ['hub_user', 'id'],
      ['hub_grants', 'user_id'],
      ['hub_session', '"userId"'],
      ['hub_account', '"userId"'],
    ]) {
      expect(await query('hub', `SELECT 1 FROM ${table} WHERE ${column} = $1`, [created.id]), table).toHaveLength(0);
    }
    await expect(deleteOperator(root, created.id)).rejects.toBeInstanceOf(OperatorNotFoundError);
  });

  it('refuses to delete yourself or the last superadmin', async () => {
    await expect(deleteOperator(root, root.id)).rejects.toThrow(/cannot delete your own account/);
    // Another superadmin's view: root is the only superadmin, so it cannot be deleted either.
    const other = await createLocalOperator(root, { email: 'other@example.com' });
    const asOther: Operator = { ...root, id: other.id, email: other.email, superadmin: true };
    await expect(deleteOperator(asOther, root.id)).rejects.toThrow(/root@example\.com is the last superadmin/);
    expect(await getOperator(root, root.id)).not.toBeNull();
  });
});

describe("an operator's own language and time zone (issue 20)", () => {
  it('are stored on the operator, read with their session, and forgotten on request', async () => {
    const cookie = await signIn('viewer@example.com');
    const me = (await operatorFromHeaders(new Headers({ cookie })))!;
    expect(me.locale).toBeUndefined();
    expect(await saveOperatorSettings(me, { locale: 'ko', timeZone: 'Asia/Seoul' })).toEqual({ locale: 'ko', timeZone: 'Asia/Seoul' });
    // The cached session was announced as changed: the next request reads the new settings.
    expect(await operatorFromHeaders(new Headers({ cookie }))).toMatchObject({ locale: 'ko', timeZone: 'Asia/Seoul' });
    expect(await saveOperatorSettings(me, { locale: null })).toEqual({ timeZone: 'Asia/Seoul' });
    const after = (await operatorFromHeaders(new Headers({ cookie })))!;
    expect(after.locale).toBeUndefined();
    expect(after.timeZone).toBe('Asia/Seoul');
  });

  it('refuses a language or zone the hub does not know, with every problem at once, and changes nothing', async () => {
    const cookie = await signIn('viewer@example.com');
    const me = (await operatorFromHeaders(new Headers({ cookie })))!;
    await saveOperatorSettings(me, { locale: 'en', timeZone: 'Europe/Berlin' });
    const error = await saveOperatorSettings(me, { locale: 'fr', timeZone: 'Mars/Olympus' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SettingsInputError);
    expect((error as SettingsInputError).status).toBe(400);
    expect((error as Error).message).toMatch(/Language "fr".*en, ko.*Time zone "Mars\/Olympus"/s);
    expect(await loadOperatorSettings(me.id)).toEqual({ locale: 'en', timeZone: 'Europe/Berlin' });
    await expect(saveOperatorSettings(null, { locale: 'ko' })).rejects.toThrow(/sign in/i);
  });
});
