import { once } from 'node:events';
import type http from 'node:http';
import { UnauthenticatedError } from '../auth/errors';
import { operatorFromHeaders } from '../auth/session';
import { exportResource, type ResourceExport } from '../export/export-resource';
import { isExportFormat } from '../export/format';
import { ListQueryError } from '../list/errors';
import { findResource } from '../resources/registry';
import { sendError } from './errors';
import { headersOf } from './list-api';
import { searchParamsToRecord } from './search-params';

const EXPORT_PATH = /^\/api\/d\/([^/]+)\/([^/]+)\/export$/;

/**
 * GET /api/d/<domain>/<resource>/export answered by the hub server itself: each chunk the
 * cursor gives is written to the socket, and the next is read only once the socket has taken
 * it ('drain'), so a million rows stream in the memory of one batch. Through Next.js's
 * response piping the same export grew the process by ~170 MB; the Next.js route handler
 * (`next dev`/`next start`) still serves the path with the same engine export.
 */
export async function serveExportFast(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' || !req.url?.startsWith('/api/d/')) return false;
  const url = new URL(req.url, 'http://hub.local');
  const match = EXPORT_PATH.exec(url.pathname);
  if (!match) return false;
  let exported: ResourceExport | undefined;
  try {
    const operator = await operatorFromHeaders(headersOf(req));
    if (!operator) throw new UnauthenticatedError();
    const found = await findResource(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!));
    const format = url.searchParams.get('format') ?? 'csv';
    if (!isExportFormat(format) || url.searchParams.getAll('format').length > 1)
      throw new ListQueryError([{ param: 'format', message: 'must be csv or jsonl' }]);
    exported = await exportResource(operator, found.domain, found.resource, searchParamsToRecord(url.searchParams), format);
    let chunk = await exported.read(); // the first batch before any header: errors still get a status
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
    if (res.headersSent) {
      res.destroy(error as Error); // the client sees a cut download, never a corrupt "complete" file
    } else {
      sendError(res, error); // the API boundary: ExportBusyError's 429 carries its Retry-After; an unexpected error is logged once
    }
  }
  return true;
}
