import { authorize, maskedColumns } from '../auth/access';
import type { Operator } from '../auth/operator';
import { atLeast, type Action } from '../auth/roles';
import { roleOn } from '../auth/operator';
import { ForbiddenError } from '../auth/errors';
import { customActionRefusal } from '../auth/refusals';
import type { PoolName } from '../db/pools';
import { withTransaction, type Row, type Tx } from '../db/query';
import { Params, quoteIdent, quoteTable } from '../list/sql';
import type { Resource } from '../resources/types';
import { recordPendingWrite, settleCommittedLater, type AuditEntry } from '../audit/record';
import { describeChanges } from '../audit/changes';
import { settlePendingAudit } from '../audit/settle';
import { explainCheckViolation } from './check-rules';
import { fieldErrorsFromDatabase } from './db-errors';
import { RecordConflictError, RecordNotFoundError, RecordValidationError } from './errors';
import { parseInput } from './input-schema';
import { encodeRecordId, decodeRecordId } from './record-id';
import { exactlyOneRow } from './one-row';
import { keyCondition, maskRow, selectRecord, type LoadedRecord } from './read-record';

export interface WriteOutcome {
  id: string;
  row: Row;
  version: string | null;
  /** For custom actions: what the action said it did. */
  message?: string;
  /** The row before the change (updates, deletes, actions), for the audit record; not returned to callers. */
  before?: Row;
  /** The audit entry recorded with this write. */
  auditId?: string;
  /** For custom actions: the action's name. */
  customAction?: string;
  /** The domain transaction's id, when the write statement returned it (for the audit entry). */
  xid?: string;
}

/** What the audit log calls each engine action. */
const AUDIT_ACTION: Partial<Record<Action, string>> = {
  create: 'create',
  update: 'update',
  delete: 'soft_delete',
  restore: 'restore',
  hardDelete: 'hard_delete',
};

/** The one path every write takes: access, one transaction, database refusals as field messages. */
async function write(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  action: Action,
  work: (tx: Tx, operator: Operator) => Promise<WriteOutcome>,
): Promise<WriteOutcome> {
  authorize(operator, resource, action);
  if (resource.readOnly) throw new ForbiddenError(`${resource.title} is read-only in the hub.`);
  let auditId: string | undefined;
  try {
    const outcome = await withTransaction(domain, async (tx) => {
      const done = await work(tx, operator);
      // The audit record is written by this same path, last thing before COMMIT (see audit/).
      auditId = await recordPendingWrite(tx, auditEntry(operator, resource, action, done), done.xid);
      return done;
    });
    settleCommittedLater([auditId!]);
    const visible: WriteOutcome = { ...outcome, auditId, row: maskRow(operator, resource, outcome.row) };
    delete visible.before; // the unmasked before-image was for the audit record only
    delete visible.xid;
    return visible;
  } catch (error) {
    // COMMIT may have failed after the entry was recorded: ask the domain what happened.
    if (auditId) void settlePendingAudit().catch(() => undefined);
    const explained = await explainCheckViolation(domain, resource, error).catch(() => undefined);
    throw explained ?? fieldErrorsFromDatabase(resource, error, action === 'hardDelete' ? 'delete' : 'write') ?? error;
  }
}

export function auditEntry(operator: Operator, resource: Resource, action: Action, done: WriteOutcome): AuditEntry {
  const custom = action === 'read' && done.message !== undefined;
  return {
    actor: operator,
    domain: resource.domain,
    resource: resource.name,
    recordId: done.id,
    action: custom ? `action:${done.customAction ?? 'custom'}` : (AUDIT_ACTION[action] ?? action),
    changes: describeChanges(resource, done.before, action === 'hardDelete' ? undefined : done.row),
    detail: done.message,
  };
}

/**
 * Masked columns are not writable by those who see them masked: writing "***" back would
 * destroy data. A secret is the exception: nobody sees it, and a new value is what it is for.
 */
