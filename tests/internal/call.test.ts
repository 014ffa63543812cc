import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWithRequestContext } from '../../src/engine/audit/request-context';
import { ForbiddenError, UnauthenticatedError } from '../../src/engine/auth/errors';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainName } from '../../src/engine/config/current';
import type { InternalService } from '../../src/engine/config/types';
import { query } from '../../src/engine/db/query';
import { seedBlog } from '../../src/demo/embedded/seed';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import {
  callInternal,
  InternalActionNotFoundError,
  InternalCallError,
  InternalRequestError,
  listInternalActions,
  runInternalAction,
} from '../../src/engine/internal';
import { computeHubSignature } from '../../src/engine/internal/verify';
import { findResource } from '../../src/engine/resources/registry';
import type { Resource } from '../../src/engine/resources/types';
import { startDemoService, type DemoService } from '../../src/demo/service/server';
import { summarize } from '../../src/demo/service/summary';
import { adminQuery, createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { freePort } from '../support/free-port';

/**
 * The signer against the real demo service (started here on 127.0.0.1) over a real seeded blog
 * database, with the audit log in a real hub database.
 */

let hub: TestDatabase;
let blog: TestDatabase;
let service: DemoService;
const secret = randomBytes(32).toString('base64url');
const serviceLog: string[] = [];

const blogDomain = 'blog' as DomainName;
/** The demo's posts, an overlay resolved against the seeded blog's catalog (in beforeAll). */
let posts: Resource;
const as = (role: 'viewer' | 'editor' | 'admin', domain = 'blog'): Operator => ({
  id: `${domain}-${role}`,
  email: `${role}@${domain}.test`,
  name: role,
  superadmin: false,
  roles: { [domain]: role },
  sessionId: undefined,
});
const admin = as('admin');

/** Points the blog domain's internal service somewhere (or nowhere). */
function useService(internal: InternalService | undefined): void {
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', blog.url, internal ? { internal } : {}), targetFromUrl('market', blog.url)]);
}

type AuditRow = {
  id: string;
  actor_email: string | null;
  domain: string | null;
  resource: string | null;
  record_id: string | null;
  action: string;
  outcome: string;
  request_id: string | null;
  detail: string | null;
};
let lastAuditId = '0';
/** The audit entries written since the previous call. */
async function newAuditRows(): Promise<(AuditRow & { parsed: Record<string, unknown> })[]> {
  const rows = await query<AuditRow>(
    'hub',
    'SELECT id::text, actor_email, domain, resource, record_id, action, outcome, request_id, detail FROM hub_audit WHERE id > $1 ORDER BY id',
    [lastAuditId],
  );
  if (rows.length) lastAuditId = rows.at(-1)!.id;
  return rows.map((r) => ({ ...r, parsed: JSON.parse(r.detail ?? '{}') as Record<string, unknown> }));
}

async function failureOf(promise: Promise<unknown>): Promise<InternalCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InternalCallError);
  return error as InternalCallError;
}

beforeAll(async () => {
  [hub, blog] = await Promise.all([createTestDatabase('internal_hub'), createTestDatabase('internal_blog')]);
  await withClient(blog.url, (client) => seedBlog(client));
  service = await startDemoService({ secret, blogDatabaseUrl: blog.url, host: '127.0.0.1', log: (line) => serviceLog.push(line) });
  useService({ url: service.url, secret });
  posts = (await findResource('blog', 'posts')).resource;
  await migrateHubDatabase();
  await newAuditRows();
}, 180_000);
afterAll(async () => {
  await service?.stop();
  await resetEngine();
  await Promise.all([hub?.drop(), blog?.drop()]);
});
beforeEach(() => useService({ url: service.url, secret }));

