import { auditedTransaction } from '../audit/audited-transaction';
import { say } from '../i18n/say';
import { exactCount } from '../list/run-list';
import { omitParams, POSITION_PARAMS, PRESENTATION_PARAMS } from '../shared/list-params';
import { recordEvent } from '../audit/record';
import { requestContext, runWithRequestContext } from '../audit/request-context';
import { authorize, can, maskedColumns, resourceAsSeenBy, withRowScope } from '../auth/access';
import { ForbiddenError } from '../auth/errors';
import type { Operator } from '../auth/operator';
import type { Action } from '../auth/roles';
import type { PoolName } from '../db/pools';
import type { Tx } from '../db/query';
import { whereConditions } from '../list/build-sql';
import { parseListQuery, type ListQuery, type SearchParams } from '../list/list-query';
import { Params, quoteIdent, quoteTable } from '../list/sql';
import { logger } from '../log';
import type { Resource } from '../resources/types';
import { explainCheckViolation } from './check-rules';
import { fieldErrorsFromDatabase } from './db-errors';
import { RecordNotFoundError, RecordValidationError, WriteCollisionError } from './errors';
import { writableColumns } from './input-schema';
import { encodeRecordId } from './record-id';
import { lockRow, setDeletedRow, updateLockedRow, type WriteOutcome } from './row-statements';
import { changeEntry, checkInput, requireSoftDelete, type WriteKind } from './write-record';
import { afterSave, beforeDelete, hasSaveHooks, refusedByHook, valuesToSave } from './write-hooks';
import { HubError } from '../errors';

/**
 * Bulk actions: soft delete, restore, or set one field, on selected rows or on every row a
 * list filter matches. Each row goes through the same statements (row-statements.ts) and the
 * same audit entry (`changeEntry`) as its single-row action, and each batch is one
 * `auditedTransaction`, the path every write takes; what bulk adds is batching and per-row
 * failure reporting:
 *
 * - rows are processed in batches (default 200), each batch one audited transaction whose
 *   rows' entries go to the hub in one INSERT;
 * - inside a batch every row runs under a SAVEPOINT, so a row the database refuses (a check
 *   constraint, a row that is gone) is rolled back alone and reported with its id and a
 *   readable reason, and the rest of the batch still commits;
 * - an error that is not about one row (connection lost, the hub's audit database down)
 *   rolls the current batch back and stops the run: earlier batches stay committed, and
 *   `BulkInterruptedError` says how far it got.
 *
 * Access: the `bulk` action (admin by default) and the per-row action's own role
 * (`delete`, `restore`, `update`), both checked before anything runs.
 */

const log = logger('bulk');

export type BulkAction =
  | { kind: 'delete' }
  | { kind: 'restore' }
  /** Sets one column to one value, validated by the resource's input schema for that column. */
  | { kind: 'set'; field: string; value: unknown };

export type BulkTarget =
  /** Record ids as the list's URLs spell them (record-id.ts). */
  | { ids: string[] }
  /**
   * Every row the list URL's parameters match (search, filters, trash; sort and position are
   * ignored: rows are walked in primary-key order). `confirmedCount` is the exact count the
   * operator was shown and confirmed; see `startBulk` for how it is enforced.
   */
  | { matching: SearchParams; confirmedCount: number };

export interface BulkFailure {
  id: string;
  reason: string;
}

export interface BulkResult {
  done: number;
  failed: BulkFailure[];
}

/** What one committed batch did, with running totals. */
export interface BulkBatchResult {
  /** 1-based. */
  batch: number;
  /** Rows this batch tried. */
  size: number;
  /** Running totals over every batch so far. */
  processed: number;
  done: number;
  /** Failures of this batch only. */
  failed: BulkFailure[];
}

export interface BulkOptions {
  /** Rows per batch (one transaction each). Default 200. */
  batchSize?: number;
  /** Stops before the next batch (the running one finishes and commits). */
  signal?: AbortSignal;
}

