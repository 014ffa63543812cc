import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { runWithRequestContext } from '../audit/request-context';
import { logger } from '../log';
import { getConfig } from '../config/current';
import { negotiateLocale } from '../shared/locale';

import { CLIENT_IP_HEADER } from '../http/client-ip';

const log = logger('server');

/** HUB_DEFAULT_LOCALE, or English when no configuration is loaded (a test's bare server). */
function defaultLocale() {
  try {
    return getConfig().defaultLocale;
  } catch {
    return 'en' as const;
  }
}

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface ServeOptions {
  port: number;
  host: string;
  /** How long in-flight requests may take to finish once shutdown starts. */
  shutdownTimeoutMs: number;
  /** Runs after the last request has finished (or the wait ran out): close pools, stop databases. */
  onDrained: () => Promise<void>;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  inFlight(): number;
  /** Stops taking requests, waits for in-flight ones (bounded), then runs onDrained. Idempotent. */
  shutdown(reason: string): Promise<void>;
}

/**
 * An HTTP server that can stop without dropping work: on shutdown it refuses new
 * connections, tells keep-alive clients to go away, waits for in-flight requests up to a
 * bound, and only then lets the caller close the pools those requests were using.
 */
export async function serve(handler: RequestHandler, options: ServeOptions): Promise<RunningServer> {
  let active = 0;
  let draining = false;
  let idle: (() => void) | undefined;

  const trustProxy = process.env.HUB_TRUST_PROXY === '1';
  const server = http.createServer((req, res) => {
    active++;
    // The client's address for rate limiting: the socket's own, unless the operator says a
    // proxy in front sets X-Forwarded-For. Whatever the client sent in our header is replaced.
    const forwarded = trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || 'unknown';
    const incomingId = String(req.headers['x-request-id'] ?? '');
    const requestId = /^[\w.-]{8,128}$/.test(incomingId) ? incomingId : randomUUID();
    res.setHeader('x-request-id', requestId);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      active--;
      if (active === 0) idle?.();
    });
    // The language of the engine's answers until the session names the operator's own (i18n/say.ts).
    const locale = negotiateLocale(req.headers['accept-language']) ?? defaultLocale();
    const context = { requestId, ip: String(req.headers[CLIENT_IP_HEADER]), userAgent: req.headers['user-agent'], locale };
    Promise.resolve(runWithRequestContext(context, () => handler(req, res))).catch((error: Error) => {
      log.error(`unhandled error for ${req.method} ${req.url?.split('?')[0]}: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  });

  server.on('clientError', answerUnreadableRequest);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  let shuttingDown: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    shuttingDown ??= (async () => {
      draining = true;
      log.info(`${reason}: no new requests; waiting for ${active} in flight (at most ${options.shutdownTimeoutMs} ms)`);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = new Promise<void>((resolve) => {
        idle = resolve;
        if (active === 0) resolve();
      });
      const timedOut = await Promise.race([
        drained.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), options.shutdownTimeoutMs).unref()),
      ]);
      if (timedOut) log.warn(`${active} request(s) still running after ${options.shutdownTimeoutMs} ms; closing them`);
      server.closeAllConnections();
      await closed;
      await options.onDrained();
    })();
    return shuttingDown;
  };

  return { url: `http://${shownHost}:${port}`, server, inFlight: () => active, shutdown };
}

/**
 * Output nobody reads any more (the terminal, pipe or log collector went away) must neither
 * stop nor spin the server. A write to a closed pipe emits 'error' on process.stderr; unheard,
 * that becomes an uncaught exception, which Next.js's handler logs to the same dead stderr,
 * whose write fails again: found as an orphaned hub at 60% CPU that ignored SIGTERM. From the
 * first failure on, writes to that stream are simply dropped.
 */
export function dropOutputOnceClosed(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

/** SIGTERM (orchestrators) and SIGINT (Ctrl-C) both drain, then exit 0; a second signal forces exit. */
export function exitOnSignals(running: RunningServer): void {
  let signalled = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (signalled) {
        log.warn(`second ${signal}: exiting without waiting`);
        process.exit(1);
      }
      signalled = true;
      running.shutdown(`received ${signal}`).then(
        () => process.exit(0),
        (error: Error) => {
          log.error(`shutdown failed: ${error.message}`);
          process.exit(1);
        },
      );
    });
  }
}

const CLIENT_ERRORS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_URI_OVERFLOW: '414 URI Too Long',
};

/**
 * A request Node cannot parse (an address or headers over the size limit, or malformed).
 * Node's default answers and then destroys the socket while the client may still be sending
 * the rest, so the client sees a reset instead of the answer. Here the answer is written,
 * the rest of what the client sends is read and dropped, and the socket closes after it.
 */
function answerUnreadableRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = CLIENT_ERRORS[error.code ?? ''];
  const body = status
    ? `${status.slice(4)}: the address and headers of a request must stay under 16 KB together.\n`
    : 'Bad Request: this is not a request the server can read.\n';
  const line = status ?? '400 Bad Request';
  socket.on('data', () => undefined); // drain: unread data at close would reset the connection
  socket.end(`HTTP/1.1 ${line}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  setTimeout(() => socket.destroy(), 2_000).unref();
}
