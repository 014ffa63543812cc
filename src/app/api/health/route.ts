import { operatorFromHeaders } from '@admin-hub/engine/auth/session';
import { checkHealth } from '@admin-hub/engine/db/health';

export const dynamic = 'force-dynamic';

/**
 * Liveness: 200 whenever the hub answers. Anonymous callers (load balancers, probes) get
 * the verdicts only; a signed-in operator also gets each domain's name, round trip and pool,
 * so the endpoint does not hand the list of databases to anyone who asks.
 */
export async function GET(request: Request): Promise<Response> {
  const health = await checkHealth();
  const operator = await operatorFromHeaders(request.headers).catch(() => null);
  const body = operator
    ? health
    : { up: health.up, ready: health.ready, domains: { total: health.domains.length, down: health.domains.filter((d) => !d.ok).length } };
  return Response.json(body, { status: 200, headers: { 'cache-control': 'no-store' } });
}
