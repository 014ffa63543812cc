import type { NextRequest } from 'next/server';
import { errorResponse } from '@/engine/http/errors';
import { findResource } from '@/engine/resources/registry';
import { exportResponse } from '@/web/export-response';
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
  try {
    const operator = await requireApiOperator(request);
    const { domain, resource } = await context.params;
    const found = await findResource(domain, resource);
    return exportResponse(request, operator, found.domain, found.resource);
  } catch (error) {
    return errorResponse(error);
  }
}
