import type { Operator } from '../auth/operator';
import { execute, query, type Tx } from '../db/query';
import { logger } from '../log';
import { requestContext } from './request-context';

const log = logger('audit');

export interface AuditEntry {
  actor: Pick<Operator, 'id' | 'email'> | null;
  domain?: string;
  resource?: string;
  recordId?: string;
  action: string;
  changes?: unknown;
  detail?: string;
}

const INSERT = `INSERT INTO hub_audit (actor_id, actor_email, domain, resource, record_id, action, changes, request_id, ip, user_agent, domain_xid, outcome, detail)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id::text AS id`;

function values(entry: AuditEntry, xid: string | null, outcome: string): unknown[] {
  const context = requestContext();
  return [
    entry.actor?.id ?? null,
    entry.actor?.email ?? null,
    entry.domain ?? null,
    entry.resource ?? null,
    entry.recordId ?? null,
    entry.action,
    entry.changes === undefined || entry.changes === null ? null : JSON.stringify(entry.changes),
    context?.requestId ?? null,
    context?.ip ?? null,
    context?.userAgent?.slice(0, 500) ?? null,
    xid,
    outcome,
    entry.detail ?? null,
  ];
}

/**
 * Step 1 of an audited domain write, called inside the domain transaction just before it
 * commits: records the entry in the hub database as *pending*, with the domain
 * transaction's id. If the hub database is unreachable this throws, the domain transaction
 * rolls back, and nothing was changed without a record.
 */
export async function recordPendingWrite(tx: Tx, entry: AuditEntry, knownXid?: string): Promise<string> {
  // Writes usually bring the id back with their RETURNING clause, saving this round trip.
  const xid = knownXid ?? ((await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid'))[0]!.xid);
  const [row] = await query<{ id: string }>('hub', INSERT, values(entry, xid, 'pending'));
  return row!.id;
}

/**
 * Step 2, after the domain COMMIT returned: the entry now claims a committed write. If the
 * process dies between COMMIT and this, the settler reads the outcome from the domain
 * (pg_xact_status) at the next start or sweep.
 */
export async function settleAudit(ids: string[], outcome: 'committed' | 'aborted' | 'unknown'): Promise<void> {
  if (ids.length === 0) return;
  await execute('hub', "UPDATE hub_audit SET outcome = $1, settled_at = clock_timestamp() WHERE id = ANY($2::bigint[]) AND outcome = 'pending'", [outcome, ids]);
}

/** A hub event with no domain transaction behind it: sign-in, role change, export… */
export async function recordEvent(entry: AuditEntry, outcome: 'succeeded' | 'failed'): Promise<void> {
  try {
    await query('hub', INSERT, values(entry, null, outcome));
  } catch (error) {
    // An event (unlike a write) has nothing to roll back; losing it must at least be loud.
    log.error(`could not record ${entry.action} by ${entry.actor?.email ?? 'anonymous'}: ${(error as Error).message}`);
  }
}

/**
 * A change to the hub's own data (roles, operators, sessions), recorded in the same hub
 * transaction as the change: one commits with the other or neither does.
 */
export async function recordHubChange(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.query(INSERT, values({ domain: 'hub', ...entry }, null, 'committed'));
}
