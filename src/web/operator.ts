import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { UnauthenticatedError } from '@admin-hub/engine/auth/errors';
import type { Operator } from '@admin-hub/engine/auth/operator';
import { operatorFromHeaders, sessionMayBeLive } from '@admin-hub/engine/auth/session';
import { signInPath } from './sign-in-path';

/**
 * Next.js glue between requests and the engine's operator. Pages call requirePageOperator
 * (no session → the sign-in page, coming back here afterwards); route handlers call
 * requireApiOperator (no session → 401). The engine then checks roles itself.
 */
export async function requirePageOperator(returnTo: string): Promise<Operator> {
  const requestHeaders = await headers();
  const operator = await operatorFromHeaders(requestHeaders);
  // The path the proxy saw beats the caller's guess (a layout only knows its own segment).
  if (!operator) redirect(signInPath(requestHeaders.get('x-hub-path') ?? returnTo));
  return operator;
}

/** Sent by Next.js with every Server Action call. */
const SERVER_ACTION_HEADER = 'next-action';

/**
 * The operator of a Server Action (or of a page that may be shown signed out). In a Server
 * Action an ended session answers null without touching cookies (see sessionMayBeLive), so
 * the action can say so and the page stays as it was: a form keeps what was typed.
 */
export async function currentOperator(): Promise<Operator | null> {
  const requestHeaders = await headers();
  if (requestHeaders.has(SERVER_ACTION_HEADER) && !(await sessionMayBeLive(requestHeaders))) return null;
  return operatorFromHeaders(requestHeaders);
}

export async function requireApiOperator(request: Request): Promise<Operator> {
  const operator = await operatorFromHeaders(request.headers);
  if (!operator) throw new UnauthenticatedError();
  return operator;
}
