import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceDefinitions } from '../../src/admin/resources';
import type { DomainRole } from '../../src/engine/auth/roles';
import { resolveResource } from '../../src/engine/resources/define';
import type { Resource } from '../../src/engine/resources/types';
import { routePolicies, type RoutePolicy } from '../../src/web/route-policy';
import { OPERATORS, startHub, type OperatorKind, type RunningHub } from '../support/hub-server';
import { discoverRoutes, expandRoute, type DiscoveredRoute, type DynamicSegment, type ExpandedRoute } from '../support/routes';

/**
 * The access matrix: every route found under src/app, with every dynamic segment filled from
 * the definitions, asked by every kind of operator against the real production server. The
 * expected answer of each cell is computed from route-policy.ts, the operator's roles and the
 * resource's access, independently of the code that enforces it.
 */

let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub({
    orders: 200,
    env: {
      // Seven sign-ins from one address: above the default five per minute of /sign-in/email.
      HUB_AUTH_SIGN_IN_ATTEMPTS: '100',
      // Vitest sets TEST=true, which the child inherits; Better Auth then skips its origin and
      // CSRF checks (isTest()). A deployed hub has no TEST, and this file tests those checks.
      TEST: '',
    },
  });
}, 600_000);
afterAll(async () => {
  if (hub) expect(await hub.stop()).toBe(0); // SIGTERM drains and exits cleanly
});

const routes = discoverRoutes();

// ---------------------------------------------------------------------------------------
// Who asks. `kind` undefined is the anonymous caller; the domain under test is market.

interface Principal {
  label: string;
  kind: OperatorKind | undefined;
}

const PRINCIPALS: Principal[] = [
  { label: 'anonymous', kind: undefined },
  { label: 'no role (nobody)', kind: 'nobody' },
  { label: 'viewer of another domain (blogViewer)', kind: 'blogViewer' },
  { label: 'viewer (marketViewer)', kind: 'marketViewer' },
  { label: 'editor (marketEditor)', kind: 'marketEditor' },
  { label: 'admin (marketAdmin)', kind: 'marketAdmin' },
  { label: 'superadmin', kind: 'superadmin' },
];

// Every kind the hub server creates appears in the matrix.
const coveredKinds = new Set(PRINCIPALS.map((p) => p.kind));
for (const kind of Object.keys(OPERATORS) as OperatorKind[]) {
  if (!coveredKinds.has(kind)) throw new Error(`operator kind ${kind} is missing from the matrix`);
}

const RANK: Record<DomainRole, number> = { viewer: 1, editor: 2, admin: 3 };

function roleOf(kind: OperatorKind, domain: string): DomainRole | undefined {
  return (OPERATORS[kind].roles as Partial<Record<string, DomainRole>>)[domain];
}

// ---------------------------------------------------------------------------------------
// What exists: domains and resources from the definitions, as the engine resolves them.

const resources = new Map<string, Resource[]>();
for (const def of resourceDefinitions) {
  const resource = resolveResource(def);
  resources.set(resource.domain, [...(resources.get(resource.domain) ?? []), resource]);
}
const domains = [...resources.keys()].sort();

