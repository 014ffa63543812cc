import { once } from 'node:events';
import { say } from '../i18n/say';
import type http from 'node:http';
import { auditResource } from '../audit/resource';
import { ForbiddenError, UnauthenticatedError } from '../auth/errors';
import type { Operator } from '../auth/operator';
import { refusalMessage } from '../auth/refusals';
import { operatorFromHeaders } from '../auth/session';
import { checkDomain } from '../config/current';
import type { PoolName } from '../db/pools';
import { exportResource, type ResourceExport } from '../export/export-resource';
import { isExportFormat } from '../export/format';
import { ListQueryError } from '../list/errors';
import { listResource } from '../list/run-list';
import { findResource } from '../resources/registry';
import type { Resource } from '../resources/types';
import { DOORS, matchDoor, policyAllows, type ServerDoorPath } from './doors';
import { sendError } from './errors';
import { searchParamsToRecord } from './search-params';

/**
 * The doors the hub's HTTP server answers itself, before Next.js (scripts/start.ts): the hot,
 * read-only JSON list and the exports. Which paths they are is said by the table in doors.ts,
 * and the one matcher there picks the door; no Next.js route file exists for these paths.
 * Answering from node:http skips Next.js's request machinery (about 2 ms of CPU per list
 * request on this machine) and lets an export honour the socket's back-pressure.
 */

interface Asked {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  operator: Operator;
  pool: PoolName;
  resource: Resource;
}

interface ServerDoor {
  /** What the door does with its resource: a refusal of the table's policy is worded for it. */
  action: 'read' | 'export';
  /** The resource the request is about, from the path's parameters (404 when there is none). */
  resource(params: Record<string, string>): Promise<{ pool: PoolName; resource: Resource }>;
  answer(asked: Asked): Promise<void>;
}

const resourceInPath = ({ domain, resource }: Record<string, string>) =>
  findResource(domain!, resource!).then((found) => ({ pool: found.domain, resource: found.resource }));

/** Every `server` row of the table has its code here (the type says so), and nothing else. */
const SERVER_DOORS: Record<ServerDoorPath, ServerDoor> = {
  '/api/d/[domain]/[resource]': { action: 'read', resource: resourceInPath, answer: answerList },
  '/api/d/[domain]/[resource]/export': { action: 'export', resource: resourceInPath, answer: answerExport },
  '/api/audit/export': { action: 'export', resource: async () => ({ pool: 'hub', resource: auditResource() }), answer: answerExport },
  '/api/audit/[domain]/export': {
    action: 'export',
    resource: async ({ domain }) => ({ pool: 'hub', resource: auditResource(checkDomain(domain!)) }),
    answer: answerExport,
  },
};

const ALLOW = 'GET, HEAD';

/** The first segments of the server's doors (`/api/`), from the table: every other request goes to Next.js unparsed. */
const SERVER_PREFIXES = [...new Set((Object.keys(SERVER_DOORS) as ServerDoorPath[]).map((path) => `/${path.split('/')[1]}/`))];

/**
 * Answers the request when the table says the server's own door takes its path; returns false
 * for every other request (Next.js answers it). In order: the method (405), the session
 * (401), the resource (404), the table's policy (403), then the engine, which checks the
 * operator's role again in its data path.
 */
export async function answerServerDoor(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  const target = req.url ?? '';
  if (!SERVER_PREFIXES.some((prefix) => target.startsWith(prefix))) return false;
  const url = new URL(target, 'http://hub.local');
  const matched = matchDoor(url.pathname);
  if (!matched || matched.door.answeredBy !== 'server') return false;
  const path = matched.path as ServerDoorPath;
  const door = SERVER_DOORS[path];
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: ALLOW, 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: `${url.pathname} answers GET (and HEAD) only.` }));
      return true;
    }
    const operator = await operatorFromHeaders(headersOf(req));
    if (!operator) throw new UnauthenticatedError();
    const { pool, resource } = await door.resource(matched.params);
    const policy = DOORS[path].policy;
    if (!policyAllows(policy, operator, matched.params, resource))
      throw new ForbiddenError(refusalMessage(resource, policy.kind === 'resource' ? policy.action : door.action));
    await door.answer({ req, res, url, operator, pool, resource });
  } catch (error) {
    if (res.headersSent)
      res.destroy(error as Error); // a cut download, never a corrupt "complete" file
    else sendError(res, error); // the API boundary: a busy export's 429 carries its Retry-After; an unexpected error is logged once
  }
  return true;
}

/** GET /api/d/<domain>/<resource>: the list as JSON, the same engine call as the page. */
async function answerList({ res, url, operator, pool, resource }: Asked): Promise<void> {
  const json = JSON.stringify(await listResource(operator, pool, resource, searchParamsToRecord(url.searchParams)));
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * An export (`?format=csv|jsonl`, CSV when left out, and the list's parameters): every row of
 * the list view, masked for the operator, as a download streamed from a database cursor.
 * The first batch is read before any header, so 401/403/400/429 and an unreachable database
 * (503) still get their status; then each chunk is written to the socket and the next read
 * only once the socket has taken it ('drain'), so a million rows stream in the memory of one
 * batch. A HEAD gets the headers of the first batch and no rows.
 */
async function answerExport({ req, res, url, operator, pool, resource }: Asked): Promise<void> {
  const format = url.searchParams.get('format') ?? 'csv';
  if (!isExportFormat(format) || url.searchParams.getAll('format').length > 1)
    throw new ListQueryError([{ param: 'format', message: say('list.exportFormat') }]);
  let exported: ResourceExport | undefined;
  try {
    exported = await exportResource(operator, pool, resource, searchParamsToRecord(url.searchParams), format);
    let chunk = await exported.read();
    if (req.method === 'HEAD') chunk = null;
    res.writeHead(200, {
      'content-type': exported.contentType,
      'content-disposition': `attachment; filename="${exported.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    const aborted = new Promise<'aborted'>((resolve) => res.once('close', () => resolve('aborted')));
    while (chunk) {
      if (!res.write(chunk) && (await Promise.race([once(res, 'drain').then(() => 'drained' as const), aborted])) === 'aborted') break;
      if (res.destroyed) break;
      chunk = await exported.read();
    }
    await exported.close(res.destroyed ? new Error('the request was aborted') : undefined);
    res.end();
  } catch (error) {
    await exported?.close(error);
    throw error;
  }
}

/** node:http request headers as a fetch Headers object (what the auth library reads). */
export function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