export interface BulkRun {
  /** Rows the run will try: the ids given, or the confirmed count. */
  total: number;
  /** Runs the batches one by one, yielding each after it committed; returns the totals. */
  batches(): AsyncGenerator<BulkBatchResult, BulkResult>;
}

/** Most ids one request may name; beyond that, select "all matching" a filter instead. */
export const MAX_BULK_IDS = 10_000;
const DEFAULT_BATCH_SIZE = 200;

/** A bulk request that cannot run as asked: a 400 with what was wrong. */
export class BulkRequestError extends HubError {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'BulkRequestError';
  }
}

/** The filter matches a different number of rows than the operator confirmed: a 409 with the current count. */
export class BulkCountMismatchError extends HubError {
  readonly status = 409;
  constructor(
    readonly confirmed: number,
    readonly current: number,
  ) {
    super(say('bulk.countMismatch', { current, confirmed }));
    this.name = 'BulkCountMismatchError';
  }

  override body() {
    return { error: this.message, matching: this.current, confirmed: this.confirmed };
  }
}

/** A batch failed for a reason that is not about one row; earlier batches stay committed. */
export class BulkInterruptedError extends Error {
  constructor(
    readonly result: BulkResult & { processed: number },
    cause: unknown,
  ) {
    super(say('bulk.stopped', { done: result.done, reason: (cause as Error)?.message ?? String(cause) }), { cause });
    this.name = 'BulkInterruptedError';
  }
}

const PER_ROW_ACTION: Record<BulkAction['kind'], Action> = { delete: 'delete', restore: 'restore', set: 'update' };

/** Which bulk actions an operator may run on a resource, and the fields "set" may write. */
export interface BulkCapabilities {
  delete: boolean;
  restore: boolean;
  set: boolean;
  fields: string[];
}

/** What each bulk action may do for this operator on this resource (for the page's bulk bar). */
export function bulkCapabilities(operator: Operator, resource: Resource): BulkCapabilities {
  const allowed = (kind: BulkAction['kind']) => !resource.readOnly && can(operator, resource, 'bulk') && can(operator, resource, PER_ROW_ACTION[kind]);
  return {
    delete: allowed('delete') && resource.softDelete !== undefined,
    restore: allowed('restore') && resource.softDelete !== undefined,
    set: allowed('set') && settableColumns(operator, resource).length > 0,
    fields: allowed('set') ? settableColumns(operator, resource) : [],
  };
}

/** Columns a bulk "set field" may write: writable, not a key, not masked for this operator. */
function settableColumns(operator: Operator, resource: Resource): string[] {
  const masked = maskedColumns(operator, resource);
  return writableColumns(resource)
    .filter((c) => !resource.primaryKey.includes(c.name) && !masked.has(c.name))
    .map((c) => c.name);
}

/** List parameters that place a page (or only the browser cares about) do not change what matches. */
export function matchingParams(params: SearchParams): SearchParams {
  return omitParams(params, [...POSITION_PARAMS, ...PRESENTATION_PARAMS]);
}

/**
 * The exact number of rows a list filter matches, for the "select all N matching"
 * confirmation. Needs the bulk role, like the action it precedes.
 */
export async function countMatching(operator: Operator | null, domain: PoolName, resource: Resource, params: SearchParams): Promise<number> {
  authorize(operator, resource, 'bulk');
  const visible = resourceAsSeenBy(operator, resource);
  return exactCount(domain, visible, parseListQuery(visible, matchingParams(params)));
}