function resourceOf(domain: string, name: string): Resource {
  const found = resources.get(domain)?.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${domain}/${name} in the definitions`);
  return found;
}

/** Whether a signed-in operator passes the route's policy for these URL parameters. */
function permits(policy: RoutePolicy, params: Record<string, string>, kind: OperatorKind): boolean {
  const operator = OPERATORS[kind];
  switch (policy.kind) {
    case 'public':
    case 'signed-in':
      return true;
    case 'superadmin':
      return operator.superadmin;
    case 'domain':
      return operator.superadmin || roleOf(kind, params.domain!) !== undefined;
    case 'resource': {
      const target = policy.resource ?? { domain: params.domain!, name: params.resource! };
      const needed = resourceOf(target.domain, target.name).access[policy.action];
      const role = roleOf(kind, target.domain);
      return operator.superadmin || (role !== undefined && RANK[role] >= RANK[needed]);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Concrete URLs for each pattern.

/** URLs whose id could not be filled with a real one: allowed operators get a 404 there. */
const PLACEHOLDER = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';

interface Target extends ExpandedRoute {
  route: DiscoveredRoute;
  policy: RoutePolicy;
  placeholder: boolean;
}

async function targets(): Promise<Target[]> {
  // A real operator id, for routes such as /operators/[id]: the marketViewer's, from its session.
  const session = (await (await fetch(`${hub.url}/api/auth/get-session`, { headers: { cookie: await hub.cookieFor('marketViewer') } })).json()) as { user: { id: string } };
  const operatorId = session.user.id;
  const fill = (route: DiscoveredRoute) => (segment: DynamicSegment, params: Record<string, string>): string[] => {
    if (segment.name === 'domain') return domains;
    if (segment.name === 'resource') return (resources.get(params.domain!) ?? []).map((r) => r.name);
    // Better Auth's catch-all: one representative GET.
    if (segment.catchAll && route.pattern.startsWith('/api/auth/')) return ['get-session'];
    if (segment.name === 'id' && params.resource === undefined) return [operatorId];
    return [PLACEHOLDER];
  };
  return routes.flatMap((route) =>
    expandRoute(route.pattern, fill(route)).map((expanded) => ({
      ...expanded,
      route,
      policy: routePolicies[route.pattern]!,
      placeholder: Object.values(expanded.params).includes(PLACEHOLDER),
    })),
  );
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
const signInFor = (path: string) => `/sign-in?next=${path}`;

function expected(target: Target, kind: OperatorKind | undefined): Answer {
  const { route, policy } = target;
  if (policy.kind === 'public') {
    // The sign-in page sends an operator who is already signed in on to `next` (default /).
    if (route.pattern === '/sign-in' && kind !== undefined) return { status: 307, location: '/' };
    return { status: 200 };
  }
  if (kind === undefined) return route.kind === 'page' ? { status: 307, location: signInFor(target.path) } : { status: 401 };
  if (!permits(policy, target.params, kind)) return { status: 403 };
  return { status: target.placeholder ? 404 : 200 };
}

/**
 * What Next.js writes into a streamed page when forbidden() or notFound() is thrown after the
 * response has started: the status is already sent, so the mismatch report says so.
 */
const LATE_ERROR_MARKER = '<meta name="robots" content="noindex"/>';

async function ask(path: string, cookie: string | undefined): Promise<Answer> {
  const response = await fetch(`${hub.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const body = await response.text(); // read it all: a page that fails while streaming should not pass
  const location = response.headers.get('location');
  if (location === null) {
    const note = response.status === 200 && body.includes(LATE_ERROR_MARKER) ? ' (forbidden()/notFound() streamed after the 200 was sent)' : '';
    return { status: response.status, note };
  }
  const url = new URL(location, hub.url);
  const where = url.origin === new URL(hub.url).origin ? url.pathname + decodeURIComponent(url.search) : url.href;
  return { status: response.status, location: where };
}

/** Runs the jobs a few at a time: enough to be quick, few enough not to queue on the pools. */
async function inBatches<T>(jobs: (() => Promise<T>)[], width = 6): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += width) results.push(...(await Promise.all(jobs.slice(i, i + width).map((job) => job()))));
  return results;
}

describe('route policies', () => {
  it('declares a policy for every route under src/app, and none for a route that does not exist', () => {
    const patterns = routes.map((r) => r.pattern);
    expect(routes.length).toBeGreaterThan(0);
    expect(patterns.filter((p) => !(p in routePolicies)), 'routes without a policy in src/web/route-policy.ts').toEqual([]);
    expect(Object.keys(routePolicies).filter((p) => !patterns.includes(p)), 'policies naming no route').toEqual([]);
    // A fixed resource in a policy exists, and a resource policy without one has both URL segments.
    for (const [pattern, policy] of Object.entries(routePolicies)) {
      if (policy.kind !== 'resource') continue;
      if (policy.resource) expect(() => resourceOf(policy.resource!.domain, policy.resource!.name), pattern).not.toThrow();
      else expect(pattern, `${pattern} names no resource`).toMatch(/\[domain\].*\[resource\]/);
    }
  });
});

