import type { Operator } from '../auth/operator';
import { targetFor, type DomainName } from '../config/current';
import { decodeRecordId } from '../records/record-id';
import type { ResolvedInternalAction, Resource } from '../resources/types';
import { authorizeInternal, callInternal, type InternalCallResult } from './call';

/** An internal action as the page shows it. */
export interface InternalActionInfo extends ResolvedInternalAction {
  name: string;
}

/**
 * The internal actions of a resource for this operator (refused without the `internal` role),
 * and whether the domain's service is configured at all.
 */
export function listInternalActions(operator: Operator | null, domain: DomainName, resource: Resource): { actions: InternalActionInfo[]; configured: boolean } {
  authorizeInternal(operator, domain, resource);
  return {
    actions: Object.entries(resource.internalActions).map(([name, a]) => ({
      name,
      label: a.label,
      scope: a.scope,
      confirm: a.confirm,
    })),
    configured: targetFor(domain).internal !== undefined,
  };
}

/**
 * Runs a resource's declared internal action. The service receives, signed:
 *
 *   { "action": "regenerate-summary", "domain": "blog", "resource": "posts",
 *     "recordId": "42", "key": { "id": "42" },            (row actions only)
 *     "actor": { "id": "…", "email": "ada@example.com" },
 *     "idempotencyKey": "…" }                              (added by callInternal)
 *
 * `key` holds the record's primary-key values by column. The body depends only on the click
 * (never on the time), so a retry with the same idempotency key sends the same bytes.
 */
export async function runInternalAction(
  operator: Operator | null,
  domain: DomainName,
  resource: Resource,
  action: string,
  options: { recordId?: string; idempotencyKey?: string; timeoutMs?: number } = {},
): Promise<InternalCallResult> {
  authorizeInternal(operator, domain, resource);
  const definition = Object.hasOwn(resource.internalActions, action) ? resource.internalActions[action] : undefined;
  const key =
    definition?.scope === 'row' && options.recordId
      ? Object.fromEntries(resource.primaryKey.map((column, i) => [column, decodeRecordId(resource, options.recordId!)[i]]))
      : undefined;
  const body = {
    action,
    domain,
    resource: resource.name,
    ...(options.recordId !== undefined ? { recordId: options.recordId } : {}),
    ...(key ? { key } : {}),
    actor: { id: operator.id, email: operator.email },
  };
  return callInternal(operator, domain, action, body, { resource, ...options });
}
