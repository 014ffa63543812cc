import type http from 'node:http';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { logger } from '@admin-hub/engine/log';

const log = logger('server');

/**
 * A Server Action is a POST anyone can send. Next.js decodes its body (React's reply
 * encoding) before any of the hub's code runs, and answers a body it cannot decode, or one
 * over its size limit, with a bare 500. The server checks the body first, with the same
 * multipart parser Next.js uses, and answers what would fail there in words: 413 for a body
 * over the limit, 400 for one that is not a call the hub's pages make. What passes is handed
 * on to Next.js unchanged.
 *
 * The hub's pages call their actions with a state object and a form, or with a string:
 * plain JSON, forms (`$K`), dates and the few special values React writes for undefined,
 * NaN and infinities. References to other parts of the body (promises, maps, sets,
 * iterators, streams, blobs, functions, temporary references, big integers) are refused:
 * no hub action takes them, and a dangling one is exactly what fails to decode.
 */

/** Next.js's Server Action body limit (next.config.mjs sets none: its default, 1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Deeper than this, a call is not one a page of the hub made (and decoding it recurses this deep). */
const MAX_DEPTH = 64;

type Busboy = NodeJS.WritableStream & {
  on(event: 'field', listener: (name: string, value: string) => void): Busboy;
  on(event: 'file', listener: (name: string, stream: Readable) => void): Busboy;
  on(event: 'error', listener: (error: Error) => void): Busboy;
  on(event: 'close' | 'finish', listener: () => void): Busboy;
};
const busboy = createRequire(import.meta.url)('next/dist/compiled/busboy') as (options: {
  headers: http.IncomingHttpHeaders;
  defParamCharset?: string;
  limits?: { fieldSize?: number };
}) => Busboy;

export interface ActionRefusal {
  status: number;
  message: string;
}

const NOT_A_CALL = "This request is not a call the hub's pages make";

/** The fields of a multipart body, parsed as Next.js parses them (busboy, same options), or why it cannot be. */
function multipartFields(headers: http.IncomingHttpHeaders, body: Buffer): Promise<Map<string, string> | string> {
  return new Promise((resolve) => {
    const fields = new Map<string, string>();
    let parser: Busboy;
    try {
      parser = busboy({ headers, defParamCharset: 'utf8', limits: { fieldSize: ACTION_BODY_LIMIT } });
    } catch (error) {
      resolve(`its form could not be read (${(error as Error).message})`);
      return;
    }
    let problem: string | undefined;
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (name, stream) => {
      problem ??= `it uploads a file (${name.slice(0, 40)}), and no form of the hub does`;
      stream.resume();
    });
    parser.on('error', (error) => resolve(`its form could not be read (${error.message})`));
    parser.on('close', () => resolve(problem ?? fields));
    parser.end(body);
  });
}

