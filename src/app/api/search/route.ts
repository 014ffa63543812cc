import type { NextRequest } from 'next/server';
import { errorResponse } from '@admin-hub/engine/http/errors';
import { searchEverywhere } from '@admin-hub/engine/search/search-all';
import { requireApiOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/** Search across domains for the command palette; each domain reports ok, timeout or error. */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const operator = await requireApiOperator(request);
    const results = await searchEverywhere(operator, request.nextUrl.searchParams.get('q') ?? '');
    return Response.json({ results }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
