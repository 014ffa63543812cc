import type { NextRequest } from 'next/server';
import { errorResponse } from '@/engine/http/errors';
import { searchParamsToRecord } from '@/engine/http/search-params';
import { listResource } from '@/engine/list/run-list';
import { findResource } from '@/engine/resources/registry';
import { requireApiOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/** The list as JSON, from the same engine call as the page: for client refresh and scripts. */
export async function GET(request: NextRequest, context: { params: Promise<{ domain: string; resource: string }> }): Promise<Response> {
  try {
    const operator = await requireApiOperator(request);
    const { domain, resource } = await context.params;
    const found = await findResource(domain, resource);
    const result = await listResource(operator, found.domain, found.resource, searchParamsToRecord(request.nextUrl.searchParams));
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