/** One line an operator can read for a row the database or the engine refused. */
function reasonFor(resource: Resource, error: unknown): string | undefined {
  if (error instanceof RecordNotFoundError) return error.message;
  // A definition's hook refusing this row in words (beforeDelete: "Published posts stay."): the row fails, the run goes on.
  if (refusedByHook(error) && !(error instanceof RecordValidationError) && error.status < 500) return error.message;
  const code = (error as { code?: string })?.code;
  if (code === '40P01') return say('bulk.deadlocked');
  if (code === '55P03') return say('bulk.locked');
  const validation = error instanceof RecordValidationError ? error : fieldErrorsFromDatabase(resource, error);
  if (!validation) return undefined;
  // A missing privilege is not about this row: the run stops (and says why) instead of failing every row.
  if (!(validation instanceof RecordValidationError)) return validation instanceof WriteCollisionError ? validation.message : undefined;
  const label = (field: string) => resource.columns.find((c) => c.name === field)?.label ?? field;
  // Fields refused for the same reason (a CHECK over two columns) are named together, the reason once.
  const byMessage = new Map<string, string[]>();
  for (const [field, message] of Object.entries(validation.fieldErrors)) byMessage.set(message, [...(byMessage.get(message) ?? []), field]);
  const parts = [...byMessage].map(([message, fields]) => (fields.includes('_form') ? message : `${fields.map(label).join(', ')}: ${message}`));
  if (validation.formError) parts.unshift(validation.formError);
  return parts.join(' ') || say('bulk.refused');
}

/**
 * Checks access and the request, and for "all matching" the confirmed count, before anything
 * is written; then returns the run, whose batches execute as they are consumed.
 *
 * The confirmed count: the operator is shown the exact number N of rows the filter matches
 * and confirms it. Here the matching rows are counted again; if the current count differs
 * from N at all (rows were added, removed or changed since), nothing is done and
 * `BulkCountMismatchError` (409) carries the current count to confirm again. While it runs,
 * the walk never touches more than N rows, so rows that start to match mid-run (inserted
 * or changed by someone else) cannot take the total beyond what the operator saw.
 *
 * "All matching" walks the filter by keyset in primary-key order, one batch at a time: each
 * batch selects (FOR UPDATE, so the filter is re-checked on rows changed concurrently) the
 * next keys after the last one done, so all ids are never loaded at once and rows that leave
 * the filter by being changed (soft-deleted, their field set) are not visited twice.
 */
