import 'server-only';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect, unstable_rethrow } from 'next/navigation';
import { newReference, reportError, toHttpError } from '@admin-hub/engine/http/errors';
import { signInPath } from './sign-in-path';

/*
 * The page boundary: how a server component (page, layout, metadata, loader) answers for an
 * error. Awaited before the page returns anything, so the status is decided before streaming.
 *
 *   not found (404)       → notFound(): the not-found page, status 404
 *   no access (403)       → forbidden(): the forbidden page, status 403
 *   no session (401)      → redirect to sign-in, coming back to the path asked for
 *   anything else         → rethrown to the error page (error.tsx). An unexpected error is
 *                           given a reference as its digest first: Next.js logs it once, with
 *                           that digest, and error.tsx shows the same reference.
 *
 * A page that shows a failure in place (a bad list link, a domain that is down) uses
 * describePageError, which logs an unexpected error once and puts its reference in the words.
 */

export type PageAnswer = 'not-found' | 'forbidden' | 'sign-in' | 'error';

/** What the page boundary answers for this error, as data (for metadata, which must not throw). */
export function pageAnswerOf(error: unknown): PageAnswer {
  switch (toHttpError(error).status) {
    case 404:
      return 'not-found';
    case 403:
      return 'forbidden';
    case 401:
      return 'sign-in';
    default:
      return 'error';
  }
}

/** Answers a page's error: notFound(), forbidden(), the sign-in redirect, or the error page. Never returns. */
export async function refusePage(error: unknown): Promise<never> {
  unstable_rethrow(error); // notFound(), redirect()… thrown inside the work are Next.js's own answers
  const answer = pageAnswerOf(error);
  if (answer === 'not-found') notFound();
  if (answer === 'forbidden') forbidden();
  if (answer === 'sign-in') redirect(signInPath((await headers()).get('x-hub-path') ?? '/'));
  if (toHttpError(error).unexpected && typeof error === 'object' && error !== null && !('digest' in error) && Object.isExtensible(error)) {
    Object.assign(error, { digest: newReference() });
  }
  throw error;
}

/** The result of `work` (a promise, or a function returning one), or the page boundary's answer for its error. */
export async function guardPage<T>(work: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return refusePage(error);
  }
}

export interface PageProblem {
  /** The HTTP status the error stands for (400 bad link, 409, 503 domain down, 500 unexpected…). */
  status: number;
  /** Words for the page: the error's message, or each list-parameter problem on its own line. */
  message: string;
  /** Set for an unexpected error: the reference of its one log line, also in `message`. */
  reference?: string;
}

/** A failure shown in the page instead of the error page: in words, an unexpected one logged once with its reference. */
export function describePageError(error: unknown): PageProblem {
  const { status, body } = reportError(error);
  const message = body.problems?.map((p) => `${p.param}: ${p.message}`).join('\n') ?? body.error;
  return { status, message, ...(body.reference !== undefined && { reference: body.reference }) };
}
