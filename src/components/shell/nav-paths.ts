/**
 * The link to highlight for a path: the longest href equal to it or a parent of it, so on
 * `/d/blog/posts/42` "Posts" (`/d/blog/posts`) wins over the domain home (`/d/blog`).
 */
export function findActiveHref(pathname: string, hrefs: string[]): string | null {
  const path = stripTrailingSlash(pathname);
  let best: string | null = null;
  for (const href of hrefs) {
    const h = stripTrailingSlash(href.split(/[?#]/, 1)[0] ?? href);
    const matches = path === h || path.startsWith(h === '/' ? '/' : `${h}/`);
    if (matches && (best === null || h.length > stripTrailingSlash(best).length)) best = href;
  }
  return best;
}

/** Where the domain switcher and a domain's heading lead. */
export function domainHref(name: string): string {
  return `/d/${encodeURIComponent(name)}`;
}

/** The domain name from a `/d/<domain>/…` path, or null elsewhere. */
export function domainFromPath(pathname: string): string | null {
  const match = /^\/d\/([^/?#]+)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

function stripTrailingSlash(s: string): string {
  return s.length > 1 && s.endsWith('/') ? s.slice(0, -1) : s;
}
