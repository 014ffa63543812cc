import type { Row, Tx } from '../db/query';
import { Params, quoteIdent, quoteTable } from '../list/sql';
import type { Resource } from '../resources/types';
import { outOfScopeError, scopeChecksSql } from '../auth/row-scope';
import { RecordNotFoundError, RecordValidationError } from './errors';
import { exactlyOneRow } from './one-row';
import { keyCondition, selectRecord, type LoadedRecord } from './read-record';
import { decodeRecordId, encodeRecordId } from './record-id';
import { insertedVersionSql, rowVersionOf, versionSelectSql } from './row-version';

/*
 * The statements of the per-row writes, inside a transaction the caller opened with
 * `auditedTransaction` (audit/audited-transaction.ts): single writes (write-record.ts) and bulk
 * batches (bulk.ts) run the same ones. No access checks and no audit here; values must already
 * be parsed (parseInput) and allowed for the operator.
 */

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
  /** The domain transaction's id, when the write statement returned it (for the audit entry). */
  xid?: string;
}

export type LockedRow = LoadedRecord & { key: unknown[] };

function outcomeOf(resource: Resource, row: Row): WriteOutcome {
  const { __version, __xid, ...rest } = row;
  const clean = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  const version = rowVersionOf(resource, clean, (__version as string | null) ?? null);
  return { id: encodeRecordId(resource, clean), row: clean, version, xid: (__xid as string | undefined) ?? undefined };
}

/** A view has no xmin: its rows' version is computed from their values (row-version.ts). */
const returning = (resource: Resource) => `RETURNING *, ${versionSelectSql(resource)} AS "__version", pg_current_xact_id()::text AS "__xid"`;
/**
 * PostgreSQL refuses `RETURNING xmin` from an INSERT into a partitioned table ("cannot retrieve
 * a system column in this context"). A row this transaction inserted has this transaction's
 * xid as its xmin, which is the low 32 bits of pg_current_xact_id(): the same version,
 * without the system column, for every kind of table. (An insert never runs inside a
 * savepoint, whose subtransaction would have an xid of its own.)
 */
const insertReturning = (resource: Resource) => `RETURNING *, ${insertedVersionSql(resource)} AS "__version", pg_current_xact_id()::text AS "__xid"`;

export async function insertRow(tx: Tx, resource: Resource, values: Record<string, unknown>): Promise<WriteOutcome> {
  const params = new Params();
  const columns = Object.keys(values);
  const sql = columns.length
    ? `INSERT INTO ${quoteTable(resource.table)} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map((c) => params.add(values[c])).join(', ')}) ${insertReturning(resource)}`
    : `INSERT INTO ${quoteTable(resource.table)} DEFAULT VALUES ${insertReturning(resource)}`;
  const [row] = await tx.query(sql, params.values);
  return assertInScope(tx, resource, outcomeOf(resource, row!));
}

/**
 * A row written under a row scope (withRowScope) must still be inside it: a create outside it,
 * or an update that moves the row away, is refused on the field, inside the transaction, so
 * nothing is saved. Asked of PostgreSQL, in the columns' own types, by the row's key.
 */
async function assertInScope(tx: Tx, resource: Resource, outcome: WriteOutcome): Promise<WriteOutcome> {
  if (resource.scope.length === 0) return outcome;
  const params = new Params();
  const key = keyCondition(
    resource,
    resource.primaryKey.map((k) => outcome.row[k]),
    params,
  );
  const [checks] = await tx.query(
    `SELECT true AS "__row"${scopeChecksSql(resource.scope, params)} FROM ${quoteTable(resource.table)} WHERE ${key} LIMIT 1`,
    params.values,
  );
  const outside = outOfScopeError(resource, checks ?? {});
  if (outside) throw new RecordValidationError({ [outside.field]: outside.message });
  return outcome;
}

/** Locks the row for the rest of the transaction, so a version check and the write see the same row. */
export async function lockRow(tx: Tx, resource: Resource, id: string): Promise<LockedRow> {
  const key = decodeRecordId(resource, id);
  const loaded = await selectRecord(tx, resource, key, { lock: true });
  if (!loaded) throw new RecordNotFoundError(resource.title.toLowerCase());
  return { ...loaded, key };
}

/** The UPDATE of a row `lockRow` returned. */
export async function updateLockedRow(tx: Tx, resource: Resource, id: string, current: LockedRow, values: Record<string, unknown>): Promise<WriteOutcome> {
  const columns = Object.keys(values);
  if (columns.length === 0) return { id, row: current.row, version: current.version, before: current.row };
  const params = new Params();
  const sets = columns.map((c) => `${quoteIdent(c)} = ${params.add(values[c])}`).join(', ');
  const row = exactlyOneRow(
    resource,
    await tx.query(
      `UPDATE ${quoteTable(resource.table)} SET ${sets} WHERE ${keyCondition(resource, current.key, params)} ${returning(resource)}`,
      params.values,
    ),
  );
  return { ...(await assertInScope(tx, resource, outcomeOf(resource, row!))), before: current.row };
}

/** Soft delete (`deleted`) or restore: sets or clears the resource's soft-delete column on a locked row. */
export async function setDeletedRow(tx: Tx, resource: Resource, column: string, id: string, deleted: boolean): Promise<WriteOutcome> {
  const current = await lockRow(tx, resource, id);
  const params = new Params();
  const row = exactlyOneRow(
    resource,
    await tx.query(
      `UPDATE ${quoteTable(resource.table)} SET ${quoteIdent(column)} = ${deleted ? 'now()' : 'NULL'} WHERE ${keyCondition(resource, current.key, params)} ${returning(resource)}`,
      params.values,
    ),
  );
  return { ...outcomeOf(resource, row!), before: current.row };
}

/** DELETE of a row `lockRow` returned; the outcome carries the row that went. */
export async function deleteLockedRow(tx: Tx, resource: Resource, id: string, current: LockedRow): Promise<WriteOutcome> {
  const params = new Params();
  const deleted = exactlyOneRow(
    resource,
    await tx.query<{ xid: string }>(
      `DELETE FROM ${quoteTable(resource.table)} WHERE ${keyCondition(resource, current.key, params)} RETURNING pg_current_xact_id()::text AS xid`,
      params.values,
    ),
  );
  return { id, row: current.row, version: null, before: current.row, xid: deleted?.xid };
}
