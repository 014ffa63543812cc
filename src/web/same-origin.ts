import { ForbiddenError } from '@/engine/auth/errors';
import { getConfig } from '@/engine/config/current';

/**
 * The request's own origins: the URL it was made to, the Host (or a proxy's
 * X-Forwarded-Host/-Proto) it names, and the configured HUB_URL. A cross-site page cannot
 * set the forwarded headers on a request (custom headers need a CORS preflight the hub
 * never grants), so accepting them does not let a foreign Origin through.
 */
function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const own = new Set([url.origin]);
  const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host'))?.split(',')[0]?.trim();
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.replace(/:$/, '');
  if (host) own.add(`${proto}://${host}`);
  try {
    const base = getConfig().auth.baseUrl;
    if (base) own.add(new URL(base).origin);
  } catch {
    // No configuration to read: the request's own URL and Host still count.
  }
  return own;
}

/**
 * Cross-site request forgery guard for route handlers that change data (Server Actions get
 * the same check from Next.js). Browsers send Origin on every POST, so a missing or foreign
 * one means the request did not come from the hub's own pages: 403, before anything runs.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin !== null && ownOrigins(request).has(origin)) return;
  throw new ForbiddenError('This change must be made from the hub itself (the request\'s Origin does not match).');
}
