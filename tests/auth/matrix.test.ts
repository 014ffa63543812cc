// Version-independent (vitest.config.ts): every door's access rules, decided before any domain SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainRole } from '../../src/engine/auth/roles';
import { servedDemoResources } from '../support/demo-resources';
import type { Resource } from '../../src/engine/resources/types';
import { auditResource } from '../../src/engine/audit/resource';
import { can } from '../../src/engine/auth/access';
import type { Operator } from '../../src/engine/auth/operator';
import { resolveRowScope } from '../../src/engine/auth/row-scope';
import { DOORS, matchDoor, policyAllows, type DoorPath, type DoorPolicy } from '../../src/engine/http/doors';
import { OPERATORS, PASSWORD, type OperatorKind, type RunningHub } from '../support/hub-server';
import {
  discoverDoors,
  discoverRoutes,
  expandRoute,
  startHubWhenBuilt,
  type DiscoveredRoute,
  type DynamicSegment,
  type ExpandedRoute,
} from '../support/routes';

/**
 * The access matrix: every door of the hub (each route found under src/app, and each path the
 * hub's own server answers, from the table of doors in src/engine/http/doors.ts), with its
 * dynamic segments filled from the resource definitions, asked by every kind of operator
 * against the real production server. The expected answer of each cell is computed here from
 * the table's policy, the operator's roles and the resource's access, independently of the
 * code that enforces it.
 */

let hub: RunningHub;

beforeAll(async () => {
  resources = await servedDemoResources();
  hub = await startHubWhenBuilt({
    orders: 200,
    env: {
      // Seven sign-ins from one address: above the default five per minute of /sign-in/email.
      HUB_AUTH_SIGN_IN_ATTEMPTS: '100',
      // Vitest sets TEST=true, which the hub inherits; Better Auth then skips its origin and
      // CSRF checks (isTest()). A deployed hub has no TEST, and this file tests those checks.
      TEST: '',
    },
  });
}, 600_000);
afterAll(async () => {
  if (hub) expect(await hub.stop()).toBe(0); // SIGTERM drains and exits cleanly
});

const routes = discoverDoors();

// ---------------------------------------------------------------------------------------
// Who asks: anonymous, then each operator kind the hub server creates. The domain under
// test is market; blogViewer is the viewer of another domain.

interface Principal {
  label: string;
  kind: OperatorKind | undefined;
}

const PRINCIPALS: Principal[] = [
  { label: 'anonymous', kind: undefined },
  { label: 'no role (nobody)', kind: 'nobody' },
  { label: 'viewer of another domain (blogViewer)', kind: 'blogViewer' },
  { label: 'viewer (marketViewer)', kind: 'marketViewer' },
  { label: 'scoped viewer (marketScoped: customers of DE and AT)', kind: 'marketScoped' },
  { label: 'editor (marketEditor)', kind: 'marketEditor' },
  { label: 'admin (marketAdmin)', kind: 'marketAdmin' },
  { label: 'superadmin', kind: 'superadmin' },
];

const RANK: Record<DomainRole, number> = { viewer: 1, editor: 2, admin: 3 };

function roleOf(kind: OperatorKind, domain: string): DomainRole | undefined {
  return (OPERATORS[kind].roles as Partial<Record<string, DomainRole>>)[domain];
}

// ---------------------------------------------------------------------------------------
// What exists: the domains the hub is configured with, and their resources from the
// definitions, resolved as the engine does (it gives `access` per action).

// The demo's definitions are overlays on their catalogs: resolved against seeded demo databases (beforeAll).
let resources = new Map<string, Resource[]>();

/** The configured domains, as the health endpoint lists them to a signed-in operator. */
async function configuredDomains(): Promise<string[]> {
  const health = await getJson<{ domains: { name: string }[] }>('/api/health', 'superadmin');
  const names = health.domains.map((d) => d.name);
  const undefinedHere = names.filter((n) => !resources.has(n));
  // Introspected domains (no definitions) would need their resources read from the hub.
  if (undefinedHere.length) throw new Error(`configured domains without definitions: ${undefinedHere.join(', ')}`);
  return names;
}

