import { checkTarget } from '@admin-hub/engine/db/health';

export const dynamic = 'force-dynamic';

/** Readiness: 503 while the hub's own database is down (no sign-in, no audit); domains don't count. */
export async function GET(): Promise<Response> {
  const hub = await checkTarget('hub');
  return Response.json({ ready: hub.ok }, { status: hub.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
