// Version-independent (vitest.config.ts): the HTTP answers to hostile input (the SQL they reach is tested per version by the engine suites).
import { randomBytes } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoService, type DemoService } from '../../src/demo/service/server';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { SCHEMA_ZOO_SQL } from '../fixtures/schema-zoo';
import { createTestDatabase, withClient, type TestDatabase } from '../support/databases';
import { type OperatorKind, type RunningHub } from '../support/hub-server';
import { discoverDoors, startHubWhenBuilt } from '../support/routes';
import { discoverTargets, serverActions } from './discover';
import { actionBody, actionFields, BOUNDARY, multipart, type ActionArg } from './encode';
import { COVERED_ACTIONS, COVERED_ROUTES, requestArbitrary, sendersOf, type Targets } from './generators';
import { describeFailure, runPhase, summarise, type PhaseResult } from './run';
import { send, type FuzzRequest } from './send';
import { snapshotDatabase, snapshotDiff, snapshotHub, type Snapshot } from './snapshot';

/**
 * The fuzz suite (issue 14): thousands of generated hostile requests against the real
 * production hub, on every route and parameter: pages, the JSON list, records, forms through
 * their Server Actions, bulk, export, search, the audit log, operators, internal actions and
 * sign-in, by every kind of sender. Each answer must have a status below 500, show no SQL,
 * stack, file path or driver message, and come within the time limit. The unprivileged phase
 * (anonymous, forged cookies, an operator without roles, viewers) must also leave every row of
 * every database as it was; the privileged phase (superadmin, a domain admin) sends the same
 * kind of input to the write paths, judged on status, leaks and time.
 *
 * Seeded and bounded: FUZZ_REQUESTS (default below, the CI slice), FUZZ_SEED, FUZZ_CONCURRENCY,
 * FUZZ_TIME_LIMIT_MS; FUZZ_ONLY=<phase>:<index> sends one request of a run again.
 * `npm run fuzz` is the full run.
 */

const DEFAULT_REQUESTS = 1_200;
const SEED = Number(process.env.FUZZ_SEED ?? 142_026);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? DEFAULT_REQUESTS);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 15_000);
const [ONLY_PHASE, ONLY_INDEX] = (process.env.FUZZ_ONLY ?? '').split(':');
const UNPRIVILEGED_SHARE = 0.55;
/** FUZZ_TRACE=<file>: one line per request (index, status, time, sender, request, what it was), for digging into a run. */
const trace = process.env.FUZZ_TRACE ? (line: string) => appendFileSync(process.env.FUZZ_TRACE!, `${line}\n`) : undefined;

const UNPRIVILEGED: OperatorKind[] = ['nobody', 'blogViewer', 'marketViewer'];
const PRIVILEGED: OperatorKind[] = ['superadmin', 'marketAdmin'];
/** Signed in only to be a target of operator writes (its roles, its sessions); never sends. */
const TARGET: OperatorKind = 'marketEditor';

let hub: RunningHub;
let service: DemoService;
const databases: Record<'blog' | 'market' | 'zoo', TestDatabase> = {} as never;
let targets: Targets;
const cookies: Partial<Record<OperatorKind, string>> = {};
const log = (line: string) => process.stderr.write(`${line}\n`);

