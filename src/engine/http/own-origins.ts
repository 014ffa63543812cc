import { getConfig } from '../config/current';

/**
 * The request's own origins: the URL it was made to, the Host (or a proxy's
 * X-Forwarded-Host/-Proto) it names, and the configured HUB_URL. A cross-site page cannot
 * set the forwarded headers on a request (custom headers need a CORS preflight the hub
 * never grants), so accepting them does not let a foreign Origin through.
 */
export function ownOrigins(request: Request): Set<string> {
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
