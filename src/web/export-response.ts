import type { NextRequest } from 'next/server';
import type { Operator } from '@/engine/auth/operator';
import type { PoolName } from '@/engine/db/pools';
import { exportResource, exportStream, ExportBusyError, type ResourceExport } from '@/engine/export/export-resource';
import { isExportFormat } from '@/engine/export/format';
import { errorResponse } from '@/engine/http/errors';
import { searchParamsToRecord } from '@/engine/http/search-params';
import { ListQueryError } from '@/engine/list/errors';
import type { Resource } from '@/engine/resources/types';

/**
 * A list view as a download (CSV or JSON Lines), streamed from a database cursor: the one
 * implementation behind every export route (resources, the audit log). 401/403/400 and an
 * unreachable database (503) are decided before any byte is sent: the first batch is read
 * before the response starts.
 */
export async function exportResponse(request: NextRequest, operator: Operator, pool: PoolName, resource: Resource): Promise<Response> {
  let exported: ResourceExport | undefined;
  try {
    const format = request.nextUrl.searchParams.get('format') ?? 'csv';
    if (!isExportFormat(format) || request.nextUrl.searchParams.getAll('format').length > 1) {
      throw new ListQueryError([{ param: 'format', message: 'must be csv or jsonl' }]);
    }
    exported = await exportResource(operator, pool, resource, searchParamsToRecord(request.nextUrl.searchParams), format);
    const first = await exported.read();
    return new Response(exportStream(exported, { first, signal: request.signal }), {
      headers: {
        'content-type': exported.contentType,
        'content-disposition': `attachment; filename="${exported.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    await exported?.close(error);
    if (error instanceof ExportBusyError)
      return Response.json({ error: error.message }, { status: 429, headers: { 'cache-control': 'no-store', 'retry-after': '30' } });
    return errorResponse(error);
  }
}
