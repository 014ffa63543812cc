import http from 'node:http';
import zlib from 'node:zlib';

/** One generated request, as sent, and enough about it to reproduce it by hand. */
export interface FuzzRequest {
  /** The route it exercises, as the table of doors spells it (`/d/[domain]/[resource]`), or a name for a door (`server action`). */
  route: string;
  /** Who sends it: an operator kind of startHub, `anonymous`, or `forged` (a cookie that is not a session). */
  operator: string;
  method: string;
  /** Path and query exactly as written on the request line (escapes as generated). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The text values the request carries, so the oracle can tell an echo from a leak. */
  sent: string[];
  /** What the generator meant by it, for the report (`saveRecordAction market/products`). */
  note: string;
}

export interface FuzzAnswer {
  status: number;
  body: string;
  ms: number;
  /** Set when no HTTP answer came: the connection was reset, refused, or timed out. */
  error?: string;
}

/** Bodies beyond this are read and dropped (an export of a whole table): the oracle needs the start. */
const KEEP_BYTES = 2_000_000;

/**
 * Sends one request with node:http (fetch would refuse some of what is sent on purpose: a raw
 * `%FF` in the path, a header fetch forbids) and waits at most `timeoutMs` for the whole answer.
 */
export function send(baseUrl: string, request: FuzzRequest, timeoutMs: number): Promise<FuzzAnswer> {
  const url = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<FuzzAnswer, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, ms: Math.round(performance.now() - started) });
    };
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = request.body.length;
    let req: http.ClientRequest;
    try {
      req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent: false });
    } catch (error) {
      // node:http refused to send it at all (a character it never puts on the wire): not the hub's answer.
      finish({ status: 0, body: '', error: `not sendable: ${(error as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, body: '', error: `no complete answer within ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < KEEP_BYTES) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      const text = () => decoded(Buffer.concat(chunks), String(res.headers['content-encoding'] ?? ''));
      res.on('end', () => finish({ status: res.statusCode ?? 0, body: text() }));
      res.on('error', (error) => finish({ status: res.statusCode ?? 0, body: text(), error: `answer cut: ${error.message}` }));
      res.on('aborted', () => finish({ status: res.statusCode ?? 0, body: text(), error: 'answer cut (aborted)' }));
    });
    req.on('error', (error) => finish({ status: 0, body: '', error: `connection: ${error.message}` }));
    req.end(request.body);
  });
}

/** The body as text, uncompressed when the server compressed it (as much of it as was kept). */
function decoded(body: Buffer, encoding: string): string {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  try {
    if (encoding === 'gzip') return zlib.gunzipSync(body, flush).toString('utf8');
    if (encoding === 'deflate') return zlib.inflateSync(body, flush).toString('utf8');
    if (encoding === 'br') return zlib.brotliDecompressSync(body, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }).toString('utf8');
  } catch {
    return `(a ${encoding} body that did not decompress) ${body.toString('latin1')}`;
  }
  return body.toString('utf8');
}

/** The request as a curl command line, for the failure report. */
export function asCurl(baseUrl: string, request: FuzzRequest): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = ['curl', '-i', '--path-as-is', '-X', request.method];
  for (const [k, v] of Object.entries(request.headers)) parts.push('-H', quote(`${k}: ${v.length > 300 ? `${v.slice(0, 300)}…` : v}`));
  if (request.body !== undefined) {
    const text = request.body.toString('utf8');
    parts.push('--data-binary', quote(text.length > 600 ? `${text.slice(0, 600)}…(${request.body.length} bytes)` : text));
  }
  const target = request.path.length > 600 ? `${request.path.slice(0, 600)}…(${request.path.length} chars)` : request.path;
  parts.push(quote(`${baseUrl}${target}`));
  return parts.join(' ');
}