export async function startBulk(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  action: BulkAction,
  target: BulkTarget,
  options: BulkOptions = {},
): Promise<BulkRun> {
  authorize(operator, resource, 'bulk');
  authorize(operator, resource, PER_ROW_ACTION[action.kind]);
  // Selected ids and "all matching" alike: only rows of the operator's row scope (others are not found).
  resource = withRowScope(operator, resource);
  if (resource.readOnly) throw new ForbiddenError(say('bulk.readOnly', { title: resource.title }));
  if ((action.kind === 'delete' || action.kind === 'restore') && !resource.softDelete) {
    throw new BulkRequestError(say('bulk.noSoftDelete', { title: resource.title, kind: action.kind === 'delete' ? 'delete' : 'restore' }));
  }
  const batchSize = Math.max(1, Math.min(1000, Math.trunc(options.batchSize ?? DEFAULT_BATCH_SIZE)));
  const step = rowStep(operator, resource, action);
  const context = requestContext();
  const inContext = <T>(work: () => Promise<T>) => (context ? runWithRequestContext(context, work) : work());

  let keys: (cursor: string[] | undefined, limit: number, tx: Tx) => Promise<{ ids: string[]; last: string[] | undefined }>;
  let total: number;
  if ('ids' in target) {
    const ids = [...new Set(target.ids)];
    if (ids.length === 0) throw new BulkRequestError(say('bulk.selectOne'));
    if (ids.length > MAX_BULK_IDS) throw new BulkRequestError(say('bulk.tooMany', { max: MAX_BULK_IDS }));
    if (ids.some((id) => typeof id !== 'string' || id.length > 2000)) throw new BulkRequestError(say('bulk.invalidId'));
    total = ids.length;
    keys = async (cursor, limit) => {
      const start = cursor ? Number(cursor[0]) : 0;
      const slice = ids.slice(start, start + limit);
      return { ids: slice, last: slice.length ? [String(start + slice.length)] : undefined };
    };
  } else {
    const confirmed = target.confirmedCount;
    if (!Number.isSafeInteger(confirmed) || confirmed < 0) throw new BulkRequestError(say('bulk.badConfirmedCount'));
    const visible = resourceAsSeenBy(operator, resource);
    const listQuery = parseListQuery(visible, matchingParams(target.matching));
    const current = await exactCount(domain, visible, listQuery);
    if (current !== confirmed) throw new BulkCountMismatchError(confirmed, current);
    total = confirmed;
    keys = (cursor, limit, tx) => nextKeys(tx, visible, listQuery, cursor, limit);
  }

  const scope =
    'ids' in target
      ? `${total} selected`
      : `all ${total} matching ${new URLSearchParams(Object.entries(matchingParams(target.matching)).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x])))).toString() || '(no filter)'}`;
  const what = action.kind === 'set' ? `set ${action.field}` : action.kind;

  async function* batches(): AsyncGenerator<BulkBatchResult, BulkResult> {
    const totals = { processed: 0, done: 0, failed: [] as BulkFailure[] };
    let stopped: unknown;
    try {
      yield* walk(totals);
    } catch (error) {
      stopped = error;
      throw error;
    } finally {
      // One entry for the run as a whole, beside the entry of each row it changed.
      const ending = stopped ? `; stopped: ${(stopped as Error).message}` : '';
      const counts = `${totals.processed} processed, ${totals.done} done, ${totals.failed.length} failed`;
      void recordEvent(
        { actor: operator, domain: resource.domain, resource: resource.name, action: 'bulk', detail: `${what} on ${scope}: ${counts}${ending}`.slice(0, 1000) },
        stopped ? 'failed' : 'succeeded',
      );
    }
    return { done: totals.done, failed: totals.failed };
  }

  async function* walk(totals: { processed: number; done: number; failed: BulkFailure[] }): AsyncGenerator<BulkBatchResult, void> {
    let cursor: string[] | undefined;
    for (let batch = 1; totals.processed < total && !options.signal?.aborted; batch++) {
      const limit = Math.min(batchSize, total - totals.processed);
      let result: { size: number; done: number; failed: BulkFailure[]; last: string[] | undefined };
      try {
        ({ value: result } = await inContext(() =>
          auditedTransaction(domain, step.operator, async (tx, audit) => {
            const { ids, last } = await keys(cursor, limit, tx);
            const out = { size: ids.length, done: 0, failed: [] as BulkFailure[], last };
            // One savepoint, reused: a row that fails rolls back to it (it stays open for the
            // next row), a row that succeeds releases it and opens the next in one round trip.
            await tx.query('SAVEPOINT bulk_row');
            for (const id of ids) {
              let outcome: WriteOutcome;
              try {
                outcome = await step.run(tx, id);
                await tx.query('RELEASE SAVEPOINT bulk_row; SAVEPOINT bulk_row');
              } catch (error) {
                const reason = reasonFor(resource, error);
                if (reason === undefined) throw error; // not about this row: the batch rolls back
                await tx.query('ROLLBACK TO SAVEPOINT bulk_row');
                // A CHECK's own text, when the catalog has it (asked on another connection: this one is mid-transaction).
                const explained = await explainCheckViolation(domain, resource, error).catch(() => undefined);
                out.failed.push({ id, reason: explained ? (reasonFor(resource, explained) ?? reason) : reason });
                continue;
              }
              // Noted once the row's savepoint is released: a row rolled back has no entry.
              audit.record(changeEntry(resource, step.kind, outcome, { detail: 'bulk' }), outcome.xid);
              out.done++;
            }
            return out;
          }),
        ));
      } catch (error) {
        // Earlier batches stay committed; this one rolled back (its entries, if written, are settled aborted).
        log.warn(`bulk ${action.kind} on ${resource.domain}/${resource.name} stopped in batch ${batch}: ${(error as Error)?.message}`);
        throw new BulkInterruptedError({ ...totals }, error);
      }
      if (result.size === 0) break; // nothing matches any more
      cursor = result.last;
      totals.processed += result.size;
      totals.done += result.done;
      totals.failed.push(...result.failed);
      yield { batch, size: result.size, processed: totals.processed, done: totals.done, failed: result.failed };
    }
  }

  return { total, batches };
}