describe('access matrix against the running hub', () => {
  it('answers every route × operator cell as the policy says', async () => {
    const all = await targets();
    const cookies = new Map<OperatorKind, string>();
    for (const p of PRINCIPALS) if (p.kind) cookies.set(p.kind, await hub.cookieFor(p.kind));

    const cells = all.flatMap((target) => PRINCIPALS.map((principal) => ({ target, principal })));
    const answers = await inBatches(
      cells.map(({ target, principal }) => async () => {
        const want = expected(target, principal.kind);
        const got = await ask(target.path, principal.kind ? cookies.get(principal.kind) : undefined);
        return { target, principal, want, got };
      }),
    );
    const mismatches = answers
      .filter(({ want, got }) => show(want) !== show(got))
      .map(({ target, principal, want, got }) => `${target.path} [${target.route.kind}, ${target.policy.kind}] as ${principal.label}: expected ${show(want)}, got ${show(got)}`);

    console.info(`access matrix: ${routes.length} routes (${all.length} URLs) × ${PRINCIPALS.length} operators = ${cells.length} cells`);
    expect(mismatches, `${mismatches.length} of ${cells.length} cells differ:\n${mismatches.join('\n')}`).toEqual([]);
    // The matrix really covers every route and every domain's resources.
    expect(new Set(all.map((t) => t.route.pattern)).size).toBe(routes.length);
    for (const domain of domains) {
      for (const r of resources.get(domain)!) expect(all.some((t) => t.path === `/api/d/${domain}/${r.name}`)).toBe(true);
    }
  }, 300_000);

  it('treats a forged or tampered session cookie as no session: 401 on APIs, the sign-in page for pages', async () => {
    const real = await hub.cookieFor('marketAdmin');
    const token = /admin-hub\.session_token=([^;]+)/.exec(real)![1]!;
    const [value] = decodeURIComponent(token).split('.');
    const forged = [
      'admin-hub.session_token=forged-session-token.forged-signature',
      // A real session's token with a signature that does not match it.
      `admin-hub.session_token=${encodeURIComponent(`${value}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`)}`,
      // The real token alone, unsigned.
      `admin-hub.session_token=${encodeURIComponent(value!)}`,
    ];
    const all = await targets();
    const mismatches: string[] = [];
    for (const cookie of forged) {
      const answers = await inBatches(
        all.map((target) => async () => {
          const want = expected(target, undefined);
          return { target, want, got: await ask(target.path, cookie) };
        }),
      );
      for (const { target, want, got } of answers) {
        if (show(want) !== show(got)) mismatches.push(`${target.path} with ${cookie.slice(0, 40)}…: expected ${show(want)}, got ${show(got)}`);
      }
    }
    expect(mismatches, mismatches.join('\n')).toEqual([]);
    // get-session says so too, and the real cookie still works.
    const session = await fetch(`${hub.url}/api/auth/get-session`, { headers: { cookie: forged[1]! } });
    expect(await session.json()).toBeNull();
    expect((await fetch(`${hub.url}/api/d/market/orders`, { headers: { cookie: real } })).status).toBe(200);
  }, 120_000);

  it('refuses a sign-in posted from a foreign Origin, even with the right password, and sets no cookie', async () => {
    const response = await fetch(`${hub.url}/api/auth/sign-in/email`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ email: OPERATORS.superadmin.email, password: 'e2e-password-long-enough' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 'INVALID_ORIGIN', message: 'Invalid origin' });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a cross-site sign-out that carries the victim\'s cookie; the session survives', async () => {
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