function resourceOf(domain: string, name: string): Resource {
  const found = resources.get(domain)?.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${domain}/${name} in the definitions`);
  return found;
}

/** Whether a signed-in operator passes the route's policy for these URL parameters. */
function permits(policy: DoorPolicy, params: Record<string, string>, kind: OperatorKind): boolean {
  const operator = OPERATORS[kind];
  switch (policy.kind) {
    case 'public':
    case 'signed-in':
      return true;
    case 'superadmin':
      return operator.superadmin;
    case 'domain': {
      const role = roleOf(kind, params.domain!);
      return operator.superadmin || (role !== undefined && RANK[role] >= RANK[policy.minimum ?? 'viewer']);
    }
    case 'resource': {
      const target = policy.resource ?? { domain: params.domain!, name: params.resource! };
      const needed = resourceOf(target.domain, target.name).access[policy.action];
      const role = roleOf(kind, target.domain);
      return operator.superadmin || (role !== undefined && RANK[role] >= RANK[needed]);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Concrete requests for each pattern.

/** An id that cannot be filled with a real one: operators who pass the policy get a 404. */
const PLACEHOLDER = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';

interface Target extends ExpandedRoute {
  route: DiscoveredRoute;
  policy: DoorPolicy;
  /** GET when the route has one; otherwise a POST with an empty JSON object, which no handler should act on. */
  method: 'GET' | 'POST';
  placeholder: boolean;
}

async function getJson<T>(path: string, kind: OperatorKind): Promise<T> {
  const response = await fetch(`${hub.url}${path}`, { headers: { cookie: await hub.cookieFor(kind) } });
  if (response.status !== 200) throw new Error(`GET ${path} as ${kind}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The kinds of operator a resource's row scope limits (the demo's scoped customers: marketScoped). */
const scopedKinds = (resource: Resource) => (Object.keys(OPERATORS) as OperatorKind[]).filter((kind) => resolveRowScope(operatorOf(kind), resource).length > 0);

/** Whether a row is inside every scoped kind's scope: the matrix's own reading of the conditions. */
const insideScopes = (resource: Resource, row: Record<string, unknown>) =>
  scopedKinds(resource).every((kind) =>
    resolveRowScope(operatorOf(kind), resource).every((c) => (c.values ?? [c.value]).map(String).includes(String(row[c.column]))),
  );

/**
 * A real record id per resource ("domain/resource" → id as the record URLs spell it), asked as
 * superadmin. For a resource with a row scope, a row outside it: the scoped operators must get
 * the 404 of a missing record where everyone else gets the page.
 */
async function recordIds(domains: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const domain of domains) {
    for (const resource of resources.get(domain)!) {
      const scoped = scopedKinds(resource).length > 0;
      const { rows } = await getJson<{ rows: Record<string, unknown>[] }>(`/api/d/${domain}/${resource.name}?size=${scoped ? 100 : 1}`, 'superadmin');
      const row = scoped ? rows.find((r) => !insideScopes(resource, r)) : rows[0];
      if (!row || resource.primaryKey.some((k) => row[k] === undefined || row[k] === null)) continue;
      // Key values, each URI-encoded, joined by "," (src/engine/records/record-id.ts).
      ids.set(`${domain}/${resource.name}`, resource.primaryKey.map((k) => encodeURIComponent(String(row[k]))).join(','));
    }
  }
  return ids;
}

async function targets(): Promise<{ domains: string[]; all: Target[] }> {
  const domains = await configuredDomains();
  // Real ids: an operator's (the marketViewer's, from its session) and a record of each resource.
  const operatorId = (await getJson<{ user: { id: string } }>('/api/auth/get-session', 'marketViewer')).user.id;
  const records = await recordIds(domains);
  const fill =
    (route: DiscoveredRoute) =>
    (segment: DynamicSegment, params: Record<string, string>): string[] => {
      if (segment.name === 'domain') return domains;
      if (segment.name === 'resource') return (resources.get(params.domain!) ?? []).map((r) => r.name);
      // Better Auth's catch-all: one representative GET.
      if (segment.catchAll && route.pattern.startsWith('/api/auth/')) return ['get-session'];
      if (segment.name === 'id' && params.resource !== undefined) return [records.get(`${params.domain}/${params.resource}`) ?? PLACEHOLDER];
      if (segment.name === 'id' && route.pattern.startsWith('/operators/')) return [operatorId];
      return [PLACEHOLDER];
    };
  const all = routes.flatMap((route) =>
    expandRoute(route.pattern, fill(route)).map((expanded) => ({
      ...expanded,
      route,
      policy: DOORS[route.pattern as DoorPath].policy,
      method: route.methods.includes('GET') ? ('GET' as const) : ('POST' as const),
      placeholder: Object.values(expanded.params).includes(PLACEHOLDER),
    })),
  );
  return { domains, all };
}

