import type { NextRequest } from 'next/server';
import { listApi } from '@/engine/http/list-api';

export const dynamic = 'force-dynamic';

/**
 * The list as JSON, for client refresh and scripts. Under `npm start` the hub server answers
 * this path itself (engine/http/list-api.ts) before Next.js; this handler serves it under
 * `next dev`/`next start`, through the very same function.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ domain: string; resource: string }> }): Promise<Response> {
  const { domain, resource } = await context.params;
  const { status, body } = await listApi(request.headers, domain, resource, request.nextUrl.searchParams);
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
