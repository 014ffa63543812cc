import { ForbiddenError, UnauthenticatedError } from '../auth/errors';
import { UnknownDomainError } from '../config/current';
import { DbUnavailableError } from '../db/errors';
import { ListQueryError, type QueryProblem } from '../list/errors';
import { RecordConflictError, RecordNotFoundError, RecordValidationError } from '../records/errors';
import { ResourceNotFoundError } from '../resources/registry';
import { logger } from '../log';

const log = logger('http');

export interface HttpError {
  status: number;
  body: { error: string; problems?: QueryProblem[]; fieldErrors?: Record<string, string>; current?: Record<string, unknown>; currentVersion?: string };
}

/**
 * Maps what the engine throws to a status and a message fit for an operator. Anything
 * unexpected becomes a plain 500 with no SQL, stack or driver text; the detail goes to the
 * log with a reference the operator can quote.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof UnauthenticatedError) return { status: 401, body: { error: error.message } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: error.message } };
  if (error instanceof ListQueryError) return { status: 400, body: { error: 'The request has invalid parameters.', problems: error.problems } };
  if (error instanceof UnknownDomainError || error instanceof ResourceNotFoundError || error instanceof RecordNotFoundError) return { status: 404, body: { error: error.message } };
  if (error instanceof RecordValidationError) return { status: 400, body: { error: error.formError ?? 'Some fields are not valid.', fieldErrors: error.fieldErrors } };
  if (error instanceof RecordConflictError) return { status: 409, body: { error: error.message, current: error.current, currentVersion: error.currentVersion } };
  if (error instanceof DbUnavailableError) return { status: 503, body: { error: error.message } };
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
