import { omitParams, POSITION_PARAMS } from '../shared/list-params';
import { say } from '../i18n/say';
import Cursor from 'pg-cursor';
import { recordEvent } from '../audit/record';
import { authorize, maskedColumns, resourceAsSeenBy } from '../auth/access';
import type { Operator } from '../auth/operator';
import { targetFor, type DomainName } from '../config/current';
import { DbUnavailableError, PoolExhaustedError } from '../db/errors';
import { readPool } from '../db/read-route';
import { markReplicaDown } from '../db/replica-state';
import { transactionSettingsSql, type PoolName } from '../db/pools';
import { cancelRunningQuery } from '../db/cancel';
import { orderByClause, orderTerms, whereConditions, type BuiltSql } from '../list/build-sql';
import { parseListQuery, type ListQuery, type SearchParams } from '../list/list-query';
import { Params, quoteTable, selectColumnSql } from '../list/sql';
import type { Resource } from '../resources/types';
import { checkoutCursorClient, type CursorLease } from './cursor-client';
import { CONTENT_TYPES, RowFormatter, type ExportFormat } from './format';
import { exactTypes } from '../db/exact-types';
import { HubError } from '../errors';

/**
 * Export of a list view: every row the list's URL parameters match (search, filters, trash),
 * in the list's order, with the columns it shows (`cols` or the defaults), masked for the
 * operator as the list masks them. Rows come from a server-side cursor (pg-cursor), one
 * batch per read, and a batch is fetched only when the consumer asks for the next chunk,
 * so memory stays flat whatever the row count and a slow download slows the cursor down
 * instead of piling rows up (backpressure).
 */

export interface ExportOptions {
  /** Rows per cursor read (one round trip, one chunk of the file). Default 1,000. */
  batchSize?: number;
  /** For the file name's date. */
  now?: Date;
  /** The longest a whole export may run (the session's statement_timeout meanwhile). Default one hour. */
  maxDurationMs?: number;
}

export interface ResourceExport {
  format: ExportFormat;
  /** `<resource>-<YYYY-MM-DD>.csv` / `.jsonl` */
  filename: string;
  contentType: string;
  columns: string[];
  /** Rows formatted so far. */
  readonly rows: number;
  /**
   * The next chunk of the file (the first carries the CSV header), or null at the end, when
   * the connection has already been given back. One read at a time.
   */
  read(): Promise<Uint8Array | null>;
  /** Stops early and gives the connection back; safe at any time and more than once. */
  close(reason?: unknown): Promise<void>;
}

/** Too many exports of this domain are running: each holds a pool connection for its whole download. */
export class ExportBusyError extends HubError {
  readonly status = 429;
  constructor(domain: string, limit: number) {
    super(say('export.busy', { limit, domain }));
    this.name = 'ExportBusyError';
  }

  override get headers() {
    return { 'retry-after': '30' };
  }
}

/** List parameters that only place a page; an export always has every row (in the chosen columns: `cols` stays). */
const PAGE_PARAMS = [...POSITION_PARAMS, 'size', 'count', 'format'];

export function exportParams(params: SearchParams): SearchParams {
  return omitParams(params, PAGE_PARAMS);
}

/** The list's rows statement without its page: same WHERE, same ORDER BY, the visible columns only. */
export function buildExportSql(resource: Resource, query: ListQuery): BuiltSql {
  const params = new Params();
  const conditions = whereConditions(resource, query, params);
  const orderBy = orderByClause(orderTerms(resource, query.sort));
  let text = `SELECT ${query.columns.map(selectColumnSql).join(', ')} FROM ${quoteTable(resource.table)}`;
  if (conditions.length > 0) text += ` WHERE ${conditions.join(' AND ')}`;
  text += ` ORDER BY ${orderBy}`;
  return { text, values: params.values };
}

/**
 * Exports hold a connection of the domain's pool for as long as the download runs; at most
 * half the pool (at least one) per domain and process, so lists and writes keep the rest.
 */
