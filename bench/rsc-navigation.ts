/**
 * Client-side navigation between list pages, as the browser's router asks for it: the RSC
 * payload of the list page (`RSC: 1`) with the router state tree of the page the browser is on,
 * so Next.js renders only the page segment under the layouts it already has. The tree is the
 * one Chromium sends when the operator clicks "Next" on `/d/<domain>/<resource>` (captured from
 * a real navigation, Next.js 16); the `_rsc` cache-busting parameter is the one Next.js asks
 * for with its 307 on the first request.
 */

/** The router state tree of the list page `/d/<domain>/<resource>`, the page segment marked to refetch. */
export function listPageRouterState(domain: string, resource: string): string {
  const node = (segment: unknown, children: unknown, flags: number) => [segment, { children }, null, null, flags];
  const page = ['__PAGE__', {}, null, 'refetch', 0];
  const tree = node(
    '',
    node('(hub)', node('d', node(['domain', domain, 'd', null], node(['resource', resource, 'd', null], node('(list)', page, 4), 8), 8), 8), 8),
    24,
  );
  return encodeURIComponent(JSON.stringify(tree));
}

export interface RscNavigation {
  /** The path with Next.js's `_rsc` parameter, to GET with `headers`. */
  path: string;
  headers: Record<string, string>;
  /** Bytes of the navigation's payload, and of the same page's payload with every layout (no router state). */
  bytes: number;
  fullBytes: number;
}

/**
 * The request the router makes to go from the list's first page to `path` (another page of the
 * same list), checked once: a 200 flight payload (`text/x-component`), smaller than the page's
 * payload with its layouts (so the router state was understood and only the page re-rendered).
 */
export async function rscNavigation(base: string, cookie: string, domain: string, resource: string, path: string): Promise<RscNavigation> {
  const headers = { cookie, rsc: '1', 'next-router-state-tree': listPageRouterState(domain, resource), 'next-url': `/d/${domain}/${resource}` };
  const first = await fetch(base + path, { headers, redirect: 'manual' });
  await first.arrayBuffer();
  const location = first.status === 307 ? first.headers.get('location') : path;
  if (!location) throw new Error(`RSC navigation to ${path}: HTTP ${first.status} without a location`);
  const payload = async (requestHeaders: Record<string, string>, at: string) => {
    const response = await fetch(base + at, { headers: requestHeaders, redirect: 'manual' });
    const body = await response.arrayBuffer();
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !type.startsWith('text/x-component')) throw new Error(`RSC request for ${at}: HTTP ${response.status} ${type}`);
    return body.byteLength;
  };
  const bytes = await payload(headers, location);
  const fullHeaders = { cookie, rsc: '1' };
  const full = await fetch(base + path, { headers: fullHeaders, redirect: 'manual' });
  await full.arrayBuffer();
  const fullBytes = await payload(fullHeaders, full.headers.get('location') ?? path);
  if (bytes >= fullBytes)
    throw new Error(`RSC navigation to ${path}: ${bytes} bytes, not less than the whole page's ${fullBytes}: the router state was not understood`);
  return { path: location, headers, bytes, fullBytes };
}
