import type http from 'node:http';
import { UnauthenticatedError } from '../auth/errors';
import { operatorFromHeaders } from '../auth/session';
import { listResource } from '../list/run-list';
import { findResource } from '../resources/registry';
import { reportError } from './errors';
import { searchParamsToRecord } from './search-params';

/**
 * GET /api/d/<domain>/<resource>: the list as JSON, the same engine call as the page. One
 * function behind two doors: the Next.js route handler (for `next dev`/`next start`), and the
 * hub server's own fast path, which answers this hot, read-only endpoint before Next.js's
 * request machinery (about 2 ms of CPU per request on this machine) gets involved.
 */
export async function listApi(headers: Headers, domain: string, resource: string, params: URLSearchParams): Promise<{ status: number; body: unknown }> {
  try {
    const operator = await operatorFromHeaders(headers);
    if (!operator) throw new UnauthenticatedError();
    const found = await findResource(domain, resource);
    return { status: 200, body: await listResource(operator, found.domain, found.resource, searchParamsToRecord(params)) };
  } catch (error) {
    const { status, body } = reportError(error); // logs an unexpected error once, its reference in the body
    return { status, body };
  }
}

const LIST_PATH = /^\/api\/d\/([^/]+)\/([^/]+)$/;

/** Serves the list endpoint straight from node:http; returns false for every other request. */
export async function serveListApiFast(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' || !req.url?.startsWith('/api/d/')) return false;
  const url = new URL(req.url, 'http://hub.local');
  const match = LIST_PATH.exec(url.pathname);
  if (!match) return false;
  let domain: string;
  let resource: string;
  try {
    domain = decodeURIComponent(match[1]!);
    resource = decodeURIComponent(match[2]!);
  } catch {
    return false; // let Next.js answer a malformed path
  }
  const { status, body } = await listApi(headersOf(req), domain, resource, url.searchParams);
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json) });
  res.end(json);
  return true;
}

/** node:http request headers as a fetch Headers object (what the auth library reads). */
export function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
