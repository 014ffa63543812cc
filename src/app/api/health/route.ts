import { checkHealth } from '@/engine/db/health';

export const dynamic = 'force-dynamic';

/** Liveness: 200 whenever the hub answers; each domain says whether it is reachable. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: 200, headers: { 'cache-control': 'no-store' } });
}