export function checkInput(operator: Operator, resource: Resource, mode: 'create' | 'update', input: Record<string, unknown>): Record<string, unknown> {
  const masked = maskedColumns(operator, resource);
  const secret = new Set(resource.columns.filter((c) => c.secret).map((c) => c.name));
  const refused = Object.keys(input).filter((k) => masked.has(k) && !secret.has(k));
  if (refused.length > 0) throw new RecordValidationError(Object.fromEntries(refused.map((k) => [k, 'You cannot change this field.'])));
  const parsed = parseInput(resource, mode, input);
  if (!parsed.ok) throw new RecordValidationError(parsed.fieldErrors);
  return parsed.values;
}

function outcomeOf(resource: Resource, row: Row): WriteOutcome {
  const { __version, __xid, ...rest } = row;
  const clean = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  return { id: encodeRecordId(resource, clean), row: clean, version: (__version as string | null) ?? null, xid: (__xid as string | undefined) ?? undefined };
}

const RETURNING = 'RETURNING *, xmin::text AS "__version", pg_current_xact_id()::text AS "__xid"';
/**
 * PostgreSQL refuses `RETURNING xmin` from an INSERT into a partitioned table ("cannot retrieve
 * a system column in this context"). A row this transaction inserted has this transaction's
 * xid as its xmin, which is the low 32 bits of pg_current_xact_id(): the same version,
 * without the system column, for every kind of table. (createRecord never runs inside a
 * savepoint, whose subtransaction would have an xid of its own.)
 */
const INSERT_RETURNING = 'RETURNING *, (pg_current_xact_id()::text::int8 % 4294967296)::text AS "__version", pg_current_xact_id()::text AS "__xid"';

export async function createRecord(operator: Operator | null, domain: PoolName, resource: Resource, input: Record<string, unknown>): Promise<WriteOutcome> {
  return write(operator, domain, resource, 'create', async (tx, op) => {
    const values = checkInput(op, resource, 'create', input);
    const params = new Params();
    const columns = Object.keys(values);
    const sql = columns.length
      ? `INSERT INTO ${quoteTable(resource.table)} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map((c) => params.add(values[c])).join(', ')}) ${INSERT_RETURNING}`
      : `INSERT INTO ${quoteTable(resource.table)} DEFAULT VALUES ${INSERT_RETURNING}`;
    const [row] = await tx.query(sql, params.values);
    return outcomeOf(resource, row!);
  });
}

/** Locks the row for the rest of the transaction, so the version check and the write see the same row. */
async function lockRow(tx: Tx, resource: Resource, id: string): Promise<LoadedRecord & { key: unknown[] }> {
  const key = decodeRecordId(resource, id);
  const loaded = await selectRecord(tx, resource, key, { lock: true });
  if (!loaded) throw new RecordNotFoundError(resource.title.toLowerCase());
  return { ...loaded, key };
}

/**
 * Saves an edit only if the row is still the version the operator saw; otherwise refuses
 * with both versions (RecordConflictError), so nobody's change is overwritten unseen.
 */
export async function updateRecord(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  id: string,
  input: Record<string, unknown>,
  expectedVersion: string,
): Promise<WriteOutcome> {
  return write(operator, domain, resource, 'update', async (tx, op) => {
    const values = checkInput(op, resource, 'update', input);
    const current = await lockRow(tx, resource, id);
    if (current.version !== expectedVersion) throw new RecordConflictError(maskRow(op, resource, current.row), current.version ?? '', input);
    return updateLocked(tx, resource, id, current, values);
  });
}

/** The UPDATE of a row `lockRow` returned, with values already checked. */
async function updateLocked(
  tx: Tx,
  resource: Resource,
  id: string,
  current: LoadedRecord & { key: unknown[] },
  values: Record<string, unknown>,
): Promise<WriteOutcome> {
  const columns = Object.keys(values);
  if (columns.length === 0) return { id, row: current.row, version: current.version, before: current.row };
  const params = new Params();
  const sets = columns.map((c) => `${quoteIdent(c)} = ${params.add(values[c])}`).join(', ');
  const row = exactlyOneRow(
    resource,
    await tx.query(`UPDATE ${quoteTable(resource.table)} SET ${sets} WHERE ${keyCondition(resource, current.key, params)} ${RETURNING}`, params.values),
  );
  return { ...outcomeOf(resource, row!), before: current.row };
}

function requireSoftDelete(resource: Resource): string {
  if (!resource.softDelete) throw new ForbiddenError(`${resource.title} has no soft delete; an admin can delete rows for good.`);
  return resource.softDelete;
}

