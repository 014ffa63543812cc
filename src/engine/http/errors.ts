import type http from 'node:http';
import { HubError, type HubErrorBody } from '../errors';
import type { QueryProblem } from '../list/errors';
import { readRefusal } from '../db/read-refusals';
import { logger } from '../log';

const log = logger('http');

export type HttpErrorBody = HubErrorBody & {
  problems?: QueryProblem[];
  fieldErrors?: Record<string, string>;
  current?: Record<string, unknown>;
  currentVersion?: string;
  /** An unexpected error's reference, the one in the server's log line (set by reportError only). */
  reference?: string;
};

export interface HttpError {
  status: number;
  body: HttpErrorBody;
  /** The HubError's own headers (Retry-After…); absent when it has none. */
  headers?: Record<string, string>;
  /** Not a HubError nor a refusal the database explains: whoever catches it logs it, once (reportError). */
  unexpected?: true;
}

/** What an operator reads for an unexpected error; reportError adds the reference. */
export const UNEXPECTED = 'Something went wrong on the server.';

/**
 * Maps what the engine throws to a status, a body fit for an operator and headers: every
 * HubError says all three itself. Anything unexpected becomes a plain 500 with no SQL, stack or
 * driver text, marked `unexpected`. Pure: it logs nothing, so it can be asked as often as
 * needed; the boundary that catches an error calls reportError instead, which logs it.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HubError) {
    const headers = error.headers;
    return { status: error.status, body: error.body(), ...(Object.keys(headers).length > 0 && { headers: { ...headers } }) };
  }
  const refused = readRefusal(error);
  if (refused) return { status: refused.status, body: refused.body() };
  const code = (error as { code?: string })?.code;
  if (code === '57014') return { status: 503, body: { error: 'The database took too long to answer (statement timeout). Narrow the filter or try again.' } };
  return { status: 500, body: { error: UNEXPECTED }, unexpected: true };
}

/** References already given, so an error that passes two boundaries is still logged once, under one reference. */
const references = new WeakMap<object, string>();

/** A short random reference ("k3x9a0qz"), quoted by the operator, found in the log. */
export function newReference(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

/**
 * Logs an unexpected error (its stack, under a new reference) and returns the reference. The
 * same error object reported again returns its first reference and is not logged again.
 */
export function logUnexpected(error: unknown): string {
  const known = typeof error === 'object' && error !== null ? references.get(error) : undefined;
  if (known) return known;
  const reference = newReference();
  if (typeof error === 'object' && error !== null) references.set(error, reference);
  log.error(`unexpected error [ref ${reference}]: ${(error as Error)?.stack ?? String(error)}`);
  return reference;
}

/**
 * toHttpError for a boundary that caught the error and answers for it (an API response, an
 * action's result, a page that shows the failure in place): an unexpected error is logged
 * here, once, and its body says the same reference the log line carries.
 */
export function reportError(error: unknown): HttpError {
  const mapped = toHttpError(error);
  if (!mapped.unexpected) return mapped;
  const reference = logUnexpected(error);
  return { ...mapped, body: { error: `Something went wrong on the server (reference ${reference}).`, reference } };
}

/** An error as an HTTP answer: status, JSON body and every header to send (never cached). */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: HttpErrorBody;
}

/**
 * The API boundary: what a route handler or the server's own doors answer for an error. The
 * HubError's headers (Retry-After on a 429) are sent; an unexpected error is logged once.
 */
export function errorAnswer(error: unknown): ErrorAnswer {
  const { status, body, headers } = reportError(error);
  return { status, body, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } };
}

/** errorAnswer as a fetch Response (route handlers). */
export function errorResponse(error: unknown): Response {
  const { status, body, headers } = errorAnswer(error);
  return new Response(JSON.stringify(body), { status, headers });
}

/** errorAnswer written to a node:http response that has not started (the server's own doors). */
export function sendError(res: http.ServerResponse, error: unknown): void {
  const { status, body, headers } = errorAnswer(error);
  const json = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(json) }).end(json);
}