const slots = new Map<string, number>();
function acquireSlot(domain: PoolName): () => void {
  const limit = Math.max(1, Math.floor(targetFor(domain).poolMax / 2));
  const used = slots.get(domain) ?? 0;
  if (used >= limit) throw new ExportBusyError(domain, limit);
  slots.set(domain, used + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.set(domain, Math.max(0, (slots.get(domain) ?? 1) - 1));
  };
}

const CLOSE_TIMEOUT_MS = 5_000;
const MAX_DURATION_MS = 60 * 60_000;

/**
 * Time limits. PostgreSQL runs statement_timeout from a cursor's first message to its Sync,
 * i.e. over the whole export however long the download takes, so the domain's timeout
 * (30 s by default) would cut any export slower than that. Instead the export's transaction
 * gets the export's own limit (one hour by default, SET LOCAL: gone at its COMMIT, and the
 * same through a transaction pooler), and each batch is held to the domain's timeout by a
 * watchdog that cancels the query (a CancelRequest, the same 57014 error) when one read takes
 * longer.
 */
async function timedRead(domain: PoolName, cursor: Cursor<unknown[]>, client: CursorLease['client'], rows: number): Promise<unknown[][]> {
  const target = targetFor(domain);
  const limit = target.statementTimeoutMs;
  if (!limit) return cursor.read(rows);
  const watchdog = setTimeout(() => void cancelRunningQuery(target, client), limit);
  watchdog.unref?.();
  try {
    return await cursor.read(rows);
  } finally {
    clearTimeout(watchdog);
  }
}

/** A connection for the cursor: on the replica readPool picks, or the primary when the replica cannot be reached. */
async function openCursorClient(domain: PoolName, operator: Operator | null): Promise<{ lease: CursorLease; source: PoolName }> {
  const source = await readPool(domain, operator);
  try {
    return { lease: await checkoutCursorClient(source), source };
  } catch (error) {
    if (source === domain || !(error instanceof DbUnavailableError) || error instanceof PoolExhaustedError) throw error;
    markReplicaDown(domain as DomainName, error);
    return { lease: await checkoutCursorClient(domain), source: domain };
  }
}

/**
 * Checks access (read and export) and the parameters (a bad one is a ListQueryError, 400)
 * before anything is fetched; the cursor opens on the first `read()`.
 */
