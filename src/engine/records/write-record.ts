import { authorize, maskedColumns, withRowScope } from '../auth/access';
import { say } from '../i18n/say';
import type { Operator } from '../auth/operator';
import { atLeast, customActionRole } from '../auth/roles';
import { roleOn } from '../auth/operator';
import { ForbiddenError } from '../auth/errors';
import { customActionRefusal } from '../auth/refusals';
import type { PoolName } from '../db/pools';
import type { Tx } from '../db/query';
import type { ResolvedCustomAction, Resource } from '../resources/types';
import type { AuditAction } from '../audit/action-kind';
import { auditedTransaction, type AuditedChange } from '../audit/audited-transaction';
import { describeChanges } from '../audit/changes';
import { explainCheckViolation } from './check-rules';
import { fieldErrorsFromDatabase } from './db-errors';
import { RecordConflictError, RecordNotFoundError, RecordValidationError } from './errors';
import { parsedFields, parseInput } from './input-schema';
import { decodeRecordId } from './record-id';
import { displayRecordId } from '../shared/record-id';
import { maskRow, selectRecord } from './read-record';
import { deleteLockedRow, insertRow, lockRow, setDeletedRow, updateLockedRow, type WriteOutcome } from './row-statements';
import { afterSave, beforeDelete, valuesToSave, type SaveScope } from './write-hooks';

export type { WriteOutcome } from './row-statements';

/** The kinds of write: the engine's access actions, plus the definition's custom actions. */
export type WriteKind = 'create' | 'update' | 'delete' | 'restore' | 'hardDelete' | 'custom';

/** What the audit log calls each kind of write. */
const AUDIT_ACTION: Record<WriteKind, AuditAction> = {
  create: 'create',
  update: 'update',
  delete: 'soft_delete',
  restore: 'restore',
  hardDelete: 'hard_delete',
  custom: 'custom',
};

/** A write as `write()` runs it: its kind, and what the audit entry says besides the change. */
type WriteSpec = { kind: Exclude<WriteKind, 'custom'>; detail?: string } | { kind: 'custom'; name: string; action: ResolvedCustomAction };

/**
 * The role a custom action needs: what its definition states, else the resource's update role
 * (`access.update`), on top of reading the resource. Checked here, in the data path, whatever
 * page or route asked.
 */
export function authorizeCustomAction(operator: Operator | null, resource: Resource, action: ResolvedCustomAction): asserts operator is Operator {
  authorize(operator, resource, 'read');
  const role = customActionRole(action, resource.access);
  if (!atLeast(roleOn(operator, resource.domain), role)) throw new ForbiddenError(customActionRefusal(resource, action.label, role));
}

/**
 * Every single-row write: access, then one audited transaction (auditedTransaction: the change
 * and its one audit entry commit together or not at all), database refusals as field messages.
 */
async function write(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  spec: WriteSpec,
  work: (tx: Tx, operator: Operator) => Promise<WriteOutcome>,
): Promise<WriteOutcome> {
  if (spec.kind === 'custom') authorizeCustomAction(operator, resource, spec.action);
  else authorize(operator, resource, spec.kind);
  if (resource.readOnly) throw new ForbiddenError(say('records.readOnly', { title: resource.title }));
  try {
    const { value: outcome, auditIds } = await auditedTransaction(domain, operator, async (tx, audit) => {
      const done = await work(tx, operator);
      audit.record(
        spec.kind === 'custom'
          ? changeEntry(resource, 'custom', done, { actionName: spec.name, detail: done.message })
          : changeEntry(resource, spec.kind, done, { detail: spec.detail }),
        done.xid,
      );
      return done;
    });
    const visible: WriteOutcome = { ...outcome, auditId: auditIds[0], row: maskRow(operator, resource, outcome.row) };
    delete visible.before; // the unmasked before-image was for the audit record only
    delete visible.xid;
    return visible;
  } catch (error) {
    const explained = await explainCheckViolation(domain, resource, error).catch(() => undefined);
    throw explained ?? fieldErrorsFromDatabase(resource, error, spec.kind === 'hardDelete' ? 'delete' : 'write') ?? error;
  }
}

/** The audit entry of one row's write: the changed columns (masked as stored), and what else the log says. */
export function changeEntry(resource: Resource, kind: WriteKind, done: WriteOutcome, extra: { actionName?: string; detail?: string } = {}): AuditedChange {
  return {
    resource: resource.name,
    recordId: done.id,
    action: AUDIT_ACTION[kind],
    changes: describeChanges(resource, done.before, kind === 'hardDelete' ? undefined : done.row),
    ...(extra.actionName !== undefined ? { actionName: extra.actionName } : {}),
    ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
  };
}

/**
 * An input through the value model: the values ready for SQL, or (thrown) every field's
 * problem. Masked columns are not writable by those who see them masked: writing "***" back
 * would destroy data. A secret is the exception: nobody sees it, and a new value is what it is for.
 */
export function checkInput(operator: Operator, resource: Resource, mode: 'create' | 'update', input: Record<string, unknown>): Record<string, unknown> {
  const { values, errors } = parsedInput(operator, resource, mode, input);
  if (errors) throw new RecordValidationError(errors);
  return values;
}

/**
 * checkInput for a save that runs the definition's `validate` too: the value model's problems
 * are not thrown but returned with the fields that did parse, so `validate` adds its own and
 * the operator reads them all at once. Without a `validate`, checkInput.
 */