describe('callInternal against the demo blog service', () => {
  it('keeps serving when the database ends its idle connections (a restart): no crash, the next call reconnects', async () => {
    const [post] = await query<{ id: string }>('blog', 'SELECT id::text FROM posts ORDER BY id LIMIT 1');
    expect((await runInternalAction(admin, blogDomain, posts, 'regenerate-summary', { recordId: post!.id })).ok).toBe(true);
    // Its pooled connection is idle now; end it the way a server restart would.
    const ended = await adminQuery<{ ok: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'blog-demo-service'",
      [],
      blog.url,
    );
    expect(ended.length).toBeGreaterThan(0);
    await expect.poll(() => serviceLog.some((line) => line.startsWith('idle database connection lost')), { timeout: 10_000 }).toBe(true);
    expect((await runInternalAction(admin, blogDomain, posts, 'regenerate-summary', { recordId: post!.id })).ok).toBe(true);
    await newAuditRows(); // the next tests count their own entries
  });

  it('regenerates a summary from the post in the blog database, and audits the call as succeeded', async () => {
    const [post] = await query<{ id: string; title: string; body: string }>('blog', 'SELECT id::text, title, body FROM posts ORDER BY id LIMIT 1 OFFSET 41');
    const result = await runInternalAction(admin, blogDomain, posts, 'regenerate-summary', { recordId: post!.id });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const expected = summarize(post!.body);
    expect(result.body).toMatchObject({ postId: post!.id, title: post!.title, summary: expected.summary, words: expected.words });
    expect(expected.summary.length).toBeGreaterThan(10);

    const [entry, ...more] = await newAuditRows();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor_email: 'admin@blog.test',
      domain: 'blog',
      resource: 'posts',
      record_id: post!.id,
      action: 'internal',
      outcome: 'succeeded',
      request_id: result.requestId,
    });
    expect(entry!.parsed).toMatchObject({ action: 'regenerate-summary', status: 200, idempotencyKey: result.idempotencyKey, requestId: result.requestId });
  });

  it('forwards the hub request id, and the same idempotency key twice sends one notification with the same id', async () => {
    const key = randomUUID();
    const before = service.notifications().length;
    const first = await runWithRequestContext({ requestId: 'req-internal-test-1', ip: '10.0.0.9', userAgent: 'vitest' }, () =>
      runInternalAction(admin, blogDomain, posts, 'send-notification', { recordId: '7', idempotencyKey: key }),
    );
    const second = await runInternalAction(admin, blogDomain, posts, 'send-notification', { recordId: '7', idempotencyKey: key });
    const id = (first.body as { notificationId: string }).notificationId;
    expect(id).toMatch(/^ntf_/);
    expect((second.body as { notificationId: string }).notificationId).toBe(id);
    const sent = service.notifications().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id, idempotencyKey: key, requestId: 'req-internal-test-1', recordId: '7', requestedBy: 'admin@blog.test' });

    // Both attempts are in the audit log, with the key; the first under the hub request's id.
    const rows = await newAuditRows();
    expect(rows.map((r) => [r.outcome, r.parsed.action, r.parsed.idempotencyKey])).toEqual([
      ['succeeded', 'send-notification', key],
      ['succeeded', 'send-notification', key],
    ]);
    expect(rows[0]).toMatchObject({ request_id: 'req-internal-test-1' });

    // Concurrent repeats too: one notification. A new key is a new notification.
    const other = randomUUID();
    const together = await Promise.all([1, 2, 3].map(() => callInternal(admin, blogDomain, 'send-notification', { recordId: '8' }, { idempotencyKey: other })));
    expect(new Set(together.map((r) => (r.body as { notificationId: string }).notificationId)).size).toBe(1);
    const fresh = await callInternal(admin, blogDomain, 'send-notification', { recordId: '8' });
    expect((fresh.body as { notificationId: string }).notificationId).not.toBe((together[0]!.body as { notificationId: string }).notificationId);
    expect(service.notifications().length - before).toBe(3);
    await newAuditRows();
  });

  it("reports the service's own refusal with its message, audited as failed", async () => {
    const failure = await failureOf(runInternalAction(admin, blogDomain, posts, 'regenerate-summary', { recordId: '987654321' }));
    expect(failure).toMatchObject({ kind: 'http', status: 502, retryable: false, details: { upstreamStatus: 404 } });
    expect(failure.message).toBe('The blog service refused "regenerate-summary" (404 Not Found): Post 987654321 does not exist.');
    const [entry] = await newAuditRows();
    expect(entry).toMatchObject({ outcome: 'failed', record_id: '987654321' });
    expect(entry!.parsed).toMatchObject({ action: 'regenerate-summary', status: 404, error: 'http', idempotencyKey: failure.details.idempotencyKey });
  });

  it('is refused by the service when the hub signs with the wrong secret', async () => {
    useService({ url: service.url, secret: 'a-different-secret-that-is-long-enough-to-load' });
    const failure = await failureOf(callInternal(admin, blogDomain, 'send-notification', {}));
    expect(failure.details.upstreamStatus).toBe(401);
    expect(failure.message).toContain('signature was refused (bad-signature)');
    expect((await newAuditRows())[0]).toMatchObject({ outcome: 'failed' });
  });

  it('gives a clear error, audited as failed, when the service is down', async () => {
    const down = await startDemoService({ secret, blogDatabaseUrl: blog.url, log: () => undefined });
    await down.stop();
    useService({ url: down.url, secret });
    const started = Date.now();
    const failure = await failureOf(callInternal(admin, blogDomain, 'send-notification', { recordId: '1' }, { timeoutMs: 3_000 }));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(failure).toMatchObject({ kind: 'unreachable', status: 502, retryable: true });
    expect(failure.message).toBe('The blog service could not be reached: connection refused: is it running?');
    expect(failure.message).not.toContain(down.url); // no address, no stack
    const [entry] = await newAuditRows();
    expect(entry).toMatchObject({ action: 'internal', outcome: 'failed', domain: 'blog' });
    expect(entry!.parsed).toMatchObject({ action: 'send-notification', status: null, error: 'unreachable' });
  });

  it('gives up within the timeout when the service accepts but never answers', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = http.createServer(() => undefined); // never answers
    silent.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      useService({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, secret });
      const started = Date.now();
      const failure = await failureOf(callInternal(admin, blogDomain, 'send-notification', {}, { timeoutMs: 400, idempotencyKey: 'retry-me-1234' }));
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(350);
      expect(elapsed).toBeLessThan(2_000);
      expect(failure).toMatchObject({ kind: 'timeout', status: 504, retryable: true, details: { idempotencyKey: 'retry-me-1234' } });
      expect(failure.message).toContain('did not answer "send-notification" within 0.4 s');
      expect((await newAuditRows())[0]!.parsed).toMatchObject({ error: 'timeout', idempotencyKey: 'retry-me-1234' });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('refuses an answer that is not JSON, and does not follow redirects', async () => {
    let answer: (res: http.ServerResponse) => void = () => undefined;
    const stub = http.createServer((_req, res) => answer(res));
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
    try {
      useService({ url: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, secret });
      answer = (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>');
      expect(await failureOf(callInternal(admin, blogDomain, 'send-notification', {}))).toMatchObject({
        kind: 'bad-response',
        message: 'The blog service answered "send-notification" with something that is not JSON (status 200).',
      });
      answer = (res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<html>stack trace here</html>');
      const failure = await failureOf(callInternal(admin, blogDomain, 'send-notification', {}));
      expect(failure.message).toBe('The blog service refused "send-notification" (500 Internal Server Error).');
      expect(failure.retryable).toBe(true);
      answer = (res) => res.writeHead(302, { location: 'http://evil.example/' }).end();
      expect((await failureOf(callInternal(admin, blogDomain, 'send-notification', {}))).message).toContain(
        'with a redirect (302), which the hub does not follow',
      );
      answer = (res) => res.writeHead(204).end();
      expect(await callInternal(admin, blogDomain, 'send-notification', {})).toMatchObject({ ok: true, status: 204, body: null });
      const rows = await newAuditRows();
      expect(
        rows.map((r) => [r.outcome, r.parsed.status]),
        JSON.stringify(rows.map((r) => r.parsed)),
      ).toEqual([
        ['failed', 200],
        ['failed', 500],
        ['failed', 302],
        ['succeeded', 204],
      ]);
    } finally {
      stub.closeAllConnections();
      await new Promise((r) => stub.close(r));
    }
  });

  it('says so, audited as failed, when the domain has no service configured', async () => {
    useService(undefined);
    const failure = await failureOf(callInternal(admin, blogDomain, 'send-notification', {}));
    expect(failure).toMatchObject({ kind: 'not-configured', status: 503 });
    expect(failure.message).toBe('blog has no service for internal actions: set BLOG_INTERNAL_URL and BLOG_INTERNAL_SECRET.');
    expect((await newAuditRows())[0]).toMatchObject({ outcome: 'failed' });
    expect(listInternalActions(admin, blogDomain, posts).configured).toBe(false);
  });
});

describe('refusals before any HTTP call', () => {
  it('refuses viewers, editors, admins of another domain and anonymous callers with nothing sent or audited', async () => {
    const requestsBefore = service.requestCount();
    for (const operator of [as('viewer'), as('editor'), as('admin', 'market')]) {
      await expect(runInternalAction(operator, blogDomain, posts, 'send-notification', { recordId: '1' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(callInternal(operator, blogDomain, 'send-notification', {}, { resource: posts, recordId: '1' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(callInternal(operator, blogDomain, 'send-notification', {})).rejects.toBeInstanceOf(ForbiddenError); // domain-level
      expect(() => listInternalActions(operator, blogDomain, posts)).toThrow(ForbiddenError);
    }
    await expect(callInternal(null, blogDomain, 'send-notification', {})).rejects.toBeInstanceOf(UnauthenticatedError);
    const error = await callInternal(as('editor'), blogDomain, 'send-notification', {}, { resource: posts, recordId: '1' }).catch((e: ForbiddenError) => e);
    expect(error).toMatchObject({ status: 403, message: 'You may not run internal actions on posts in Blog: that needs the admin role.' });
    await expect(callInternal(as('viewer'), blogDomain, 'send-notification', {})).rejects.toThrow(
      'You may not run internal actions in Blog: that needs the admin role.',
    );
    expect(service.requestCount()).toBe(requestsBefore);
    expect(await newAuditRows()).toEqual([]);
  });

  it('refuses an undeclared action, a row action without a record, a malformed record id or key', async () => {
    const requestsBefore = service.requestCount();
    await expect(runInternalAction(admin, blogDomain, posts, 'drop-everything', {})).rejects.toBeInstanceOf(InternalActionNotFoundError);
    await expect(runInternalAction(admin, blogDomain, posts, 'regenerate-summary', {})).rejects.toBeInstanceOf(InternalRequestError);
    await expect(runInternalAction(admin, blogDomain, posts, 'regenerate-summary', { recordId: 'not-a-number' })).rejects.toMatchObject({ status: 404 });
    await expect(callInternal(admin, blogDomain, '../../admin', {})).rejects.toBeInstanceOf(InternalRequestError);
    await expect(callInternal(admin, blogDomain, 'send-notification', {}, { idempotencyKey: 'short' })).rejects.toBeInstanceOf(InternalRequestError);
    const root: Operator = { ...admin, superadmin: true };
    await expect(callInternal(root, 'nowhere' as DomainName, 'send-notification', {})).rejects.toMatchObject({ name: 'UnknownDomainError', status: 404 });
    await expect(callInternal(admin, blogDomain, 'send-notification', ['not', 'an', 'object'])).rejects.toBeInstanceOf(InternalRequestError);
    await expect(callInternal(admin, blogDomain, 'send-notification', { action: 'regenerate-summary' })).rejects.toThrow(
      'names the action "regenerate-summary"',
    );
    expect(service.requestCount()).toBe(requestsBefore);
    expect(await newAuditRows()).toEqual([]);
  });

  it('lists the declared actions for admins', () => {
    expect(listInternalActions(admin, blogDomain, posts)).toEqual({
      configured: true,
      actions: [
        { name: 'regenerate-summary', label: 'Regenerate summary', scope: 'row' },
        { name: 'send-notification', label: 'Send notification', scope: 'row', confirm: 'Send a notification about this post to its subscribers?' },
      ],
    });
  });
});

describe('the demo service checks every request itself', () => {
  async function post(
    action: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown>; replayed: boolean }> {
    const response = await fetch(`${service.url}/api/internal/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  }
  /** A request as the hub signs it: the body names the action and the key. */
  function signedRequest(action: string, fields: Record<string, unknown>, options: { timestamp?: number; key?: string } = {}) {
    const key = options.key ?? randomUUID();
    const body = JSON.stringify({ ...fields, action, idempotencyKey: key });
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return { body, headers: { 'x-hub-timestamp': String(timestamp), 'x-hub-signature': computeHubSignature(secret, timestamp, body), 'idempotency-key': key } };
  }
  const seconds = () => Math.floor(Date.now() / 1000);

  it('answers 401 with the reason for a missing, bad, expired or future signature', async () => {
    const good = signedRequest('send-notification', { recordId: '3' });
    expect(await post('send-notification', good.body, {})).toMatchObject({ status: 401, body: { reason: 'missing-headers' } });
    expect(await post('send-notification', good.body.replace('"3"', '"4"'), good.headers)).toMatchObject({ status: 401, body: { reason: 'bad-signature' } });
    const old = signedRequest('send-notification', { recordId: '3' }, { timestamp: seconds() - 400 });
    expect(await post('send-notification', old.body, old.headers)).toMatchObject({ status: 401, body: { reason: 'expired' } });
    const ahead = signedRequest('send-notification', { recordId: '3' }, { timestamp: seconds() + 400 });
    expect(await post('send-notification', ahead.body, ahead.headers)).toMatchObject({ status: 401, body: { reason: 'future' } });
  });

  it('refuses a replayed request under another key or none; the same key gets the first answer, run once', async () => {
    const before = service.notifications().length;
    const good = signedRequest('send-notification', { recordId: '3' });
    const first = await post('send-notification', good.body, good.headers);
    expect(first).toMatchObject({ status: 200, replayed: false });
    expect(await post('send-notification', good.body, { ...good.headers, 'idempotency-key': randomUUID() })).toMatchObject({
      status: 401,
      body: { reason: 'replayed' },
    });
    const withoutKey = { 'x-hub-timestamp': good.headers['x-hub-timestamp'], 'x-hub-signature': good.headers['x-hub-signature'] };
    expect(await post('send-notification', good.body, withoutKey)).toMatchObject({ status: 401, body: { reason: 'replayed' } });
    const again = await post('send-notification', good.body, good.headers);
    expect(again).toMatchObject({ status: 200, replayed: true, body: { notificationId: first.body.notificationId } });
    expect(service.notifications().length - before).toBe(1);
  });

  it('refuses a body that names another action or key, a reused key on a different request, and unknown actions', async () => {
    const pointed = signedRequest('send-notification', { recordId: '5' });
    expect(await post('regenerate-summary', pointed.body, pointed.headers)).toMatchObject({
      status: 400,
      body: { error: 'The signed body names the action "send-notification", not "regenerate-summary".' },
    });
    const swapped = signedRequest('send-notification', { recordId: '5' });
    expect(await post('send-notification', swapped.body, { ...swapped.headers, 'idempotency-key': randomUUID() })).toMatchObject({ status: 400 });

    const key = randomUUID();
    const a = signedRequest('send-notification', { recordId: '5' }, { key });
    expect(await post('send-notification', a.body, a.headers)).toMatchObject({ status: 200 });
    const b = signedRequest('send-notification', { recordId: '6' }, { key });
    expect(await post('send-notification', b.body, b.headers)).toMatchObject({ status: 422 });
    const unknown = signedRequest('format-disk', {});
    expect(await post('format-disk', unknown.body, unknown.headers)).toMatchObject({ status: 404, body: { error: 'Unknown action "format-disk".' } });
    const t = String(seconds());
    expect(await post('send-notification', 'not json', { 'x-hub-timestamp': t, 'x-hub-signature': computeHubSignature(secret, t, 'not json') })).toMatchObject({
      status: 400,
    });
  });

  it('listens only where it was told, and answers its health check', async () => {
    expect(new URL(service.url).hostname).toBe('127.0.0.1');
    expect(await (await fetch(`${service.url}/health`)).json()).toEqual({ ok: true });
    expect(serviceLog.some((l) => l.includes('listening on'))).toBe(true);
    expect(await freePort()).not.toBe(service.port);
  });
});
