/**
 * The blog demo domain's own service: a tiny plain-Node HTTP server (no framework) that the
 * hub's internal actions call. It shows what a real domain service does with them:
 *
 *   1. read the raw body and check the hub's signature (verify.ts, copied as is),
 *      refusing a bad, expired or replayed one with 401;
 *   2. run each action at most once per idempotency key (a repeat gets the first answer);
 *   3. answer JSON: `{ message, … }` on success, `{ error }` with a 4xx/5xx otherwise.
 *
 * Actions:
 *   POST /api/internal/regenerate-summary  { key: { id } | recordId | postId } → { postId, title, summary, words, readingMinutes, message }
 *   POST /api/internal/send-notification   { recordId?, message?, channel? }    → { notificationId, sentAt, message }
 *   GET  /health                                                                 → { ok: true }
 *
 * The embedded demo starts it on a free 127.0.0.1 port (src/demo/embedded/demo.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import {
  IDEMPOTENCY_HEADER,
  IdempotencyKeyReusedError,
  REQUEST_ID_HEADER,
  ReplayGuard,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyHubSignature,
} from '@admin-hub/engine/internal/verify';
import { summarize } from './summary';

export interface DemoServiceOptions {
  /** The secret shared with the hub (BLOG_INTERNAL_SECRET). */
  secret: string;
  /** The blog database, read for summaries. */
  blogDatabaseUrl: string;
  /** Default 127.0.0.1: the demo service is for the hub on the same machine only. */
  host?: string;
  /** Default 0: a free port the OS picks. */
  port?: number;
  /** Replay window, seconds. Default 300. */
  toleranceSeconds?: number;
  /** Where log lines go. Default stderr. */
  log?: (line: string) => void;
}

export interface SentNotification {
  id: string;
  idempotencyKey: string | undefined;
  requestId: string | undefined;
  recordId: string | undefined;
  channel: string;
  message: string;
  requestedBy: string | undefined;
  sentAt: string;
}