function parsedInput(
  operator: Operator,
  resource: Resource,
  mode: 'create' | 'update',
  input: Record<string, unknown>,
): { values: Record<string, unknown>; errors?: Record<string, string> } {
  const masked = maskedColumns(operator, resource);
  const secret = new Set(resource.columns.filter((c) => c.secret).map((c) => c.name));
  const refused = Object.keys(input).filter((k) => masked.has(k) && !secret.has(k));
  if (refused.length > 0) throw new RecordValidationError(Object.fromEntries(refused.map((k) => [k, say('records.fieldLocked')])));
  const parsed = parseInput(resource, mode, input);
  if (parsed.ok) return { values: parsed.values };
  if (!resource.hooks.validate) throw new RecordValidationError(parsed.fieldErrors);
  return { values: parsedFields(resource, mode, input, parsed.fieldErrors), errors: parsed.fieldErrors };
}

export async function createRecord(operator: Operator | null, domain: PoolName, resource: Resource, input: Record<string, unknown>): Promise<WriteOutcome> {
  resource = withRowScope(operator, resource); // only rows of the operator's row scope: others are not found
  // The value model, the definition's `validate` and `beforeSave`, the INSERT, `afterSave`: one audited transaction (write-hooks.ts).
  return write(operator, domain, resource, { kind: 'create' }, async (tx, op) => {
    const { values: parsed, errors } = parsedInput(op, resource, 'create', input);
    const scope: SaveScope = { tx, operator: op, resource, action: 'create', row: undefined };
    const done = await insertRow(tx, resource, await valuesToSave(scope, parsed, errors));
    await afterSave(scope, done.row);
    return done;
  });
}

/**
 * Saves an edit only if the row is still the version the operator saw; otherwise refuses
 * with both versions (RecordConflictError), so nobody's change is overwritten unseen.
 * `audit.detail` is said in the entry beside the change (a revert names the entry it undoes).
 */
export async function updateRecord(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  id: string,
  input: Record<string, unknown>,
  expectedVersion: string,
  audit: { detail?: string } = {},
): Promise<WriteOutcome> {
  resource = withRowScope(operator, resource); // only rows of the operator's row scope: others are not found
  return write(operator, domain, resource, { kind: 'update', detail: audit.detail }, async (tx, op) => {
    const { values: parsed, errors } = parsedInput(op, resource, 'update', input);
    const current = await lockRow(tx, resource, id);
    // Input the value model refused is reported as such (with `validate`'s messages), not as a conflict.
    if (!errors && current.version !== expectedVersion) throw new RecordConflictError(maskRow(op, resource, current.row), current.version ?? '', input);
    const scope: SaveScope = { tx, operator: op, resource, action: 'update', row: current.row };
    const done = await updateLockedRow(tx, resource, id, current, await valuesToSave(scope, parsed, errors));
    await afterSave(scope, done.row);
    return done;
  });
}

export function requireSoftDelete(resource: Resource): string {
  if (!resource.softDelete) throw new ForbiddenError(say('records.noSoftDelete', { title: resource.title }));
  return resource.softDelete;
}

/** Soft delete: sets the resource's soft-delete column; the row leaves the list and enters the trash. */
export async function softDeleteRecord(operator: Operator | null, domain: PoolName, resource: Resource, id: string): Promise<WriteOutcome> {
  resource = withRowScope(operator, resource); // only rows of the operator's row scope: others are not found
  return write(operator, domain, resource, { kind: 'delete' }, async (tx, op) => {
    const column = requireSoftDelete(resource);
    if (resource.hooks.beforeDelete) await beforeDelete(tx, op, resource, 'delete', (await lockRow(tx, resource, id)).row);
    return setDeletedRow(tx, resource, column, id, true);
  });
}

export async function restoreRecord(operator: Operator | null, domain: PoolName, resource: Resource, id: string): Promise<WriteOutcome> {
  resource = withRowScope(operator, resource); // only rows of the operator's row scope: others are not found
  return write(operator, domain, resource, { kind: 'restore' }, async (tx) => setDeletedRow(tx, resource, requireSoftDelete(resource), id, false));
}

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
  resource = withRowScope(operator, resource); // only rows of the operator's row scope: others are not found
  return write(operator, domain, resource, { kind: 'hardDelete' }, async (tx, op) => {
    // The operator types the id as shown (decoded); the URL form is accepted too. An id that
    // does not decode (a broken %-escape) names no record: 404 before it is compared.
    decodeRecordId(resource, id);
    const shown = displayRecordId(id);
    if (confirmation !== id && confirmation !== shown) throw new RecordValidationError({}, say('records.typeToConfirm', { id: shown }));
    const current = await lockRow(tx, resource, id);
    await beforeDelete(tx, op, resource, 'hardDelete', current.row);
    return deleteLockedRow(tx, resource, id, current);
  });
}

/**
 * A custom action from the definition, run on one locked row inside an audited transaction:
 * what it changes commits with its one audit entry (action `custom`, the action's name, and
 * what it said it did), or nothing does. Needs the action's role (authorizeCustomAction).
 */
export async function runCustomAction(operator: Operator | null, domain: PoolName, resource: Resource, id: string, name: string): Promise<WriteOutcome> {
  resource = withRowScope(operator, resource); // only rows of the operator's row scope: others are not found
  const action = Object.hasOwn(resource.actions, name) ? resource.actions[name] : undefined;
  if (!action) throw new RecordNotFoundError(`action "${name}"`, say('records.actionNotFound', { name }));
  return write(operator, domain, resource, { kind: 'custom', name, action }, async (tx, op) => {
    const current = await lockRow(tx, resource, id);
    const message = (await action.run({ tx, row: current.row, operator: op })) ?? say('records.actionDone', { action: action.label });
    const after = await selectRecord(tx, resource, current.key);
    return { id, row: after?.row ?? current.row, version: after?.version ?? null, message, before: current.row };
  });
}
