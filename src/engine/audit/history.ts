import { authorize, can, withRowScope } from '../auth/access';
import { say } from '../i18n/say';
import { refusalMessage } from '../auth/refusals';
import type { Operator } from '../auth/operator';
import type { PoolName } from '../db/pools';
import { query } from '../db/query';
import { auditActionOf } from './action-kind';
import { flushAuditSettlement } from './record';
import { RecordConflictError, RecordNotFoundError, RecordValidationError } from '../records/errors';
import { getRecord } from '../records/read-record';
import { writableColumns } from '../records/input-schema';
import { updateRecord, type WriteOutcome } from '../records/write-record';
import type { Resource } from '../resources/types';

export interface HistoryEntry {
  id: string;
  at: string;
  actorEmail: string | null;
  /** The log's action (audit/action-kind.ts): a custom action's entry is `custom`, also one written before that kind existed. */
  action: string;
  /** A custom action's name, when the entry says it. */
  actionName: string | null;
  outcome: string;
  changes: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
  detail: string | null;
  /** The changed columns' labels from the resource's definition ("Words" for word_count). */
  labels: Record<string, string>;
}

/** Labels of the columns an entry names; a column the definition no longer has keeps its name. */
function labelsFor(resource: Resource, changes: HistoryEntry['changes']): Record<string, string> {
  const names = Object.keys({ ...changes?.before, ...changes?.after });
  return Object.fromEntries(names.map((n) => [n, resource.columns.find((c) => c.name === n)?.label ?? n]));
}

/**
 * A record's audited changes, newest first: the History tab. Readable by whoever may read the
 * record. Entries of this process's own recent writes are settled first; one still pending
 * after that (another replica's write in flight, or one the sweep has yet to ask the domain
 * about) is listed with outcome `pending`, shown as "settling". Aborted writes are not listed.
 */
export async function recordHistory(operator: Operator | null, resource: Resource, recordId: string, limit = 100): Promise<HistoryEntry[]> {
  authorize(operator, resource, 'read');
  // Under a row scope, the history of a record outside it is as unknown as the record (404).
  if (withRowScope(operator, resource).scope.length > resource.scope.length) await getRecord(operator, resource.domain as PoolName, resource, recordId);
  await flushAuditSettlement();
  const rows = await query<{
    id: string;
    at: Date;
    actor_email: string | null;
    action: string;
    action_name: string | null;
    outcome: string;
    changes: HistoryEntry['changes'];
    detail: string | null;
  }>(
    'hub',
    `SELECT id::text AS id, at, actor_email, action, action_name, outcome, changes, detail FROM hub_audit
      WHERE domain = $1 AND resource = $2 AND record_id = $3 AND outcome IN ('committed', 'unknown', 'pending')
      ORDER BY at DESC, id DESC LIMIT $4`,
    [resource.domain, resource.name, recordId, limit],
  );
  return rows.map((r) => {
    const { action, name } = auditActionOf(r);
    return {
      id: r.id,
      at: r.at.toISOString(),
      actorEmail: r.actor_email,
      action,
      actionName: name ?? null,
      outcome: r.outcome,
      changes: r.changes,
      detail: r.detail,
      labels: labelsFor(resource, r.changes),
    };
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts back the values an update replaced, as a new update through the same audited write path
 * as an edit (updateRecord: one entry, action `update`, its detail naming the entry reverted,
 * e.g. "revert of entry 42"), with the version check of an edit. Refused when the row
 * changed since that entry (the same conflict check as an edit) or when the entry holds
 * masked values, which cannot be restored from the log.
 */
export async function revertEntry(operator: Operator | null, domain: PoolName, resource: Resource, auditId: string): Promise<WriteOutcome> {
  authorize(operator, resource, 'update');
  // Entry ids are bigints: anything else names no entry (and would be a database error, not a 404).
  if (!/^\d{1,18}$/.test(auditId)) throw new RecordNotFoundError('audit entry', say('records.auditEntryNotFound'));
  await flushAuditSettlement(); // an entry of a write this process just made is settled by now
  const [entry] = await query<{ record_id: string; action: string; outcome: string; changes: HistoryEntry['changes'] }>(
    'hub',
    'SELECT record_id, action, outcome, changes FROM hub_audit WHERE id = $1 AND domain = $2 AND resource = $3',
    [auditId, resource.domain, resource.name],
  );
  if (entry?.outcome === 'pending')
    throw new RecordValidationError({}, 'This change is still being confirmed with the domain database; try again in a moment.');
  if (!entry || entry.outcome !== 'committed') throw new RecordNotFoundError('audit entry', say('records.auditEntryNotFound'));
  if (entry.action !== 'update' || !entry.changes?.before || !entry.changes.after) throw new RecordValidationError({}, 'Only an update can be reverted.');
  const maskedColumn = Object.keys(entry.changes.before).find((c) => resource.columns.find((col) => col.name === c)?.mask);
  if (maskedColumn) throw new RecordValidationError({}, `This change includes ${maskedColumn}, which the log keeps masked: revert it by hand.`);
  if (!can(operator, resource, 'update')) throw new RecordValidationError({}, refusalMessage(resource, 'update'));
  const current = await getRecord(operator, domain, resource, entry.record_id);
  const changedSince = Object.keys(entry.changes.after).filter((c) => !same(current.row[c], entry.changes!.after![c]));
  if (changedSince.length > 0) throw new RecordConflictError(current.row, current.version ?? '', entry.changes.before);
  // Only what an operator could have typed goes back: columns the database sets (an updated_at its trigger
  // stamps, generated ones) and computed ones are set again by the database, and the write would refuse them.
  const writable = new Set(writableColumns(resource).map((c) => c.name));
  const input = Object.fromEntries(
    Object.entries(entry.changes.before)
      .filter(([k]) => writable.has(k))
      .map(([k, v]) => [k, v === null ? '' : typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v]),
  );
  if (Object.keys(input).length === 0) throw new RecordValidationError({}, 'This change touched only columns the database sets: there is nothing to revert.');
  return updateRecord(operator, domain, resource, entry.record_id, input, current.version!, { detail: `revert of entry ${auditId}` });
}
