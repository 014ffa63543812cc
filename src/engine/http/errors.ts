import { HubError, type HubErrorBody } from '../errors';
import type { QueryProblem } from '../list/errors';
import { readRefusal } from '../db/read-refusals';
import { logger } from '../log';

const log = logger('http');

export interface HttpError {
  status: number;
  body: HubErrorBody & { problems?: QueryProblem[]; fieldErrors?: Record<string, string>; current?: Record<string, unknown>; currentVersion?: string };
}

/**
 * Maps what the engine throws to a status and a message fit for an operator: every HubError
 * says both itself. Anything unexpected becomes a plain 500 with no SQL, stack or driver
 * text; the detail goes to the log with a reference the operator can quote.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HubError) return { status: error.status, body: error.body() };
  const refused = readRefusal(error);
  if (refused) return { status: refused.status, body: refused.body() };
  const code = (error as { code?: string })?.code;
  if (code === '57014') return { status: 503, body: { error: 'The database took too long to answer (statement timeout). Narrow the filter or try again.' } };
  const reference = Math.random().toString(36).slice(2, 10);
  log.error(`unexpected error [ref ${reference}]: ${(error as Error)?.stack ?? String(error)}`);
  return { status: 500, body: { error: `Something went wrong on the server (reference ${reference}).` } };
}

export function errorResponse(error: unknown): Response {
  const { status, body } = toHttpError(error);
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
