import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth, resetAuth } from '../../src/engine/auth/better-auth';
import { cache, cacheTrusted, forgetOperator } from '../../src/engine/auth/operator-cache';
import { createOperator } from '../../src/engine/auth/operators';
import { operatorFromHeaders } from '../../src/engine/auth/session';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { OPERATOR_CHANNEL, startOperatorListener } from '../../src/engine/hub-db/operator-changes';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/*
 * The session cache across hub instances: another instance's change reaches this one through
 * the hub database (NOTIFY), and without the listener the cache is not used at all. "Another
 * instance" here is a plain connection doing what announceOperatorChange does in it.
 */

let db: TestDatabase;
let stopListener: () => Promise<void>;
const PASSWORD = 'operator-changes-password';

beforeAll(async () => {
  db = await createTestDatabase('operator_changes');
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
  resetAuth();
  await migrateHubDatabase();
  await createOperator({ email: 'ops@example.com', password: PASSWORD, roles: { blog: 'editor' } });
  process.env.HUB_SESSION_CACHE_MS = '600000'; // so only a notice, never the cache's moment, can end an entry
  stopListener = startOperatorListener();
  for (let waited = 0; !cacheTrusted() && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  delete process.env.HUB_SESSION_CACHE_MS;
  await stopListener();
  resetAuth();
  await resetEngine();
  await db.drop();
});

let ip = 0;
async function signIn(): Promise<Headers> {
  const response = await getAuth().handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-hub-client-ip': `10.9.0.${++ip}` },
      body: JSON.stringify({ email: 'ops@example.com', password: PASSWORD }),
    }),
  );
  expect(response.status).toBe(200);
  return new Headers({
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  });
}

/** What another hub instance does on the same hub database: change rows, then announce it in the same transaction. */
async function otherInstance(sql: string, params: unknown[], userId: string): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql, params);
    await client.query('SELECT pg_notify($1, $2)', [OPERATOR_CHANNEL, userId]);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

describe('the session cache across instances', () => {
  it('is trusted once the listener is connected', () => {
    expect(cacheTrusted()).toBe(true);
  });

  it('forgets a session another instance revoked, at once (the cache alone would keep it for ten minutes)', async () => {
    const headers = await signIn();
    const operator = (await operatorFromHeaders(headers))!;
    expect(await operatorFromHeaders(headers)).toEqual(operator);
    expect([...cache().values()].some((e) => e.operator.id === operator.id)).toBe(true); // cached
    await otherInstance('DELETE FROM hub_session WHERE id = $1', [operator.sessionId], operator.id);
    await expect.poll(() => operatorFromHeaders(headers), { timeout: 2_000 }).toBeNull();
  });

  it("picks up a role another instance changed on the operator's next request", async () => {
    const headers = await signIn();
    const operator = (await operatorFromHeaders(headers))!;
    expect(operator.roles).toEqual({ blog: 'editor' });
    await otherInstance("UPDATE hub_grants SET role = 'viewer' WHERE user_id = $1 AND domain = 'blog'", [operator.id], operator.id);
    await expect.poll(async () => (await operatorFromHeaders(headers))?.roles, { timeout: 2_000 }).toEqual({ blog: 'viewer' });
    await query('hub', "UPDATE hub_grants SET role = 'editor' WHERE user_id = $1 AND domain = 'blog'", [operator.id]);
    forgetOperator(operator.id);
  });

  it('does not cache what a lookup read while a change was announced', async () => {
    const headers = await signIn();
    const reading = operatorFromHeaders(headers);
    forgetOperator(); // a notice arrives while the lookup is in flight
    const operator = (await reading)!;
    expect(operator.email).toBe('ops@example.com');
    // Gone behind the hub's back, with no notice: found gone only because nothing was cached.
    await query('hub', 'DELETE FROM hub_session WHERE id = $1', [operator.sessionId]);
    expect(await operatorFromHeaders(headers)).toBeNull();
  });

  it('stops trusting the cache while its listener is cut off, and trusts it again once it is back', async () => {
    const headers = await signIn();
    const operator = (await operatorFromHeaders(headers))!;
    const [killed] = await query<{ n: number }>(
      'hub',
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = $1',
      [`LISTEN ${OPERATOR_CHANNEL}`],
    );
    expect(killed!.n).toBe(1);
    await expect.poll(cacheTrusted, { timeout: 2_000 }).toBe(false);
    expect(cache().size).toBe(0);
    // Meanwhile a change nobody announces is seen at once: every request reads the session.
    await query('hub', 'DELETE FROM hub_session WHERE id = $1', [operator.sessionId]);
    expect(await operatorFromHeaders(headers)).toBeNull();
    await expect.poll(cacheTrusted, { timeout: 10_000 }).toBe(true);
  });

  it('announces a sign-out made through Better Auth to every instance', async () => {
    const headers = await signIn();
    const operator = (await operatorFromHeaders(headers))!;
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (m) => heard.push(m.payload ?? ''));
    await listener.query(`LISTEN ${OPERATOR_CHANNEL}`);
    try {
      const out = await getAuth().handler(
        new Request('http://localhost:3000/api/auth/sign-out', {
          method: 'POST',
          headers: { cookie: headers.get('cookie')!, origin: 'http://localhost:3000' },
        }),
      );
      expect(out.status).toBe(200);
      await expect.poll(() => heard, { timeout: 2_000 }).toContain(operator.id);
    } finally {
      await listener.end();
    }
  });
});