/** Starts and drains a bulk run; `onBatch` sees each committed batch. */
export async function runBulk(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  action: BulkAction,
  target: BulkTarget,
  options: BulkOptions & { onBatch?: (batch: BulkBatchResult) => void } = {},
): Promise<BulkResult> {
  const run = await startBulk(operator, domain, resource, action, target, options);
  const iterator = run.batches();
  for (;;) {
    const next = await iterator.next();
    if (next.done) return next.value;
    options.onBatch?.(next.value);
  }
}

/** The per-row step for an action, its input checked once up front. */
function rowStep(
  operator: Operator,
  resource: Resource,
  action: BulkAction,
): { operator: Operator; kind: WriteKind; run: (tx: Tx, id: string) => Promise<WriteOutcome> } {
  switch (action.kind) {
    case 'delete':
      return {
        operator,
        kind: 'delete',
        run: async (tx, id) => {
          // The definition's beforeDelete sees each row, locked, as a single delete does (and may refuse it).
          if (resource.hooks.beforeDelete) await beforeDelete(tx, operator, resource, 'delete', (await lockRow(tx, resource, id)).row);
          return setDeletedRow(tx, resource, requireSoftDelete(resource), id, true);
        },
      };
    case 'restore':
      return { operator, kind: 'restore', run: (tx, id) => setDeletedRow(tx, resource, requireSoftDelete(resource), id, false) };
    case 'set': {
      if (!settableColumns(operator, resource).includes(action.field)) {
        const column = resource.columns.find((c) => c.name === action.field);
        throw new BulkRequestError(
          column ? say('bulk.notSettable', { column: column.label }) : say('bulk.noField', { title: resource.title, field: String(action.field).slice(0, 60) }),
        );
      }
      // The resource's input schema for that one column (throws RecordValidationError).
      const values = checkInput(operator, resource, 'update', { [action.field]: action.value });
      if (!hasSaveHooks(resource))
        return { operator, kind: 'update', run: async (tx, id) => updateLockedRow(tx, resource, id, await lockRow(tx, resource, id), values) };
      // Each row is an edit like the form's: the definition's validate, beforeSave and afterSave see it (a refusal fails that row only).
      return {
        operator,
        kind: 'update',
        run: async (tx, id) => {
          const current = await lockRow(tx, resource, id);
          const scope = { tx, operator, resource, action: 'update' as const, row: current.row };
          const done = await updateLockedRow(tx, resource, id, current, await valuesToSave(scope, values));
          await afterSave(scope, done.row);
          return done;
        },
      };
    }
  }
}

/**
 * The next batch of keys the filter matches after `cursor`, in primary-key order, locked
 * (FOR UPDATE re-checks the filter on a row changed since the statement's snapshot).
 */
async function nextKeys(
  tx: Tx,
  resource: Resource,
  listQuery: ListQuery,
  cursor: string[] | undefined,
  limit: number,
): Promise<{ ids: string[]; last: string[] | undefined }> {
  const params = new Params();
  const conditions = whereConditions(resource, listQuery, params);
  const pk = resource.primaryKey.map(quoteIdent);
  if (cursor) conditions.push(`(${pk.join(', ')}) > (${cursor.map((value) => params.add(value)).join(', ')})`);
  const select = resource.primaryKey.map((k, i) => `${quoteIdent(k)}::text AS ${quoteIdent(`__k${i}`)}`).join(', ');
  let sql = `SELECT ${select} FROM ${quoteTable(resource.table)}`;
  if (conditions.length > 0) sql += ` WHERE ${conditions.join(' AND ')}`;
  sql += ` ORDER BY ${pk.map((k) => `${k} ASC`).join(', ')} LIMIT ${params.add(limit)} FOR UPDATE`;
  const rows = await tx.query<Record<string, string>>(sql, params.values);
  const keysOf = (row: Record<string, string>) => resource.primaryKey.map((_, i) => row[`__k${i}`]!);
  const ids = rows.map((row) => encodeRecordId(resource, Object.fromEntries(resource.primaryKey.map((k, i) => [k, row[`__k${i}`]]))));
  const last = rows.length > 0 ? keysOf(rows[rows.length - 1]!) : undefined;
  return { ids, last };
}