beforeAll(async () => {
  const started = Date.now();
  const [blog, market, zoo] = await Promise.all([createTestDatabase('fuzz_blog'), createTestDatabase('fuzz_market'), createTestDatabase('fuzz_zoo')]);
  Object.assign(databases, { blog, market, zoo });
  await Promise.all([
    withClient(blog.url, (c) => seedBlog(c)),
    withClient(market.url, (c) => seedMarket(c, { orders: 2_000 })),
    withClient(zoo.url, (c) => c.query(SCHEMA_ZOO_SQL)),
  ]);
  // The blog's internal actions go to the demo's own service, so they run (and write) for admins.
  const secret = randomBytes(32).toString('hex');
  service = await startDemoService({ secret, blogDatabaseUrl: blog.url, log: () => undefined });
  hub = await startHubWhenBuilt({
    orders: 1, // startHub seeds demo databases of its own; this hub is pointed at the ones above
    env: {
      HUB_DOMAINS: 'blog,market,zoo',
      BLOG_DATABASE_URL: blog.url,
      MARKET_DATABASE_URL: market.url,
      ZOO_DATABASE_URL: zoo.url,
      BLOG_INTERNAL_URL: service.url,
      BLOG_INTERNAL_SECRET: secret,
      // Hostile sign-ins are part of the run; the operators below sign in before it.
      HUB_AUTH_SIGN_IN_ATTEMPTS: '1000',
      HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS: '1000',
    },
  });
  for (const kind of [...UNPRIVILEGED, ...PRIVILEGED, TARGET]) cookies[kind] = await hub.cookieFor(kind);
  targets = await discoverTargets({
    base: hub.url,
    superadminCookie: cookies.superadmin!,
    domains: ['blog', 'market', 'zoo'],
    zooUrl: zoo.url,
    hubDatabaseUrl: hub.hubDatabaseUrl,
    targetOperatorEmails: ['market-editor@e2e.test'],
  });
  log(
    `[fuzz] seed ${SEED}, ${TOTAL} requests (FUZZ_REQUESTS), ${CONCURRENCY} in flight, limit ${TIME_LIMIT_MS} ms; ` +
      `${targets.resources.length} resources (${targets.resources.map((r) => `${r.domain}/${r.name}`).join(' ')}); ` +
      `${targets.resources.filter((r) => r.ids.length > 0).length} with record ids; ${Object.keys(targets.actions).length} Server Actions; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}, 600_000);

afterAll(async () => {
  if (hub && process.env.FUZZ_HUB_LOG) writeFileSync(process.env.FUZZ_HUB_LOG, hub.logs());
  const code = hub ? await hub.stop() : 0;
  await service?.stop();
  await Promise.all(Object.values(databases).map((d) => d.drop()));
  expect(code).toBe(0); // SIGTERM drained and exited cleanly after all of it
}, 120_000);

function generate(phase: string, count: number, seed: number, senders: ReturnType<typeof sendersOf>, writesWeight: number) {
  const requests = fc.sample(requestArbitrary(targets, senders, { writesWeight }), { seed, numRuns: count });
  return { phase, requests, only: ONLY_PHASE === phase ? Number(ONLY_INDEX) : ONLY_PHASE ? -1 : undefined };
}

async function snapshotAll(): Promise<Snapshot> {
  const parts = await Promise.all([
    snapshotDatabase('blog', databases.blog.url),
    snapshotDatabase('market', databases.market.url),
    snapshotDatabase('zoo', databases.zoo.url),
    snapshotHub(hub.hubDatabaseUrl),
  ]);
  return Object.assign({}, ...parts) as Snapshot;
}

/** The hub's log lines for unexpected errors, with the request whose answer carried their reference. */
function unexpectedInLog(results: PhaseResult[]): string[] {
  const lines = hub.logs().split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const ref = /unexpected error \[ref ([a-z0-9]+)\]/.exec(line)?.[1];
    if (!ref && !/⨯|Unhandled|uncaughtException/.test(line)) return;
    const index = ref ? results.map((r) => r.references.get(ref)).find((x) => x !== undefined) : undefined;
    out.push(
      `${line.slice(0, 300)}${index !== undefined ? ` (request #${index})` : ''}\n    ${lines
        .slice(i + 1, i + 4)
        .join('\n    ')
        .slice(0, 500)}`,
    );
  });
  return out;
}

function report(phase: string, result: PhaseResult): void {
  log(summarise(phase, result));
  for (const f of result.knownOpen.slice(0, 5)) log(describeFailure(hub.url, phase, f));
  for (const f of result.failures.slice(0, 25)) log(describeFailure(hub.url, phase, f));
  if (result.failures.length > 25) log(`[fuzz] … and ${result.failures.length - 25} more failures`);
}

const results: PhaseResult[] = [];

describe('fuzz: hostile requests against the production hub', () => {
  it("encodes a Server Action's arguments as React's client does", async () => {
    const require = createRequire(import.meta.url);
    const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node.js') as {
      encodeReply: (value: unknown) => Promise<string | FormData>;
    };
    const cases: ActionArg[][] = [
      [
        { status: 'idle' },
        {
          form: [
            ['$domain', 'blog'],
            ['title', 'x'],
            ['title', '$y'],
          ],
        },
      ],
      ['$widget', 1, null],
      [{ message: '' }, { form: [] }],
    ];
    for (const args of cases) {
      const real = await encodeReply(
        args.map((a) => {
          if (a && typeof a === 'object' && 'form' in a) {
            const f = new FormData();
            for (const [k, v] of (a as { form: [string, string][] }).form) f.append(k, v);
            return f;
          }
          return a;
        }),
      );
      const theirs = typeof real === 'string' ? [['0', real]] : [...real.entries()].map(([k, v]) => [k, String(v)]);
      const ours = actionFields(args);
      expect(ours.sort()).toEqual(theirs.sort());
    }
  });

  it('has a generator for every route under src/app, every server door and every Server Action of the build, and none for a route that is gone', () => {
    const routes = discoverDoors().flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`));
    expect(routes.filter((r) => !COVERED_ROUTES.includes(r))).toEqual([]);
    expect(COVERED_ROUTES.filter((r) => !routes.includes(r))).toEqual([]);
    expect(Object.keys(serverActions()).filter((a) => !COVERED_ACTIONS.includes(a))).toEqual([]);
  });

  describe('what the suite found, answered in words now', () => {
    const sendOne = (request: Omit<FuzzRequest, 'route' | 'operator' | 'sent' | 'note'>) =>
      send(hub.url, { route: 'regression', operator: 'test', sent: [], note: '', ...request }, 15_000);
    const callAction = (name: string, path: string, args: ActionArg[], cookie: string | undefined, extra: Record<string, string> = {}) => {
      const { body, contentType } = actionBody(args);
      return sendOne({
        method: 'POST',
        path,
        headers: {
          'next-action': targets.actions[name]!.id,
          'content-type': contentType,
          origin: hub.url,
          accept: 'text/x-component',
          ...(cookie ? { cookie } : {}),
          ...extra,
        },
        body,
      });
    };
    const productPath = () => `/d/market/products/${targets.resources.find((r) => r.domain === 'market' && r.name === 'products')!.ids[0]}`;

    it('a method the fetch standard forbids is a 405, not a 500', async () => {
      for (const method of ['TRACE']) {
        const answer = await sendOne({ method, path: '/d/blog/posts', headers: {} });
        expect(answer.status, method).toBe(405);
        expect(answer.body).toMatch(/not served here/);
      }
    });

    it('signing in again with a NUL, a bidi control or Hangul in `next` redirects to that path, escaped', async () => {
      for (const [next, location] of [
        ['%2Fa%00b', '/a%00b'],
        ['%2Fd%2Fblog%2Fposts%E2%80%AE', '/d/blog/posts%E2%80%AE'],
        ['%2F%ED%95%9C', '/%ED%95%9C'],
        ['%2F%5Cevil.example', '/'],
      ]) {
        const answer = await fetch(`${hub.url}/sign-in?next=${next}`, { headers: { cookie: cookies.blogViewer! }, redirect: 'manual' });
        expect(answer.status, next).toBe(307);
        expect(answer.headers.get('location'), next).toBe(location);
      }
    });

    it('the way back to a very long address is left out of the sign-in redirect rather than made too long to read', async () => {
      const long = `/d/blog/posts?q=${'%25'.repeat(3_000)}`;
      for (const cookie of [undefined, 'admin-hub.session_token=forged.sig']) {
        const answer = await fetch(`${hub.url}${long}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
        expect(answer.status).toBe(307);
        expect(answer.headers.get('location')).toMatch(/\/sign-in\?next=%2Fd%2Fblog%2Fposts$/);
      }
    });

    it('a form action called without a form answers in words (it failed on form.get with a 500)', async () => {
      const formActions = Object.keys(targets.actions).filter((name) => !['refreshWidget', 'loadAuditEntryAction', 'chooseLocale'].includes(name));
      for (const name of formActions) {
        const page = targets.actions[name]!.page;
        const path =
          page === 'record' || page === 'new' ? productPath() : page === 'list' ? '/d/market/products' : page.startsWith('operator') ? '/operators/new' : '/';
        for (const args of [[], [{}], [{}, 'not a form'], [{ form: [] }, {}]] as ActionArg[][]) {
          const answer = await callAction(name, path, args, cookies.superadmin);
          expect(answer.status, `${name} ${JSON.stringify(args)}`).toBe(200);
          expect(answer.body, name).toMatch(/did not come (as a form )?from the hub/);
        }
      }
    });

    it('a Server Action call React could not decode is a 400 in words, one over the size limit a 413', async () => {
      const path = productPath();
      const id = targets.actions.customRecordAction!.id;
      const raw = (body: Buffer, contentType: string, extra: Record<string, string> = {}) =>
        sendOne({
          method: 'POST',
          path,
          headers: { 'next-action': id, 'content-type': contentType, origin: hub.url, cookie: cookies.superadmin!, ...extra },
          body,
        });
      const cases: [Buffer, string, number, RegExp][] = [
        [Buffer.from('[{},"$K1"'), 'text/plain;charset=UTF-8', 400, /arguments are not valid JSON/],
        [Buffer.from([0xff, 0x00, 0xed, 0xa0, 0x80]), 'text/plain;charset=UTF-8', 400, /not valid JSON/],
        [Buffer.from('[{},"$@1"]'), 'text/plain;charset=UTF-8', 400, /refer to something the hub's pages never send/],
        [Buffer.from('{"0":1}'), 'text/plain;charset=UTF-8', 400, /not a list/],
        [
          multipart([
            ['_1_$domain\u0000', 'market'],
            ['0', '[{},"$K1"]'],
          ]),
          `multipart/form-data; boundary=${BOUNDARY}`,
          400,
          /form could not be read/,
        ],
        [multipart([['_1_$domain', 'market']]), `multipart/form-data; boundary=${BOUNDARY}`, 400, /no arguments/],
        [Buffer.alloc(1_100_000, 'a'), 'text/plain;charset=UTF-8', 413, /larger than the 1 MB/],
      ];
      for (const [body, contentType, status, words] of cases) {
        const answer = await raw(body, contentType);
        expect(answer.status, body.subarray(0, 40).toString()).toBe(status);
        expect(answer.body).toMatch(words);
      }
      // Without JavaScript: bound arguments that are not JSON.
      const form = multipart([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id, bound: '$@1' })],
        ['$ACTION_1:1', 'blog'],
        ['$ACTION_KEY', 'k1'],
      ]);
      const answer = await sendOne({
        method: 'POST',
        path,
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: hub.url, cookie: cookies.superadmin! },
        body: form,
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/arguments are not valid JSON/);
    });

    it('well-formed calls still reach their action, with and without JavaScript', async () => {
      const path = productPath();
      const fields: [string, string][] = [
        ['$domain', 'market'],
        ['$resource', 'products'],
        ['$id', decodeURIComponent(path.split('/').pop()!)],
        ['$action', 'toggle-active'],
      ];
      const active = () =>
        withClient(
          databases.market.url,
          async (c) => (await c.query<{ active: boolean }>('SELECT active FROM products WHERE id = $1', [fields[2]![1]])).rows[0]!.active,
        );
      const before = await active();
      const answer = await callAction('customRecordAction', path, [{}, { form: fields }], cookies.superadmin);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(/no longer on sale|on sale again/);
      expect(await active()).toBe(!before);
      const widget = await callAction('refreshWidget', '/', ['market-orders-today'], cookies.superadmin);
      expect(widget.status).toBe(200);
      expect(widget.body).toMatch(/"ok":true/);
      const id = targets.actions.customRecordAction!.id;
      const noScript = multipart([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id, bound: '$@1' })],
        ['$ACTION_1:1', '[{}]'],
        ['$ACTION_KEY', 'k1'],
        ...fields,
      ]);
      const posted = await sendOne({
        method: 'POST',
        path,
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: hub.url, cookie: cookies.superadmin! },
        body: noScript,
      });
      expect(posted.status).toBeLessThan(400);
      expect(await active()).toBe(before);
    });

    it('a router state header Next.js cannot read is a 400 in words; one it can read is served', async () => {
      for (const header of ['%7B', '%7B%22a%22%3ANaN%7D', '%E0%A4', '{}']) {
        const answer = await sendOne({
          method: 'GET',
          path: '/d/blog/posts',
          headers: { cookie: cookies.blogViewer!, rsc: '1', 'next-router-state-tree': header },
        });
        expect(answer.status, header).toBe(400);
        expect(answer.body).toMatch(/router state header/);
      }
      const valid = encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }, null, null, 1]));
      const answer = await sendOne({
        method: 'GET',
        path: '/d/blog/posts',
        headers: { cookie: cookies.blogViewer!, rsc: '1', 'next-router-state-tree': valid },
      });
      expect(answer.status).toBeLessThan(400);
      expect(answer.body).not.toMatch(/router state header/);
    });

    it('a custom list page shows a bad cursor in words, as the generic list does (it was a 500)', async () => {
      const answer = await fetch(`${hub.url}/d/market/vip-customers?after=0`, { headers: { cookie: cookies.marketViewer! } });
      expect(answer.status).toBe(200);
      expect(await answer.text()).toMatch(/not a valid cursor/);
    });

    it('an operator cannot rename themselves through Better Auth, unaudited (its self-service endpoints are off)', async () => {
      const names = () => withClient(hub.hubDatabaseUrl, async (c) => (await c.query<{ name: string }>('SELECT name FROM hub_user ORDER BY id')).rows);
      const before = await names();
      for (const path of ['/api/auth/update-user', '/api/auth/change-email', '/api/auth/change-password', '/api/auth/unlink-account']) {
        const answer = await sendOne({
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json', origin: hub.url, cookie: cookies.blogViewer! },
          body: Buffer.from(
            JSON.stringify({
              name: 'Renamed',
              newEmail: 'x@e2e.test',
              currentPassword: 'e2e-password-long-enough',
              newPassword: 'another-long-password',
              providerId: 'credential',
            }),
          ),
        });
        expect(answer.status, path).toBe(404);
      }
      expect(await names()).toEqual(before);
    });

    it('deleting for good with an id that has a broken %-escape is a 404 in words (it was "something went wrong")', async () => {
      const fields: [string, string][] = [
        ['$domain', 'market'],
        ['$resource', 'order-items'],
        ['$id', '2000%,2'],
        ['$confirm', '2000%,2'],
      ];
      const answer = await callAction('hardDeleteRecordAction', productPath(), [{}, { form: fields }], cookies.superadmin);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(/not found|does not exist|no longer exists/i);
      expect(answer.body).not.toMatch(/Something went wrong/);
    });

    it('a session cookie holding a NUL is a session that ended, not a database error', async () => {
      const answer = await callAction('refreshWidget', '/', ['market-orders-today'], 'admin-hub.session_token=%00.x');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(/session has ended/);
    });
  });

  it('unprivileged senders get no 5xx, no leak, a timely answer, and change nothing', async () => {
    const count = Math.round(TOTAL * UNPRIVILEGED_SHARE);
    const senders = sendersOf(Object.fromEntries(UNPRIVILEGED.map((k) => [k, cookies[k]!])), { anonymous: true });
    const { requests, only } = generate('unprivileged', count, SEED, senders, 2);
    if (only === -1) return;
    const before = await snapshotAll();
    const result = await runPhase(hub.url, requests, { concurrency: CONCURRENCY, timeLimitMs: TIME_LIMIT_MS, only, trace });
    results.push(result);
    const after = await snapshotAll();
    report('unprivileged', result);
    const changed = snapshotDiff(before, after);
    if (changed.length > 0) log(`[fuzz] unprivileged phase changed:\n  ${changed.join('\n  ')}`);
    expect(result.failures.map((f) => `#${f.index} ${f.problem}: ${f.request.method} ${f.request.path.slice(0, 200)}`)).toEqual([]);
    expect(changed).toEqual([]);
    expect(hub.process.exitCode).toBeNull();
  }, 1_800_000);

  it('privileged senders writing hostile input get no 5xx, no leak and a timely answer', async () => {
    const count = TOTAL - Math.round(TOTAL * UNPRIVILEGED_SHARE);
    const senders = sendersOf(Object.fromEntries(PRIVILEGED.map((k) => [k, cookies[k]!])), { anonymous: false });
    const { requests, only } = generate('privileged', count, SEED + 1, senders, 4);
    if (only === -1) return;
    const result = await runPhase(hub.url, requests, { concurrency: CONCURRENCY, timeLimitMs: TIME_LIMIT_MS, only, trace });
    results.push(result);
    report('privileged', result);
    expect(result.failures.map((f) => `#${f.index} ${f.problem}: ${f.request.method} ${f.request.path.slice(0, 200)}`)).toEqual([]);
    // Still serving, and still itself.
    expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
    expect(hub.process.exitCode).toBeNull();
  }, 1_800_000);

  it('left no unexpected error in the hub log', () => {
    const total = results.reduce((n, r) => n + r.sent, 0);
    const statuses: Record<string, number> = {};
    for (const r of results) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
    log(`[fuzz] total: ${total} requests, seed ${SEED}; statuses ${JSON.stringify(statuses)}`);
    const unexpected = unexpectedInLog(results);
    if (unexpected.length > 0) log(`[fuzz] the hub logged:\n${unexpected.join('\n')}`);
    expect(unexpected).toEqual([]);
  });
});