/** Soft delete: sets the resource's soft-delete column; the row leaves the list and enters the trash. */
export async function softDeleteRecord(operator: Operator | null, domain: PoolName, resource: Resource, id: string): Promise<WriteOutcome> {
  return write(operator, domain, resource, 'delete', async (tx) => setDeleted(tx, resource, id, true));
}

export async function restoreRecord(operator: Operator | null, domain: PoolName, resource: Resource, id: string): Promise<WriteOutcome> {
  return write(operator, domain, resource, 'restore', async (tx) => setDeleted(tx, resource, id, false));
}

async function setDeleted(tx: Tx, resource: Resource, id: string, deleted: boolean): Promise<WriteOutcome> {
  const column = requireSoftDelete(resource);
  const current = await lockRow(tx, resource, id);
  const params = new Params();
  const row = exactlyOneRow(
    resource,
    await tx.query(
      `UPDATE ${quoteTable(resource.table)} SET ${quoteIdent(column)} = ${deleted ? 'now()' : 'NULL'} WHERE ${keyCondition(resource, current.key, params)} ${RETURNING}`,
      params.values,
    ),
  );
  return { ...outcomeOf(resource, row!), before: current.row };
}

/**
 * Transaction-level steps of the per-row writes, for bulk batches (bulk.ts) that write many
 * rows in one transaction: the same row lock and statements as updateRecord (without its
 * version check), softDeleteRecord and restoreRecord. The caller does what `write()` does
 * around them: access, the transaction, the audit entry (`auditEntry`) and error mapping.
 * `values` must already be parsed (parseInput) and allowed for the operator.
 */
export const rowWritesInTransaction = {
  update: async (tx: Tx, resource: Resource, id: string, values: Record<string, unknown>): Promise<WriteOutcome> =>
    updateLocked(tx, resource, id, await lockRow(tx, resource, id), values),
  softDelete: (tx: Tx, resource: Resource, id: string): Promise<WriteOutcome> => setDeleted(tx, resource, id, true),
  restore: (tx: Tx, resource: Resource, id: string): Promise<WriteOutcome> => setDeleted(tx, resource, id, false),
};

/**
 * Deletes for good (admins only). The operator types the record id to confirm; a row other
 * rows still reference is refused with a message saying so, and nothing is deleted.
 */
export async function hardDeleteRecord(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  id: string,
  confirmation: string,
): Promise<WriteOutcome> {
  return write(operator, domain, resource, 'hardDelete', async (tx) => {
    // The operator types the id as shown (decoded); the URL form is accepted too. An id that
    // does not decode (a broken %-escape) names no record: 404 before it is compared.
    decodeRecordId(resource, id);
    const shown = decodeURIComponent(id);
    if (confirmation !== id && confirmation !== shown) throw new RecordValidationError({}, `Type ${shown} to confirm.`);
    const current = await lockRow(tx, resource, id);
    const params = new Params();
    const deleted = exactlyOneRow(
      resource,
      await tx.query<{ xid: string }>(
        `DELETE FROM ${quoteTable(resource.table)} WHERE ${keyCondition(resource, current.key, params)} RETURNING pg_current_xact_id()::text AS xid`,
        params.values,
      ),
    );
    return { id, row: current.row, version: null, before: current.row, xid: deleted?.xid };
  });
}

/** A custom action from the definition, run on one locked row inside the write transaction. */
export async function runCustomAction(operator: Operator | null, domain: PoolName, resource: Resource, id: string, name: string): Promise<WriteOutcome> {
  const action = resource.actions[name];
  if (!action) throw new RecordNotFoundError(`action "${name}"`);
  return write(operator, domain, resource, 'read', async (tx, op) => {
    if (!atLeast(roleOn(op, resource.domain), action.role ?? 'admin'))
      throw new ForbiddenError(customActionRefusal(resource, action.label, action.role ?? 'admin'));
    const current = await lockRow(tx, resource, id);
    const message = (await action.run({ tx, row: current.row, operator: op })) ?? `${action.label}: done.`;
    const after = await selectRecord(tx, resource, current.key);
    return { id, row: after?.row ?? current.row, version: after?.version ?? null, message, before: current.row, customAction: name };
  });
}