export async function exportResource(
  operator: Operator | null,
  domain: PoolName,
  resource: Resource,
  params: SearchParams,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ResourceExport> {
  authorize(operator, resource, 'read');
  authorize(operator, resource, 'export');
  const visible = resourceAsSeenBy(operator, resource);
  const listQuery = parseListQuery(visible, exportParams(params));
  const sql = buildExportSql(visible, listQuery);
  const formatter = new RowFormatter(format, listQuery.columns, maskedColumns(operator, resource));
  const batchSize = Math.max(1, Math.min(10_000, Math.trunc(options.batchSize ?? 1_000)));
  const maxDurationMs = Math.max(1, Math.trunc(options.maxDurationMs ?? MAX_DURATION_MS));
  const releaseSlot = acquireSlot(domain);

  let lease: CursorLease | undefined;
  /** Where the rows come from: the domain's replica when it has a current one (db/read-route.ts). */
  let source: PoolName = domain;
  let cursor: Cursor<unknown[]> | undefined;
  let rows = 0;
  let finished = false;
  let pending: Promise<unknown> | undefined;

  const filter = new URLSearchParams(
    Object.entries(exportParams(params)).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]))),
  ).toString();
  /** Gives everything back exactly once; a cursor stopped early is closed first so its connection can be reused. */
  async function finish(error: unknown, stoppedEarly: boolean): Promise<void> {
    if (finished) return;
    finished = true;
    let broken: unknown = error instanceof Error && !stoppedEarly ? error : undefined;
    if (cursor && stoppedEarly) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          cursor.close(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('closing the export cursor timed out')), CLOSE_TIMEOUT_MS))),
        ]);
      } catch (closeError) {
        broken = closeError;
      } finally {
        clearTimeout(timer);
      }
    }
    if (lease && broken === undefined) {
      // The export's own settings end with its transaction, before anyone else gets this session.
      try {
        await lease.client.query('COMMIT');
      } catch (commitError) {
        broken = commitError;
      }
    }
    lease?.release(broken);
    releaseSlot();
    const stopped = error === undefined ? '' : `, stopped: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
    void recordEvent(
      {
        actor: operator,
        domain: resource.domain,
        resource: resource.name,
        action: 'export',
        detail: `${format}, ${rows} rows${filter ? `, ${filter}` : ''}${stopped}`,
      },
      error === undefined ? 'succeeded' : 'failed',
    );
  }

  async function next(): Promise<Uint8Array | null> {
    let text = '';
    if (!cursor) {
      ({ lease, source } = await openCursorClient(domain, operator));
      // One transaction for the cursor: through a transaction pooler it keeps the export on one
      // server connection. The target's settings first (a pooler's SET LOCALs), then the export's
      // limit, a number we made, never request text. UTC: the session's zone already (exact-types.ts).
      await lease.client.query(`BEGIN${transactionSettingsSql(targetFor(source))}; SET LOCAL statement_timeout = ${maxDurationMs}; SET LOCAL TIME ZONE 'UTC'`);
      cursor = lease.client.query(new Cursor<unknown[]>(sql.text, sql.values, { rowMode: 'array', types: exactTypes }));
      text = formatter.header();
    }
    const batch = await timedRead(source, cursor, lease!.client, batchSize);
    if (batch.length === 0) {
      await finish(undefined, false);
      return text ? Buffer.from(text, 'utf8') : null;
    }
    rows += batch.length;
    return Buffer.from(text + formatter.rows(batch), 'utf8');
  }

  return {
    format,
    // Resource names are URL segments already; anything else would not survive a header.
    filename: `${resource.name.replace(/[^A-Za-z0-9._-]/g, '_')}-${(options.now ?? new Date()).toISOString().slice(0, 10)}.${format}`,
    contentType: CONTENT_TYPES[format],
    columns: listQuery.columns.map((c) => c.name),
    get rows() {
      return rows;
    },
    async read() {
      if (finished) return null;
      if (pending) throw new Error('One export read at a time.');
      const reading = next();
      pending = reading;
      try {
        return await reading;
      } catch (error) {
        await finish(error, false);
        throw error;
      } finally {
        pending = undefined;
      }
    },
    async close(reason?: unknown) {
      if (pending) await pending.catch(() => undefined);
      await finish(reason ?? new Error('cancelled'), true);
    },
  };
}

/**
 * The export as a web ReadableStream for a Response. It pulls one chunk at a time, only when
 * the reader (ultimately the socket) wants more; cancelling it (the browser went away)
 * closes the cursor; a reader that stops pulling for `idleTimeoutMs` is treated as gone, so
 * a stalled download cannot hold a database connection forever.
 */
export function exportStream(
  exported: ResourceExport,
  options: { first?: Uint8Array | null; idleTimeoutMs?: number; signal?: AbortSignal } = {},
): ReadableStream<Uint8Array> {
  const idleTimeoutMs = options.idleTimeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const arm = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void exported.close(new Error(`the download stalled for ${Math.round(idleTimeoutMs / 1000)} s`));
      controller.error(new Error(say('export.stalled')));
    }, idleTimeoutMs);
    timer.unref?.();
  };
  options.signal?.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      void exported.close(new Error('the request was aborted'));
    },
    { once: true },
  );
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (options.first === null) {
          controller.close();
          return;
        }
        if (options.first) controller.enqueue(options.first);
        arm(controller);
      },
      async pull(controller) {
        clearTimeout(timer);
        try {
          const chunk = await exported.read();
          if (chunk === null) {
            controller.close();
            return;
          }
          controller.enqueue(chunk);
          arm(controller);
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel(reason) {
        clearTimeout(timer);
        await exported.close(reason ?? new Error('cancelled'));
      },
    },
    { highWaterMark: 1 },
  );
}
