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
  /** Which one, for actions that have names: a custom action's or an internal action's name. */
  actionName?: string;
  changes?: unknown;
  detail?: string;
}

const INSERT_INTO =
  'INSERT INTO hub_audit (actor_id, actor_email, domain, resource, record_id, action, changes, request_id, ip, user_agent, domain_xid, outcome, detail, action_name)';
const INSERT = `${INSERT_INTO} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id::text AS id`;

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
    entry.actionName ?? null,
  ];
}

/**
 * Step 1 of an audited domain write (audited-transaction.ts runs the whole protocol; this is
 * exported for tests that stage its states), called inside the domain transaction just before it
 * commits: records the entry in the hub database as *pending*, with the domain
 * transaction's id. If the hub database is unreachable this throws, the domain transaction
 * rolls back, and nothing was changed without a record.
 */
export async function recordPendingWrite(tx: Tx, entry: AuditEntry, knownXid?: string): Promise<string> {
  // Writes usually bring the id back with their RETURNING clause, saving this round trip.
  const xid = knownXid ?? (await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid'))[0]!.xid;
  const [row] = await query<{ id: string }>('hub', INSERT, values(entry, xid, 'pending'));
  return row!.id;
}

/**
 * Step 1 for many writes of one domain transaction (a bulk batch): one INSERT for all their
 * entries instead of one round trip each. Same guarantees as `recordPendingWrite`.
 */
export async function recordPendingWrites(tx: Tx, entries: AuditEntry[], knownXid?: string): Promise<string[]> {
  if (entries.length === 0) return [];
  const xid = knownXid ?? (await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid'))[0]!.xid;
  const params: unknown[] = [];
  const rows = entries.map((entry) => {
    const row = values(entry, xid, 'pending').map((value) => `$${params.push(value)}`);
    return `(${row.join(', ')})`;
  });
  const inserted = await query<{ id: string }>('hub', `${INSERT_INTO} VALUES ${rows.join(', ')} RETURNING id::text AS id`, params);
  return inserted.map((r) => r.id);
}

/**
 * Marks entries settled. Used by the sweep (settle.ts) with what the domain said, and by
 * `settleCommittedLater` for writes whose COMMIT returned.
 */
/**
 * Marks pending entries with their outcome; returns how many it marked. An entry another
 * instance (or this one's background queue) settled first is left as it is: the first outcome
 * stands, and every instance asks the same domain, so they agree on it.
 */
export async function settleAudit(ids: string[], outcome: 'committed' | 'aborted' | 'unknown'): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await execute(
    'hub',
    "UPDATE hub_audit SET outcome = $1, settled_at = clock_timestamp() WHERE id = ANY($2::bigint[]) AND outcome = 'pending'",
    [outcome, ids],
  );
  return result.rowCount ?? 0;
}

// Entries whose domain COMMIT returned, waiting for their one batched UPDATE. One queue per
// process: shutdown (start.ts) flushes the queue server actions filled (one engine: next.config.mjs).
interface SettleQueue {
  queued: string[];
  draining?: Promise<void>;
}
const settling: SettleQueue = { queued: [] };

/**
 * Step 2, after the domain COMMIT returned: the entry now claims a committed write. This is
 * done in the background so a save answers after its COMMIT, not one more round trip later;
 * entries that commit while an UPDATE is in flight share the next one. Nothing depends on
 * it for correctness: until it lands the entry is `pending`, which History shows as settling,
 * and if the process dies first, the sweep asks the domain (pg_xact_status) and settles it.
 */
export function settleCommittedLater(ids: string[]): void {
  if (ids.length === 0) return;
  settling.queued.push(...ids);
  settling.draining ??= drain();
}

async function drain(): Promise<void> {
  try {
    while (settling.queued.length > 0) {
      const batch = settling.queued;
      settling.queued = [];
      await settleAudit(batch, 'committed').catch((error: Error) =>
        log.warn(`${batch.length} audit entr${batch.length === 1 ? 'y' : 'ies'} left pending for the sweep: ${error.message}`),
      );
    }
  } finally {
    settling.draining = undefined;
  }
}

/** Resolves once every entry queued so far is settled (or left to the sweep): for shutdown, reads that want settled entries, and tests. */
export async function flushAuditSettlement(): Promise<void> {
  while (settling.draining) await settling.draining;
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
