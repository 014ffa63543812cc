import type { NextRequest } from 'next/server';
import { errorResponse } from '@admin-hub/engine/http/errors';
import { requireApiOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/**
 * An API address nothing answers: a JSON 404 for a signed-in caller, and the 401 every other
 * API answers without a session (which addresses exist is not told to strangers), rather than
 * the hub's catch-all page ((hub)/[...missing]), which would send the caller to the sign-in page.
 */
async function missing(request: NextRequest): Promise<Response> {
  try {
    await requireApiOperator(request);
    return Response.json({ error: 'Not found.' }, { status: 404, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = missing;
export const POST = missing;
