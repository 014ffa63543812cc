import { authorize } from '../auth/access';
import type { Operator } from '../auth/operator';
import { query } from '../db/query';
import { quoteIdent } from '../list/sql';
import type { Resource } from '../resources/types';

export type AuditChanges = { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;

/** One audit entry in full, as the log's detail drawer shows it. */
export interface AuditEntryDetail {
  id: string;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  domain: string | null;
  resource: string | null;
  record_id: string | null;
  action: string;
  /** A custom or internal action's name (see action-kind.ts). */
  action_name: string | null;
  outcome: string;
  changes: AuditChanges;
  detail: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

/**
 * One entry of the log `log` (auditResource(): the whole hub, or one domain's), by id, for
 * whoever may read that log: undefined when there is no such entry in it. The id comes from a
 * URL (`?entry=`), so anything but a bigint names no entry rather than reaching the database.
 */
export async function readAuditEntry(operator: Operator | null, log: Resource, id: string): Promise<AuditEntryDetail | undefined> {
  authorize(operator, log, 'read');
  if (!/^\d{1,18}$/.test(id)) return undefined;
  // The domain log's scope (domain = its name) applies here as it does to its list.
  const scope = log.scope.map((s, i) => `${quoteIdent(s.column)} = $${i + 2}`);
  const [row] = await query<Omit<AuditEntryDetail, 'at'> & { at: Date }>(
    'hub',
    `SELECT id::text AS id, at, actor_id, actor_email, domain, resource, record_id, action, action_name, outcome, changes, detail, ip, user_agent, request_id
       FROM hub_audit WHERE id = $1${scope.map((c) => ` AND ${c}`).join('')}`,
    [id, ...log.scope.map((s) => s.value)],
  );
  return row ? { ...row, at: row.at.toISOString() } : undefined;
}
