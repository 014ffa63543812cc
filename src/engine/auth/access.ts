import type { Resource, ResolvedColumn } from '../resources/types';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { refusalMessage } from './refusals';
import { roleOn, type Operator } from './operator';
import { atLeast, type Action } from './roles';
import { resolveRowScope } from './row-scope';

/** True when the operator may do `action` on the resource (its domain role meets the bar). */
export function can(operator: Operator | null, resource: Resource, action: Action): boolean {
  return operator !== null && atLeast(roleOn(operator, resource.domain), resource.access[action]);
}

/**
 * The engine's gate, called at the start of every data operation. Throws 401 without an
 * operator and 403 without the role; the check is on the resource, before any row is
 * read, so the answer is the same whether or not a given record exists. The refusal says in
 * words what was refused and the role it needs (auth/refusals.ts).
 */
export function authorize(operator: Operator | null, resource: Resource, action: Action): asserts operator is Operator {
  if (!operator) throw new UnauthenticatedError();
  if (!can(operator, resource, action)) throw new ForbiddenError(refusalMessage(resource, action));
}

/** Columns whose values this operator sees masked. */
export function maskedColumns(operator: Operator, resource: Resource): Set<string> {
  const role = roleOn(operator, resource.domain);
  return new Set(resource.columns.filter((c) => c.secret || (c.mask && !atLeast(role, c.mask.visibleFrom))).map((c) => c.name));
}

export function maskValue(column: ResolvedColumn, value: unknown): unknown {
  if (value === null || value === undefined || !column.mask) return value;
  if (column.mask.kind === 'email' && typeof value === 'string' && value.includes('@')) {
    const [local, domain] = value.split('@') as [string, string];
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return '***';
}

/** A domain the operator has any role on (superadmins: every domain). */
export function canSeeDomain(operator: Operator, domain: string): boolean {
  return roleOn(operator, domain) !== undefined;
}

/**
 * The resource limited to the rows this operator may see and change: the definition's row
 * scope (ResourceDef.scope) resolved for them and added to `scope`, which every statement of
 * the engine carries (lists, counts, records, writes, exports, bulk, labels). Applied once:
 * the result has no `rowScope` left, so applying it again changes nothing. Without an
 * operator nothing is applied: `authorize` refuses before any row is read.
 */
export function withRowScope(operator: Operator | null, resource: Resource): Resource {
  if (!operator || !resource.rowScope) return resource;
  return { ...resource, scope: [...resource.scope, ...resolveRowScope(operator, resource)], rowScope: undefined };
}

/**
 * The resource as this operator may use it: only the rows of their row scope (withRowScope);
 * masked columns keep their place in the list but cannot be searched, sorted or filtered, so
 * their values cannot be guessed through it. Pages hand this version to the browser, so it
 * offers no control that would be refused.
 */
export function resourceAsSeenBy(operator: Operator, resource: Resource): Resource {
  const scoped = withRowScope(operator, resource);
  const masked = maskedColumns(operator, scoped);
  // Filtering by related rows of a resource one may not read would reveal those rows: not offered.
  // Those one may read count only within the referrer's row scope for this operator.
  const readable = scoped.referrers.filter((r) => atLeast(roleOn(operator, scoped.domain), r.readRole));
  const referrers = readable.map((r) => (r.scopeFor ? { ...r, scope: r.scopeFor(operator), scopeFor: undefined } : r));
  if (masked.size === 0 && readable.length === scoped.referrers.length && !readable.some((r) => r.scopeFor)) return scoped;
  return {
    ...scoped,
    referrers,
    columns: scoped.columns.map((c) => (masked.has(c.name) ? { ...c, sortable: false, searchable: false, filter: undefined } : c)),
  };
}
