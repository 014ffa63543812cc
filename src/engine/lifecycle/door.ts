import type http from 'node:http';
import { logger } from '../log';

const log = logger('server');

export interface DoorOptions {
  /** HUB_URL: the one origin the hub's pages are served from; undefined = any host it is reached by. */
  hubUrl: string | undefined;
  /** HUB_TRUST_PROXY=1: the host asked for is the proxy's X-Forwarded-Host when it sends one. */
  trustProxy: boolean;
}

/** Set on a redirect to HUB_URL; arriving with it means the redirect came back here (see below). */
const REDIRECTED_COOKIE = 'admin-hub.redirected';

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/api?');
}

/**
 * Whether Next.js will treat this request as a Server Action (its own test: a POST with a
 * Next-Action header, or a multipart form post without JavaScript).
 */
function isServerAction(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const contentType = String(req.headers['content-type'] ?? '');
  return req.headers['next-action'] !== undefined || contentType.startsWith('multipart/form-data');
}

/** The Origin header's host, as Next.js computes it ('null' for an opaque origin; undefined if unreadable). */
function originHost(origin: string): string | undefined {
  if (origin === 'null') return 'null';
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** The methods the fetch standard forbids (a Request cannot be made with them). */
const UNREPRESENTABLE_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

let loopWarned = false;

/**
 * What the hub's HTTP server answers itself, before Next.js sees the request. Returns true
 * when it has answered.
 *
 * 1. A Server Action whose Origin is not the host it was sent to: Next.js refuses it too,
 *    but as a 500 "Invalid Server Actions request". The same comparison is made here
 *    (Origin's host against X-Forwarded-Host, else Host, exactly as Next.js does, so nothing
 *    Next.js would refuse gets through to become a 500), answered 403 in words.
 * 2. With HUB_URL set, a page request (GET/HEAD, not /api) made to another host — the hub
 *    opened as 127.0.0.1 instead of localhost, or by a LAN address — is redirected (307) to
 *    the same path on HUB_URL, where sign-in works, instead of failing there later.
 *    API requests are never redirected (health checks, callbacks, and a mutation from a
 *    foreign origin stays a 403).
 */
export function answerAtTheDoor(req: http.IncomingMessage, res: http.ServerResponse, options: DoorOptions): boolean {
  const path = req.url ?? '/';

  // Methods no route takes and the fetch API cannot even represent (Next.js failed building
  // its Request for them with a bare 500).
  if (UNREPRESENTABLE_METHODS.has(req.method ?? '')) {
    res.writeHead(405, { allow: 'GET, HEAD, POST', 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`The ${req.method} method is not served here.\n`);
    return true;
  }

  // A path with a broken %-escape (%FF, an encoded half surrogate) names nothing: Next.js
  // would fail decoding it with a bare 500.
  const pathname = path.split('?')[0]!;
  try {
    decodeURIComponent(pathname);
  } catch {
    const shown = pathname.length > 100 ? `${pathname.slice(0, 100)}…` : pathname;
    const message = `This address has a broken %-escape and names nothing here: ${shown}`;
    res.writeHead(400, { 'content-type': isApi(path) ? 'application/json' : 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(isApi(path) ? JSON.stringify({ error: message }) : `${message}\n`);
    return true;
  }

  if (isServerAction(req) && !isApi(path)) {
    const origin = firstValue(req.headers.origin === undefined ? undefined : String(req.headers.origin));
    // Browsers send Origin with every POST; a Server Action without one is made by hand and
    // is refused like the API's state-changing routes refuse it (both doors agree).
    const host = firstValue(req.headers['x-forwarded-host']) ?? req.headers.host;
    if (origin === undefined) {
      log.warn(`refused a Server Action to ${pathname} without an Origin header`);
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end("This change came without an Origin header and was refused: changes are accepted only from the hub's own pages.\n");
      return true;
    }
    {
      if (originHost(origin) !== host) {
        const shown = origin.length > 100 ? `${origin.slice(0, 100)}…` : origin;
        log.warn(`refused a Server Action to ${path.split('?')[0]} from Origin ${shown} (sent to host ${host ?? '(none)'})`);
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`This request came from another site (Origin ${shown}) and was refused: changes are accepted only from the hub's own pages.\n`);
        return true;
      }
    }
  }

  if (options.hubUrl && (req.method === 'GET' || req.method === 'HEAD') && path.startsWith('/') && !isApi(path)) {
    const hub = new URL(options.hubUrl);
    const asked = (options.trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined) ?? req.headers.host;
    if (!asked) return false;
    let askedHost: string;
    try {
      askedHost = new URL(`${hub.protocol}//${asked}`).host; // the same default-port rules as HUB_URL's
    } catch {
      return false; // not a host at all: Next.js answers it as it would
    }
    if (askedHost === hub.host) return false;
    // Arriving with the marker set by our own redirect a moment ago means the browser is
    // already at HUB_URL and something in between (a proxy that rewrites Host, e.g. nginx
    // without `proxy_set_header Host $host`) hides it: serve the page instead of looping.
    if (
      String(req.headers.cookie ?? '')
        .split(/;\s*/)
        .includes(`${REDIRECTED_COOKIE}=1`)
    ) {
      if (!loopWarned) {
        loopWarned = true;
        log.warn(
          `requests for HUB_URL (${hub.host}) arrive with Host "${askedHost}": a proxy in front rewrites Host. ` +
            'Have it pass the original Host (nginx: proxy_set_header Host $host), or send X-Forwarded-Host and set HUB_TRUST_PROXY=1.',
        );
      }
      return false;
    }
    const location = `${hub.origin}${path}`;
    res.writeHead(307, {
      location,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': `${REDIRECTED_COOKIE}=1; Max-Age=30; Path=/; HttpOnly; SameSite=Lax`,
    });
    res.end(req.method === 'HEAD' ? undefined : `This Admin Hub is served at ${hub.origin}: continue at ${location}\n`);
    return true;
  }
  return false;
}
