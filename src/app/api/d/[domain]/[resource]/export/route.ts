import type { NextRequest } from 'next/server';
import { exportResource, exportStream, ExportBusyError, type ResourceExport } from '@/engine/export/export-resource';
import { isExportFormat } from '@/engine/export/format';
import { errorResponse } from '@/engine/http/errors';
import { searchParamsToRecord } from '@/engine/http/search-params';
import { ListQueryError } from '@/engine/list/errors';
import { findResource } from '@/engine/resources/registry';
import { requireApiOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/**
 * GET /api/d/<domain>/<resource>/export?format=csv|jsonl&<list parameters>: every row of the
 * list view (its search, filters, sort and columns, masked for the operator) as a download,
 * streamed from a database cursor. 401/403/400 like the list API, decided before any byte is
 * sent; so is a database that cannot be reached (503), because the first batch is read
 * before the response starts. A format left out means CSV.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ domain: string; resource: string }> }): Promise<Response> {
  let exported: ResourceExport | undefined;
  try {
    const operator = await requireApiOperator(request);
    const { domain, resource } = await context.params;
    const found = await findResource(domain, resource);
    const format = request.nextUrl.searchParams.get('format') ?? 'csv';
    if (!isExportFormat(format) || request.nextUrl.searchParams.getAll('format').length > 1) {
      throw new ListQueryError([{ param: 'format', message: 'must be csv or jsonl' }]);
    }
    exported = await exportResource(operator, found.domain, found.resource, searchParamsToRecord(request.nextUrl.searchParams), format);
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
    if (error instanceof ExportBusyError) return Response.json({ error: error.message }, { status: 429, headers: { 'cache-control': 'no-store', 'retry-after': '30' } });
    return errorResponse(error);
  }
}
