import { getConfig } from '../config/current';

/**
 * The request's own origins: the URL it was made to, the Host it names (a proxy's
 * X-Forwarded-Host/-Proto instead only when HUB_TRUST_PROXY=1 says a proxy is in front, as
 * for client addresses in serve.ts), and the configured HUB_URL.
 */
export function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const own = new Set([url.origin]);
  const trustProxy = process.env.HUB_TRUST_PROXY === '1';
  const forwarded = (name: string) => (trustProxy ? request.headers.get(name)?.split(',')[0]?.trim() : undefined);
  const host = forwarded('x-forwarded-host') ?? request.headers.get('host')?.split(',')[0]?.trim();
  const proto = forwarded('x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
  if (host) own.add(`${proto}://${host}`);
  try {
    const base = getConfig().auth.baseUrl;
    if (base) own.add(new URL(base).origin);
  } catch {
    // No configuration to read: the request's own URL and Host still count.
  }
  return own;
}
