import type { Operator } from '../auth/operator';
import type { Row, Tx } from '../db/query';
import { HubError } from '../errors';
import type { DeleteAction, FieldErrors, RowValues, SaveAction, WriteValues } from '../resources/hooks';
import type { Resource } from '../resources/types';
import { RecordValidationError } from './errors';

/*
 * Runs a definition's `validate` and write hooks (ResourceDef.validate / .hooks, typed in
 * resources/hooks.ts) for the writes in write-record.ts and bulk.ts, always inside the write's
 * audited transaction: what they do commits with the write and its audit entry, and whatever
 * they throw rolls all of it back. A HubError thrown by a hook is a refusal in words (a field's
 * message, with fieldError / formError); anything else is an unexpected error, left as it is
 * for the boundary that logs it once.
 */

/** A refusal from a hook or `validate`, under a field: `throw fieldError('slug', 'Already taken.')`. */
export function fieldError(column: string, message: string): RecordValidationError {
  return new RecordValidationError({ [column]: message });
}

/** A refusal from a hook for the form as a whole: `throw formError('Published posts cannot be deleted.')`. */
export function formError(message: string): RecordValidationError {
  return new RecordValidationError({}, message);
}

// HubErrors a hook threw: a refusal of that one row, which a bulk run reports and goes on (bulk.ts).
const hookRefusals = new WeakSet<object>();

/** Whether a hook threw this error as a refusal in words (a HubError). */
export function refusedByHook(error: unknown): error is HubError {
  return typeof error === 'object' && error !== null && hookRefusals.has(error);
}

async function called<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubError) hookRefusals.add(error);
    throw error;
  }
}

// Hooks get copies: the row and values the engine writes and audits are its own.
const rowCopy = (row: Row) => ({ ...row }) as RowValues;
const valuesCopy = (values: Record<string, unknown>) => ({ ...values }) as WriteValues;

export interface SaveScope {
  tx: Tx;
  operator: Operator;
  resource: Resource;
  action: SaveAction;
  /** The row before the write, locked (update); undefined on create. */
  row: Row | undefined;
}

/** Whether a save needs the row before it (locked) for its hooks, beyond what the write itself reads. */
export function hasSaveHooks(resource: Resource): boolean {
  return resource.hooks.validate !== undefined || resource.hooks.beforeSave !== undefined || resource.hooks.afterSave !== undefined;
}

/**
 * The values a save writes: the value model's result (`parsed`), checked by the definition's
 * `validate` and passed through `beforeSave`. Every problem at once, as one
 * RecordValidationError: the engine's own (`engineErrors`, which win on their field, and whose
 * fields `validate` does not see) and `validate`'s. Nothing is written when there is any.
 */
export async function valuesToSave(
  scope: SaveScope,
  parsed: Record<string, unknown>,
  engineErrors: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const { validate, beforeSave } = scope.resource.hooks;
  const context = { tx: scope.tx, operator: scope.operator, action: scope.action, row: scope.row && rowCopy(scope.row) };
  const found = validate ? await called(() => validate(valuesCopy(parsed), context)) : undefined;
  const refusal = mergeErrors(scope.resource, engineErrors, found ?? undefined);
  if (refusal) throw refusal;
  if (!beforeSave) return parsed;
  const values = valuesCopy(parsed);
  const returned = await called(() => beforeSave({ ...context, values }));
  return checkedValues(scope.resource, returned ?? values);
}

/** afterSave, with the row as written (a copy: the audit entry is made from the row itself). */
export async function afterSave(scope: SaveScope, written: Row): Promise<void> {
  const hook = scope.resource.hooks.afterSave;
  if (hook)
    await called(() => hook({ tx: scope.tx, operator: scope.operator, action: scope.action, row: scope.row && rowCopy(scope.row), values: rowCopy(written) }));
}

/** beforeDelete, on the locked row about to be deleted (soft or for good). */
export async function beforeDelete(tx: Tx, operator: Operator, resource: Resource, action: DeleteAction, row: Row): Promise<void> {
  const hook = resource.hooks.beforeDelete;
  if (hook) await called(() => hook({ tx, operator, action, row: rowCopy(row) }));
}

/**
 * One RecordValidationError of the engine's messages and `validate`'s, or undefined when there
 * are none. `_form` (and a key that names no column, which no field would show) is the form's message.
 */
function mergeErrors(resource: Resource, engine: Record<string, string>, found: FieldErrors | undefined): RecordValidationError | undefined {
  if (found !== undefined && (typeof found !== 'object' || found === null || Array.isArray(found)))
    throw new TypeError(`validate of ${resource.domain}/${resource.name} must return field errors ({ column: message }) or nothing.`);
  const fieldErrors = { ...engine };
  const formMessages: string[] = [];
  for (const [key, message] of Object.entries(found ?? {})) {
    if (message === undefined || message === null || message === '') continue;
    const text = String(message);
    const column = resource.columns.find((c) => c.name === key);
    if (key !== '_form' && column) fieldErrors[key] ??= text;
    else formMessages.push(key === '_form' ? text : `${key}: ${text}`);
  }
  if (Object.keys(fieldErrors).length === 0 && formMessages.length === 0) return undefined;
  return new RecordValidationError(fieldErrors, formMessages.length > 0 ? formMessages.join(' ') : undefined);
}

/**
 * What beforeSave hands back, checked: an object whose keys are declared columns (each one is
 * quoted into the SQL from the definition; a hook naming another is a bug, an unexpected error).
 * A key set to `undefined` is left out (not given / unchanged).
 */
function checkedValues(resource: Resource, values: unknown): Record<string, unknown> {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw new TypeError(`beforeSave of ${resource.domain}/${resource.name} must change context.values or return the values to write.`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!resource.columns.some((c) => c.name === key))
      throw new TypeError(`beforeSave of ${resource.domain}/${resource.name} set "${key}", which is not a column of its definition.`);
    out[key] = value;
  }
  return out;
}