// ---------------------------------------------------------------------------------------
// Expected and actual answers, as comparable text: "307 → /sign-in?next=/d/market".

interface Answer {
  status: number;
  location?: string;
  /** Said of an actual answer only: what else is wrong with it. */
  note?: string;
}

const show = (a: Answer) => `${a.status}${a.location !== undefined ? ` → ${a.location}` : ''}${a.note ?? ''}`;

function expected(target: Target, kind: OperatorKind | undefined): Answer {
  const { route, policy } = target;
  if (policy.kind === 'public') {
    // The sign-in page sends an operator who is already signed in on to `next` (default /).
    if (route.pattern === '/sign-in' && kind !== undefined) return { status: 307, location: '/' };
    return { status: 200 };
  }
  if (kind === undefined) return route.kind === 'page' ? { status: 307, location: `/sign-in?next=${target.path}` } : { status: 401 };
  if (!permits(policy, target.params, kind)) return { status: 403 };
  if (target.placeholder) return { status: 404 };
  // The record (a row outside the scope, see recordIds) is not found for the operators its row scope limits.
  const { domain, resource, id } = target.params;
  if (id !== undefined && resource !== undefined && scopedKinds(resourceOf(domain!, resource)).includes(kind)) return { status: 404 };
  return { status: target.method === 'POST' ? 400 : 200 }; // an empty POST passes the gate and is refused as invalid
}

/**
 * What Next.js writes into a streamed page when forbidden() or notFound() is thrown after the
 * response has started: the status is already sent, so the mismatch report says so.
 */
const LATE_ERROR_MARKER = '<meta name="robots" content="noindex"/>';

async function ask(target: Target, cookie: string | undefined): Promise<Answer> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const init: RequestInit =
    target.method === 'GET'
      ? { redirect: 'manual', headers }
      : { method: 'POST', redirect: 'manual', headers: { ...headers, origin: hub.url, 'content-type': 'application/json' }, body: '{}' };
  const response = await fetch(`${hub.url}${target.path}`, init);
  const body = await response.text(); // read it all: a page that fails while streaming should not pass
  const location = response.headers.get('location');
  if (location === null) {
    const note =
      response.status === 200 && target.route.kind === 'page' && body.includes(LATE_ERROR_MARKER)
        ? ' (forbidden()/notFound() streamed after the 200 was sent)'
        : '';
    return { status: response.status, note };
  }
  const url = new URL(location, hub.url);
  const where = url.origin === new URL(hub.url).origin ? url.pathname + decodeURIComponent(url.search) : url.href;
  return { status: response.status, location: where };
}

/** The hub's error lines, to explain the 500s of a failing matrix. */
function hubErrors(): string {
  const lines = hub
    .logs()
    .split('\n')
    .filter((l) => /ERROR|Error:|⨯/.test(l));
  return lines.length ? `\nhub errors (last ${Math.min(lines.length, 15)} of ${lines.length}):\n${lines.slice(-15).join('\n')}` : '';
}

/** Runs the jobs a few at a time: quick, without queueing on the hub's pools. */
async function inBatches<T>(jobs: (() => Promise<T>)[], width = 6): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += width) results.push(...(await Promise.all(jobs.slice(i, i + width).map((job) => job()))));
  return results;
}

/** The operator the engine would see for a kind of test operator. */
const operatorOf = (kind: OperatorKind): Operator => ({ id: kind, name: kind, sessionId: undefined, ...OPERATORS[kind] });

/** A concrete path of a pattern (`x` for each dynamic segment, `a/b` for a catch-all). */
const samplePath = (pattern: string) => expandRoute(pattern, (segment) => [segment.catchAll ? 'a/b' : 'x'])[0]!.path;

