import type { Action } from '@/engine/auth/roles';

/**
 * Who may use each route, declared in one place. The code of each route enforces it (pages
 * and handlers ask for the operator, the engine checks roles); the access-matrix test reads
 * this table, finds every route under src/app, fails when one is missing here, and checks
 * every route against every kind of operator.
 */
export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'superadmin' }
  /** A role on the domain in the URL: any role, or at least `minimum`. */
  | { kind: 'domain'; minimum?: 'viewer' | 'editor' | 'admin' }
  /** The role an action needs on a resource: the one in the URL, or a fixed one for custom pages. */
  | { kind: 'resource'; action: Action; resource?: { domain: string; name: string } };

export const routePolicies: Record<string, RoutePolicy> = {
  '/': { kind: 'signed-in' },
  '/sign-in': { kind: 'public' },
  '/d/[domain]': { kind: 'domain' },
  '/d/[domain]/[resource]': { kind: 'resource', action: 'read' },
  '/d/[domain]/[resource]/[id]': { kind: 'resource', action: 'read' },
  '/d/[domain]/[resource]/[id]/edit': { kind: 'resource', action: 'update' },
  '/d/[domain]/[resource]/new': { kind: 'resource', action: 'create' },
  '/d/market/vip-customers': { kind: 'resource', action: 'read', resource: { domain: 'market', name: 'customers' } },
  '/operators': { kind: 'superadmin' },
  '/operators/[id]': { kind: 'superadmin' },
  '/operators/new': { kind: 'superadmin' },
  '/audit': { kind: 'superadmin' },
  '/audit/[domain]': { kind: 'domain', minimum: 'admin' },
  '/api/audit/export': { kind: 'superadmin' },
  '/api/audit/[domain]/export': { kind: 'domain', minimum: 'admin' },
  '/search': { kind: 'signed-in' },
  '/api/search': { kind: 'signed-in' },
  '/api/health': { kind: 'public' },
  '/api/health/ready': { kind: 'public' },
  '/api/auth/[...all]': { kind: 'public' },
  '/api/d/[domain]/[resource]': { kind: 'resource', action: 'read' },
  '/api/d/[domain]/[resource]/export': { kind: 'resource', action: 'export' },
  '/api/d/[domain]/[resource]/bulk': { kind: 'resource', action: 'bulk' },
  '/api/internal-actions/[domain]/[resource]': { kind: 'resource', action: 'internal' },
};
