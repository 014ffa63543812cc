import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { UnauthenticatedError } from '@admin-hub/engine/auth/errors';
import type { Operator } from '@admin-hub/engine/auth/operator';
import { UnknownDomainError } from '@admin-hub/engine/config/current';
import { reportError } from '@admin-hub/engine/http/errors';
import { RecordValidationError } from '@admin-hub/engine/records/errors';
import { ResourceNotFoundError } from '@admin-hub/engine/resources/registry';
import { currentOperator } from './operator';

/*
 * The Server Action boundary: how an action answers for an error. Every action returns its
 * state instead of throwing (a thrown error would be React's generic failure), and every state
 * has the same two words: `ok` (what was done) or `error` (why not), plus what a form can use
 * (`code`, `fieldErrors`, `reference`). One mapper, actionFailure, turns any error into that;
 * an unexpected error is logged once there, and `error` quotes the reference of its log line.
 */

/** The one wording for an action refused because the operator's session ended (or never was). */
export const SESSION_ENDED = 'Your session has ended, so nothing was done. Sign in again, then try once more.';

/** What an action answers when it did not do its work. */
export interface ActionFailure {
  /** Words for the operator: a HubError's own message, or "Something went wrong on the server (reference …)." */
  error: string;
  /** The HTTP status the refusal stands for: 401 session ended, 403, 404, 400 invalid, 409, 503, 500 unexpected… */
  code: number;
  /** Field → message, for a form's fields (invalid input). */
  fieldErrors?: Record<string, string>;
  /** An unexpected error's reference, also quoted in `error`. */
  reference?: string;
}

/** The state every action form shares: `ok` when done, or a failure. Forms add their own fields to it. */
export interface ActionState extends Partial<ActionFailure> {
  ok?: string;
}

/** An error as the action's answer. Next.js's own signals (redirect(), notFound()) are rethrown, not mapped. */
export function actionFailure(error: unknown): ActionFailure {
  unstable_rethrow(error);
  if (error instanceof UnauthenticatedError) return { error: SESSION_ENDED, code: 401 };
  if (error instanceof ResourceNotFoundError || error instanceof UnknownDomainError)
    return { error: 'This kind of record does not exist (any more).', code: 404 };
  if (error instanceof RecordValidationError) {
    const fieldErrors = { ...error.fieldErrors };
    const message = error.formError ?? (Object.values(fieldErrors).join(' ') || 'Some fields need your attention.');
    return { error: message, code: 400, fieldErrors };
  }
  const { status, body } = reportError(error);
  return {
    error: body.error,
    code: status,
    ...(body.fieldErrors !== undefined && { fieldErrors: body.fieldErrors }),
    ...(body.reference !== undefined && { reference: body.reference }),
  };
}

/**
 * The operator of a Server Action, read from the session again (never from the form). An ended
 * session throws UnauthenticatedError, which actionFailure words as SESSION_ENDED.
 */
export async function actionOperator(): Promise<Operator> {
  const operator = await currentOperator();
  if (!operator) throw new UnauthenticatedError();
  return operator;
}

/** Runs an action's work and answers its state: what `work` returns, or actionFailure of what it threw. */
export async function runAction<T extends ActionState>(work: () => Promise<T>): Promise<T | ActionFailure> {
  try {
    return await work();
  } catch (error) {
    return actionFailure(error);
  }
}