describe('the table of doors', () => {
  it('has one row for every route under src/app and every server door, answered by the code it names, and no row naming nothing', () => {
    const files = discoverRoutes();
    const patterns = routes.map((r) => r.pattern);
    expect(files.length).toBeGreaterThan(0);
    expect(
      patterns.filter((p) => !(p in DOORS)),
      'routes without a row in src/engine/http/doors.ts',
    ).toEqual([]);
    expect(
      Object.keys(DOORS).filter((p) => !patterns.includes(p)),
      'rows naming no route file and no server door',
    ).toEqual([]);
    // One door per path: a path the server answers has no route file, and each file is the kind its row says.
    expect(
      patterns.filter((p, i) => patterns.indexOf(p) !== i),
      'paths answered by two doors',
    ).toEqual([]);
    expect(
      files
        .filter((r) => DOORS[r.pattern as DoorPath]?.answeredBy !== r.answeredBy)
        .map((r) => `${r.file}: the table says ${DOORS[r.pattern as DoorPath]?.answeredBy}`),
    ).toEqual([]);
    expect(routes.some((r) => r.answeredBy === 'server')).toBe(true);
    for (const [pattern, { policy }] of Object.entries(DOORS)) {
      // A fixed resource exists; a policy on "the resource in the URL" has both segments; so does a domain policy.
      if (policy.kind === 'resource' && 'resource' in policy) expect(() => resourceOf(policy.resource.domain, policy.resource.name), pattern).not.toThrow();
      if (policy.kind === 'resource' && !('resource' in policy)) expect(pattern, `${pattern} names no resource`).toMatch(/\[domain\].*\[resource\]/);
      if (policy.kind === 'domain') expect(pattern, `${pattern} names no domain`).toMatch(/\[domain\]/);
      // The server's one matcher finds each row for its own paths (a static segment beats a dynamic one).
      expect(matchDoor(samplePath(pattern))?.path, samplePath(pattern)).toBe(pattern);
    }
    // No server door claims a deeper path or a trailing slash (Next.js redirects it): Next.js answers them, its catch-all a 404.
    for (const path of ['/api/d/market/orders/', '/api/d/market/orders/1']) expect(matchDoor(path)?.door.answeredBy, path).not.toBe('server');
    expect(matchDoor('/api/d/market/orders/1')?.path).toBe('/api/[...missing]');
    // Every operator kind the hub server creates is a column of the matrix.
    expect(
      PRINCIPALS.map((p) => p.kind)
        .filter(Boolean)
        .sort(),
    ).toEqual(Object.keys(OPERATORS).sort());
    // Every handler answers at least one method.
    expect(routes.filter((r) => r.kind === 'handler' && r.methods.length === 0).map((r) => r.file)).toEqual([]);
  });

  it("decides each server door's policy as the engine decides the door's resource, for every operator kind", () => {
    // The server enforces the row's policy and then the engine its own check: a policy looser
    // than the engine would show as a 403 the matrix below does not expect; this says which.
    const cells: string[] = [];
    const disagreements: string[] = [];
    for (const [pattern, { answeredBy, policy }] of Object.entries(DOORS)) {
      if (answeredBy !== 'server') continue;
      const action = pattern.endsWith('/export') ? 'export' : 'read';
      const served = pattern.startsWith('/api/audit/')
        ? [...resources.keys()].map((domain) => ({ params: { domain }, resource: pattern.includes('[domain]') ? auditResource(domain) : auditResource() }))
        : [...resources.entries()].flatMap(([domain, list]) => list.map((resource) => ({ params: { domain, resource: resource.name }, resource })));
      for (const { params, resource } of served) {
        for (const kind of Object.keys(OPERATORS) as OperatorKind[]) {
          const operator = operatorOf(kind);
          const table = policyAllows(policy, operator, params, resource);
          const engine = can(operator, resource, 'read') && can(operator, resource, action);
          cells.push(`${pattern} ${JSON.stringify(params)} ${kind}`);
          if (table !== engine) disagreements.push(`${pattern} ${JSON.stringify(params)} as ${kind}: the table says ${table}, the engine ${engine}`);
          // And the matrix's own reading of the row agrees with the server's.
          expect(permits(policy, params, kind), `${pattern} ${JSON.stringify(params)} as ${kind}`).toBe(table);
        }
      }
    }
    expect(cells.length).toBeGreaterThan(Object.keys(OPERATORS).length * 4);
    expect(disagreements).toEqual([]);
  });
});

