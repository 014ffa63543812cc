import type { Operator } from '../auth/operator';
import { roleOn } from '../auth/operator';
import { atLeast, type Action, type DomainRole } from '../auth/roles';
import type { Resource } from '../resources/types';

/**
 * The table of doors: every path the hub answers, which code answers it, and who may use it.
 *
 * - `server`: the hub's own HTTP server answers it before Next.js (server-doors.ts), dispatched
 *   from this table; no Next.js route file may exist for it.
 * - `next-page`: a `page.tsx` under src/app.
 * - `next-route`: a `route.ts` under src/app.
 *
 * A server door enforces its policy itself, where the request is answered (server-doors.ts
 * refuses with 403 whatever the policy refuses, before the engine's own check). Next.js pages
 * and route handlers ask for the operator and leave roles to the engine; the access-matrix
 * test (tests/auth/matrix.test.ts) reads this table, fails when a route file or a door is
 * missing from it or a row names nothing, and asks every path as every kind of operator.
 */
export type DoorPolicy =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'superadmin' }
  /** A role on the domain in the URL: any role, or at least `minimum`. */
  | { kind: 'domain'; minimum?: DomainRole }
  /** The role an action needs on a resource: the one in the URL, or a fixed one for custom pages. */
  | { kind: 'resource'; action: Action; resource?: { domain: string; name: string } };

export type Answerer = 'server' | 'next-page' | 'next-route';

export interface Door {
  answeredBy: Answerer;
  policy: DoorPolicy;
}

export const DOORS = {
  '/': { answeredBy: 'next-page', policy: { kind: 'signed-in' } },
  '/sign-in': { answeredBy: 'next-page', policy: { kind: 'public' } },
  '/d/[domain]': { answeredBy: 'next-page', policy: { kind: 'domain' } },
  '/d/[domain]/[resource]': { answeredBy: 'next-page', policy: { kind: 'resource', action: 'read' } },
  '/d/[domain]/[resource]/[id]': { answeredBy: 'next-page', policy: { kind: 'resource', action: 'read' } },
  '/d/[domain]/[resource]/[id]/edit': { answeredBy: 'next-page', policy: { kind: 'resource', action: 'update' } },
  '/d/[domain]/[resource]/new': { answeredBy: 'next-page', policy: { kind: 'resource', action: 'create' } },
  '/d/market/vip-customers': { answeredBy: 'next-page', policy: { kind: 'resource', action: 'read', resource: { domain: 'market', name: 'customers' } } },
  '/operators': { answeredBy: 'next-page', policy: { kind: 'superadmin' } },
  '/operators/[id]': { answeredBy: 'next-page', policy: { kind: 'superadmin' } },
  '/operators/new': { answeredBy: 'next-page', policy: { kind: 'superadmin' } },
  '/audit': { answeredBy: 'next-page', policy: { kind: 'superadmin' } },
  '/audit/[domain]': { answeredBy: 'next-page', policy: { kind: 'domain', minimum: 'admin' } },
  '/search': { answeredBy: 'next-page', policy: { kind: 'signed-in' } },
  // Addresses nothing else answers: a 404 inside the hub for an operator (sign-in first), a JSON 404 (401 without a session).
  '/[...missing]': { answeredBy: 'next-page', policy: { kind: 'signed-in' } },
  '/api/[...missing]': { answeredBy: 'next-route', policy: { kind: 'signed-in' } },
  '/api/search': { answeredBy: 'next-route', policy: { kind: 'signed-in' } },
  '/api/health': { answeredBy: 'next-route', policy: { kind: 'public' } },
  '/api/health/ready': { answeredBy: 'next-route', policy: { kind: 'public' } },
  '/api/auth/[...all]': { answeredBy: 'next-route', policy: { kind: 'public' } },
  '/api/d/[domain]/[resource]': { answeredBy: 'server', policy: { kind: 'resource', action: 'read' } },
  '/api/d/[domain]/[resource]/export': { answeredBy: 'server', policy: { kind: 'resource', action: 'export' } },
  '/api/d/[domain]/[resource]/bulk': { answeredBy: 'next-route', policy: { kind: 'resource', action: 'bulk' } },
  '/api/audit/export': { answeredBy: 'server', policy: { kind: 'superadmin' } },
  '/api/audit/[domain]/export': { answeredBy: 'server', policy: { kind: 'domain', minimum: 'admin' } },
  '/api/internal-actions/[domain]/[resource]': { answeredBy: 'next-route', policy: { kind: 'resource', action: 'internal' } },
} as const satisfies Record<string, Door>;

export type DoorPath = keyof typeof DOORS;
/** The paths the hub's own server answers. */
export type ServerDoorPath = { [P in DoorPath]: (typeof DOORS)[P]['answeredBy'] extends 'server' ? P : never }[DoorPath];

export const DOOR_PATHS = Object.keys(DOORS) as DoorPath[];

export interface MatchedDoor {
  path: DoorPath;
  door: Door;
  /** The dynamic segments' values, %-decoded (a catch-all's segments joined by `/`). */
  params: Record<string, string>;
}

const segmentsOf = (path: string) => (path === '/' ? [] : path.split('/').slice(1));

/** 0 for a static segment, 1 for `[x]`, 2 for `[...x]`: the lower wins, as in Next.js. */
const rank = (segment: string) => (!segment.startsWith('[') ? 0 : segment.startsWith('[...') ? 2 : 1);

function matchOne(pattern: string, parts: string[]): Record<string, string> | undefined {
  const segments = segmentsOf(pattern);
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    if (segment.startsWith('[...')) {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.some((p) => p === '')) return undefined;
      params[segment.slice(4, -1)] = rest.join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    if (segment.startsWith('[')) params[segment.slice(1, -1)] = part;
    else if (segment !== part) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

function moreSpecific(a: string, b: string): boolean {
  const [sa, sb] = [segmentsOf(a), segmentsOf(b)];
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (rank(sa[i]!) !== rank(sb[i]!)) return rank(sa[i]!) < rank(sb[i]!);
  }
  return sa.length > sb.length;
}

/**
 * The one URL matcher: the door a pathname (`/api/d/market/orders`, no query) goes through,
 * a static segment beating a dynamic one as in Next.js (`/d/market/vip-customers` is not
 * `/d/[domain]/[resource]`). Undefined for a path no door names, or one whose %-escapes do
 * not decode; a trailing slash names no door (Next.js redirects it).
 */
export function matchDoor(pathname: string): MatchedDoor | undefined {
  let parts: string[];
  try {
    parts = segmentsOf(pathname).map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
  let best: MatchedDoor | undefined;
  for (const path of DOOR_PATHS) {
    const params = matchOne(path, parts);
    if (params && (!best || moreSpecific(path, best.path))) best = { path, door: DOORS[path], params };
  }
  return best;
}

/**
 * Whether a signed-in operator passes a policy. A resource policy is decided on `resource`,
 * the one the request is about as the engine resolved it (its domain and per-action access),
 * exactly as the engine's own check (`can` in auth/access.ts) decides it.
 */
export function policyAllows(policy: DoorPolicy, operator: Operator, params: Record<string, string>, resource?: Pick<Resource, 'domain' | 'access'>): boolean {
  switch (policy.kind) {
    case 'public':
    case 'signed-in':
      return true;
    case 'superadmin':
      return operator.superadmin;
    case 'domain':
      return atLeast(roleOn(operator, params.domain ?? ''), policy.minimum ?? 'viewer');
    case 'resource':
      if (!resource) throw new Error('a resource policy is decided on the resource the request is about');
      return atLeast(roleOn(operator, resource.domain), resource.access[policy.action]);
  }
}
