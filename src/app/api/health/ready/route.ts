import { checkHealth } from '@/engine/db/health';

export const dynamic = 'force-dynamic';

/** Readiness: 503 while the hub's own database is down (no sign-in, no audit); domains don't count. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
