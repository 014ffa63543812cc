import type { Operator } from '../auth/operator';
import type { PoolName } from '../db/pools';
import { targetFor, type DomainName } from '../config/current';
import { query, withTransaction, type TransactionOptions, type Tx } from '../db/query';
import { parseLsn, readAfterOf } from '../db/read-after';
import { logger } from '../log';
import { recordPendingWrites, settleCommittedLater, type AuditEntry } from './record';
import { settlePendingAudit } from './settle';

/** One change the transaction made, as the log records it (who and which domain are the transaction's). */
export type AuditedChange = Omit<AuditEntry, 'actor' | 'domain'>;

/** What the work of an audited transaction is handed besides `tx`: where it notes its changes. */
export interface AuditLedger {
  /**
   * Notes a change this transaction made. Call it once the change is certain to be part of
   * the transaction (after its savepoint is released, for a row under one): every change
   * noted is written to the log, pending, just before COMMIT. `xid` is the domain
   * transaction's id when a statement already returned it (saves a round trip).
   */
  record(change: AuditedChange, xid?: string): void;
}

export interface AuditedResult<T> {
  value: T;
  /** The log entries written for this transaction, in the order their changes were noted. */
  auditIds: string[];
}

/**
 * The one way the hub changes a domain database: every create, update, delete, restore,
 * custom action, bulk batch and revert runs its statements here, so the exactly-once audit
 * protocol (README, "The audit log") is written once:
 *
 * 1. `work` runs inside one domain transaction and notes each change on the ledger;
 * 2. just before COMMIT the noted entries go to the hub database as `pending` in one INSERT,
 *    carrying the domain transaction's id; if the hub cannot take them, `work`'s changes roll
 *    back with them, so nothing changes without a record;
 * 3. after COMMIT returns, the entries are settled `committed` in the background
 *    (`settleCommittedLater`);
 * 4. if anything fails once the entries were written (COMMIT itself refused, say a deferred
 *    constraint, or the connection lost), the domain is asked what became of the transaction
 *    (`pg_xact_status`) and the entries are settled from its answer: a rolled-back change is
 *    `aborted` and never shows as a change. A process that dies in between leaves them to the
 *    periodic sweep, which asks the same question.
 *
 * A transaction that notes nothing writes no entry. Access checks and the mapping of database
 * refusals are the caller's: this is only the protocol.
 */
export async function auditedTransaction<T>(
  domain: PoolName,
  operator: Pick<Operator, 'id' | 'email'>,
  work: (tx: Tx, audit: AuditLedger) => Promise<T>,
  options: TransactionOptions = {},
): Promise<AuditedResult<T>> {
  let auditIds: string[] = [];
  try {
    const value = await withTransaction(
      domain,
      async (tx) => {
        const changes: AuditedChange[] = [];
        let knownXid: string | undefined;
        const ledger: AuditLedger = {
          record(change, xid) {
            changes.push(change);
            knownXid ??= xid;
          },
        };
        const value = await work(tx, ledger);
        // Last thing before COMMIT (see above).
        const entries = changes.map((change): AuditEntry => ({ ...change, actor: { id: operator.id, email: operator.email }, domain }));
        auditIds = await recordPendingWrites(tx, entries, knownXid);
        return value;
      },
      options,
    );
    settleCommittedLater(auditIds);
    if (auditIds.length > 0) await rememberCommit(domain, operator);
    return { value, auditIds };
  } catch (error) {
    // The entries may claim a change COMMIT did not make: the domain says which it was.
    if (auditIds.length > 0) void settlePendingAudit({ ids: auditIds }).catch(() => undefined);
    throw error;
  }
}

const log = logger('replica');

/**
 * After a commit on a domain that has a read replica: the primary's WAL position now covers
 * the commit, so the operator's next reads of the domain wait for the replica to pass it
 * (db/read-after.ts). The change is made whatever happens here; a failure only costs that.
 */
async function rememberCommit(domain: PoolName, operator: object): Promise<void> {
  const readAfter = readAfterOf(operator);
  if (!readAfter || domain === 'hub' || domain.endsWith('@replica') || !targetFor(domain as DomainName).read) return;
  try {
    const [row] = await query<{ lsn: string }>(domain, 'SELECT pg_current_wal_lsn()::text AS lsn');
    const lsn = parseLsn(row!.lsn);
    if (lsn !== undefined) readAfter.note(domain, lsn);
  } catch (error) {
    log.warn(
      `domain "${domain}": the commit's WAL position could not be read (${(error as Error).message}); the next read may come from the replica before it replays the change`,
    );
  }
}