/** Why a value inside the arguments is not one the hub's pages send, if it is not. */
function unexpectedValue(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `its arguments are nested more than ${MAX_DEPTH} deep`;
  if (typeof value === 'string') {
    if (!value.startsWith('$') || value.startsWith('$$')) return undefined;
    if (/^\$K[0-9a-f]+$/.test(value) || /^\$D/.test(value) || ['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0'].includes(value)) return undefined;
    return `its arguments refer to something the hub's pages never send (${value.slice(0, 20)})`;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = unexpectedValue(item, depth + 1);
      if (problem) return problem;
    }
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const problem = unexpectedValue(item, depth + 1);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Why React could not decode these arguments (the `0` row of the call), if it could not. */
function unreadableArguments(root: string | undefined): string | undefined {
  if (root === undefined) return 'it has no arguments (no field "0")';
  let parsed: unknown;
  try {
    parsed = JSON.parse(root);
  } catch {
    return 'its arguments are not valid JSON';
  }
  if (!Array.isArray(parsed)) return 'its arguments are not a list';
  return unexpectedValue(parsed, 0);
}

/** The fields of a multipart body as Next.js reads a form posted without JavaScript (the fetch standard's parser), or why it cannot be. */
async function formFields(contentType: string, body: Buffer): Promise<FormData | string> {
  try {
    return await new Request('http://hub.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch (error) {
    return `its form could not be read (${(error as Error).message})`;
  }
}

/**
 * Why a form posted without JavaScript cannot be decoded as its action: React reads the
 * action and its bound arguments from `$ACTION_<n>:…` fields (JSON, the same reply encoding
 * as a call's arguments). Forms naming an action by `$ACTION_ID_…` alone carry no arguments.
 */
function unreadableFormAction(form: FormData): string | undefined {
  for (const key of form.keys()) {
    if (!key.startsWith('$ACTION_REF_')) continue;
    const prefix = `$ACTION_${key.slice('$ACTION_REF_'.length)}:`;
    const row = (n: string) => {
      const value = form.get(`${prefix}${n}`);
      return typeof value === 'string' ? value : undefined;
    };
    let descriptor: unknown;
    try {
      descriptor = JSON.parse(row('0') ?? '');
    } catch {
      return 'its action is not described in valid JSON';
    }
    const { id, bound } = (descriptor ?? {}) as { id?: unknown; bound?: unknown };
    if (typeof id !== 'string') return 'its action has no id';
    if (bound === null || bound === undefined) continue;
    const ref = typeof bound === 'string' ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
    if (!ref) return 'its bound arguments are not where React puts them';
    const problem = unreadableArguments(row(String(parseInt(ref[1]!, 16))));
    if (problem) return problem;
  }
  return undefined;
}

/** Why this Server Action call (with a Next-Action header) cannot be decoded, or undefined when it can. */
export async function checkActionCall(headers: http.IncomingHttpHeaders, body: Buffer): Promise<ActionRefusal | undefined> {
  const multipart = String(headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('multipart/form-data');
  let root: string | undefined;
  if (multipart) {
    const fields = await multipartFields(headers, body);
    if (typeof fields === 'string') return { status: 400, message: `${NOT_A_CALL}: ${fields}.` };
    root = fields.get('0');
  } else {
    root = body.toString('utf8');
  }
  const problem = unreadableArguments(root);
  return problem ? { status: 400, message: `${NOT_A_CALL}: ${problem}.` } : undefined;
}

/**
 * Hands a body already read back to the request, as Next.js does for its proxy (a Readable
 * with the bytes, whose methods are bound onto the IncomingMessage), so Next.js reads it as
 * if nothing had.
 */
function replaceBody(req: http.IncomingMessage, body: Buffer): void {
  const replay = new Readable({ read() {} });
  replay.push(body);
  replay.push(null);
  const target = req as unknown as Record<string, unknown>;
  for (const key in replay) {
    let value = (replay as unknown as Record<string, unknown>)[key];
    if (typeof value === 'function') value = (value as (...args: unknown[]) => unknown).bind(req);
    target[key] = value;
  }
}

/** Reads the body, at most `limit` bytes plus one (the rest is read and dropped, so the client sees the answer). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Why a multipart form posted without a Next-Action header cannot be decoded as the action it names, if it names one. */
export async function checkFormPost(headers: http.IncomingHttpHeaders, body: Buffer): Promise<ActionRefusal | undefined> {
  const form = await formFields(String(headers['content-type'] ?? ''), body);
  if (typeof form === 'string') return { status: 400, message: `${NOT_A_CALL}: ${form}.` };
  const problem = unreadableFormAction(form);
  return problem ? { status: 400, message: `${NOT_A_CALL}: ${problem}.` } : undefined;
}

/**
 * For a Server Action call (a POST to a page with a Next-Action header, or a multipart form
 * posted without JavaScript): reads and checks its body; answers a refusal and returns true,
 * or puts the body back for Next.js and returns false. Every other request is left alone.
 */
export async function refuseUnreadableActionCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  if (req.method !== 'POST' || (req.url ?? '/').startsWith('/api')) return false;
  const fetchCall = req.headers['next-action'] !== undefined;
  if (
    !fetchCall &&
    !String(req.headers['content-type'] ?? '')
      .toLowerCase()
      .startsWith('multipart/form-data')
  )
    return false;
  const tooLarge: ActionRefusal = {
    status: 413,
    message: `This change is larger than the ${ACTION_BODY_LIMIT / 1024 / 1024} MB a form may send, so nothing was done.`,
  };
  let refusal: ActionRefusal | undefined;
  let body: Buffer | undefined;
  if (Number(req.headers['content-length']) > ACTION_BODY_LIMIT) {
    refusal = tooLarge;
    req.resume(); // read and dropped, so the client sees the answer rather than a reset
  } else {
    body = await readBody(req, ACTION_BODY_LIMIT);
    refusal = body.length > ACTION_BODY_LIMIT ? tooLarge : fetchCall ? await checkActionCall(req.headers, body) : await checkFormPost(req.headers, body);
  }
  if (!refusal) {
    replaceBody(req, body!);
    return false;
  }
  log.warn(`refused a Server Action call to ${(req.url ?? '/').split('?')[0]!.slice(0, 200)}: ${refusal.message}`);
  res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${refusal.message}\n`);
  return true;
}