export interface DemoService {
  /** Base URL, e.g. http://127.0.0.1:41234: what BLOG_INTERNAL_URL is set to. */
  url: string;
  port: number;
  /** Notifications "sent" so far, oldest first. */
  notifications(): readonly SentNotification[];
  /** Requests received, whatever became of them. */
  requestCount(): number;
  stop(): Promise<void>;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

interface ActionContext {
  body: Record<string, unknown>;
  idempotencyKey: string | undefined;
  requestId: string | undefined;
}

const MAX_BODY_BYTES = 1024 * 1024;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readRawBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering; the 413 answer closes the connection.
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpProblem(413, 'The request body is too large.'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The post a request is about: the hub's `key.id`, or `recordId`, or `postId`. */
function postIdOf(body: Record<string, unknown>): string {
  const key = body.key && typeof body.key === 'object' ? (body.key as Record<string, unknown>).id : undefined;
  const raw = key ?? body.recordId ?? body.postId;
  const id = typeof raw === 'number' ? String(raw) : raw;
  if (typeof id !== 'string' || !/^\d{1,18}$/.test(id)) throw new HttpProblem(400, 'Give the post: key.id, recordId or postId (a whole number).');
  return id;
}

export async function startDemoService(options: DemoServiceOptions): Promise<DemoService> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${new Date().toISOString()} INFO  [demo-service] ${line}\n`));
  const guard = new ReplayGuard();
  const sent: SentNotification[] = [];
  let requests = 0;
  let pool: pg.Pool | undefined;
  const db = () => {
    if (!pool) {
      pool = new pg.Pool({
        connectionString: options.blogDatabaseUrl,
        max: 2,
        idleTimeoutMillis: 10_000,
        connectionTimeoutMillis: 5_000,
        statement_timeout: 5_000,
        allowExitOnIdle: true,
        application_name: 'blog-demo-service',
      });
      // An idle connection the server ended (restart, database dropped) is an 'error' on the
      // pool; unheard, it would crash the process the service runs in. pg drops the client.
      pool.on('error', (error) => log(`idle database connection lost (${error.message}); it will be replaced on demand`));
    }
    return pool;
  };

  const actions: Record<string, (context: ActionContext) => Promise<Reply>> = {
    'regenerate-summary': async ({ body }) => {
      const postId = postIdOf(body);
      const { rows } = await db().query<{ title: string; body: string }>('SELECT title, body FROM posts WHERE id = $1', [postId]);
      const post = rows[0];
      if (!post) return { status: 404, body: { error: `Post ${postId} does not exist.` } };
      const result = summarize(post.body);
      return {
        status: 200,
        body: {
          postId,
          title: post.title,
          ...result,
          generatedAt: new Date().toISOString(),
          message: `Summary of post ${postId} regenerated (${result.words} words).`,
        },
      };
    },
    'send-notification': async ({ body, idempotencyKey, requestId }) => {
      const recordId = typeof body.recordId === 'string' ? body.recordId : undefined;
      const actor = body.actor && typeof body.actor === 'object' ? (body.actor as Record<string, unknown>).email : undefined;
      const notification: SentNotification = {
        id: `ntf_${randomUUID()}`,
        idempotencyKey,
        requestId,
        recordId,
        channel: typeof body.channel === 'string' ? body.channel.slice(0, 40) : 'email',
        message: typeof body.message === 'string' ? body.message.slice(0, 500) : recordId ? `Update about post ${recordId}` : 'Update from the blog',
        requestedBy: typeof actor === 'string' ? actor : undefined,
        sentAt: new Date().toISOString(),
      };
      sent.push(notification);
      log(
        `notification ${notification.id} sent (${notification.channel}) for ${notification.requestedBy ?? 'unknown'}, key ${idempotencyKey ?? '-'}, request ${requestId ?? '-'}`,
      );
      return { status: 200, body: { notificationId: notification.id, sentAt: notification.sentAt, message: `Notification ${notification.id} sent.` } };
    },
  };

  async function handle(req: http.IncomingMessage): Promise<Reply & { replayed?: boolean }> {
    const url = new URL(req.url ?? '/', 'http://service.local');
    if (req.method === 'GET' && url.pathname === '/health') return { status: 200, body: { ok: true } };
    const match = /^\/api\/internal\/([a-z][a-z0-9-]{0,63})$/.exec(url.pathname);
    if (!match) return { status: 404, body: { error: 'Not found.' } };
    if (req.method !== 'POST') return { status: 405, body: { error: 'Use POST.' } };
    const rawBody = await readRawBody(req);

    // 1. Genuine, fresh and not seen before (or a repeat of a keyed request), or nothing else happens.
    const name = match[1]!;
    const idempotencyKey = header(req, IDEMPOTENCY_HEADER);
    const requestId = header(req, REQUEST_ID_HEADER);
    const check = verifyHubSignature({
      secret: options.secret,
      timestamp: header(req, TIMESTAMP_HEADER),
      signature: header(req, SIGNATURE_HEADER),
      rawBody,
      toleranceSeconds: options.toleranceSeconds,
      replayGuard: guard,
      idempotencyKey,
    });
    if (!check.ok) return { status: 401, body: { error: `The request's signature was refused (${check.reason}).`, reason: check.reason } };

    let body: Record<string, unknown>;
    try {
      const parsed = JSON.parse(rawBody.toString('utf8')) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return { status: 400, body: { error: 'The body must be a JSON object.' } };
    }
    // The signed body names the action and the key: a signed request cannot be re-pointed at another action or key.
    if (body.action !== name) return { status: 400, body: { error: `The signed body names the action "${String(body.action)}", not "${name}".` } };
    if ((body.idempotencyKey ?? undefined) !== idempotencyKey)
      return { status: 400, body: { error: 'The signed body and the idempotency-key header name different keys.' } };
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) return { status: 404, body: { error: `Unknown action "${name}".` } };

    // 2. At most once per idempotency key: a repeat gets the first answer.
    const fingerprint = `${name}:${createHash('sha256').update(rawBody).digest('hex')}`;
    try {
      const { result, replayed } = await guard.once(idempotencyKey, () => action({ body, idempotencyKey, requestId }), fingerprint);
      return { ...result, replayed };
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) return { status: 422, body: { error: error.message } };
      throw error;
    }
  }

  const server = http.createServer((req, res) => {
    requests++;
    const send = (reply: Reply & { replayed?: boolean }) => {
      if (res.headersSent) return;
      res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...(reply.replayed ? { 'idempotent-replayed': 'true' } : {}),
        ...(reply.status === 413 ? { connection: 'close' } : {}),
      });
      res.end(JSON.stringify(reply.body));
    };
    handle(req).then(send, (error: Error) => {
      if (error instanceof HttpProblem) return send({ status: error.status, body: { error: error.message } });
      const reference = randomUUID().slice(0, 8);
      log(`error [ref ${reference}] on ${req.method} ${req.url}: ${error.stack ?? error.message}`);
      send({ status: 500, body: { error: `The blog service failed (reference ${reference}).` } });
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Never the reason a process stays alive: whoever started it stops it, or the process just ends.
  server.unref();
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`listening on ${url}`);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    notifications: () => [...sent],
    requestCount: () => requests,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pool?.end().catch(() => undefined);
      })()),
  };
}