describe('access matrix against the running hub', () => {
  it('answers every route × operator cell as the policy says', async () => {
    const { domains, all } = await targets();
    const cookies = new Map<OperatorKind, string>();
    for (const p of PRINCIPALS) if (p.kind) cookies.set(p.kind, await hub.cookieFor(p.kind));

    const cells = all.flatMap((target) => PRINCIPALS.map((principal) => ({ target, principal })));
    const answers = await inBatches(
      cells.map(({ target, principal }) => async () => {
        const want = expected(target, principal.kind);
        const got = await ask(target, principal.kind ? cookies.get(principal.kind) : undefined);
        return { target, principal, want, got };
      }),
    );
    const mismatches = answers
      .filter(({ want, got }) => show(want) !== show(got))
      .map(
        ({ target, principal, want, got }) =>
          `${target.method} ${target.path} [${target.route.kind}, ${target.policy.kind}] as ${principal.label}: expected ${show(want)}, got ${show(got)}`,
      );

    console.info(`access matrix: ${routes.length} routes (${all.length} URLs) × ${PRINCIPALS.length} operators = ${cells.length} cells`);
    expect(mismatches, `${mismatches.length} of ${cells.length} cells differ:\n${mismatches.join('\n')}${hubErrors()}`).toEqual([]);
    // The matrix really covers every route and every domain's resources.
    expect(new Set(all.map((t) => t.route.pattern)).size).toBe(routes.length);
    for (const domain of domains) {
      for (const r of resources.get(domain)!) expect(all.some((t) => t.path === `/api/d/${domain}/${r.name}`)).toBe(true);
    }
    // The scoped operator did meet a record outside its row scope (and got the 404 of a missing one).
    expect(answers.some(({ target, principal, got }) => principal.kind === 'marketScoped' && target.params.id !== undefined && got.status === 404)).toBe(true);
  }, 300_000);

  it('treats a forged or tampered session cookie as no session: 401 from APIs, sign-in (with next) for pages', async () => {
    const real = await hub.cookieFor('marketAdmin');
    const value = decodeURIComponent(/admin-hub\.session_token=([^;]+)/.exec(real)![1]!).split('.')[0]!;
    const forged = [
      'admin-hub.session_token=forged-session-token.forged-signature',
      // A real session's token with a signature that does not match it.
      `admin-hub.session_token=${encodeURIComponent(`${value}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`)}`,
      // The real token alone, unsigned.
      `admin-hub.session_token=${encodeURIComponent(value)}`,
    ];
    const { all } = await targets();
    const mismatches: string[] = [];
    for (const [n, cookie] of forged.entries()) {
      const answers = await inBatches(all.map((target) => async () => ({ target, want: expected(target, undefined), got: await ask(target, cookie) })));
      for (const { target, want, got } of answers) {
        if (show(want) !== show(got)) mismatches.push(`${target.method} ${target.path} with forged cookie #${n + 1}: expected ${show(want)}, got ${show(got)}`);
      }
    }
    expect(mismatches, `${mismatches.length} differ:\n${mismatches.join('\n')}${hubErrors()}`).toEqual([]);
    // get-session agrees, and the real cookie still works.
    expect(await (await fetch(`${hub.url}/api/auth/get-session`, { headers: { cookie: forged[1]! } })).json()).toBeNull();
    expect((await fetch(`${hub.url}/api/d/market/orders`, { headers: { cookie: real } })).status).toBe(200);
  }, 120_000);

  it('refuses a sign-in posted from a foreign Origin, even with the right password, and sets no cookie', async () => {
    const response = await fetch(`${hub.url}/api/auth/sign-in/email`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ email: OPERATORS.superadmin.email, password: PASSWORD }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 'INVALID_ORIGIN', message: 'Invalid origin' });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("refuses a cross-site sign-out carrying the victim's cookie; the session survives", async () => {
    const cookie = await hub.cookieFor('marketEditor');
    const response = await fetch(`${hub.url}/api/auth/sign-out`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 'INVALID_ORIGIN', message: 'Invalid origin' });
    expect((await fetch(`${hub.url}/api/d/market/orders`, { headers: { cookie } })).status).toBe(200);
  });
});
