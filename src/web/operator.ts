import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { UnauthenticatedError } from '@admin-hub/engine/auth/errors';
import type { Operator } from '@admin-hub/engine/auth/operator';
import { operatorFromHeaders, sessionMayBeLive } from '@admin-hub/engine/auth/session';
import { getConfig } from '@admin-hub/engine/config/current';
import { READ_AFTER_COOKIE, READ_AFTER_MAX_AGE_SECONDS, readAfterOf } from '@admin-hub/engine/db/read-after';
import { signInPath } from './sign-in-path';

/**
 * Next.js glue between requests and the engine's operator. Pages call requirePageOperator
 * (no session → the sign-in page, coming back here afterwards); route handlers call
 * requireApiOperator (no session → 401). The engine then checks roles itself.
 */
export async function requirePageOperator(returnTo: string): Promise<Operator> {
  const requestHeaders = await headers();
  const operator = await pageOperator();
  // The path the proxy saw beats the caller's guess (a layout only knows its own segment).
  if (!operator) redirect(signInPath(requestHeaders.get('x-hub-path') ?? returnTo));
  return operator;
}

/**
 * The operator of the request being rendered, or null: looked up once per request however many
 * layouts, pages and the language configuration (src/i18n/request.ts) ask.
 */
export const pageOperator = cache(async (): Promise<Operator | null> => operatorFromHeaders(await headers()));

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
  return rememberOwnWrites(await operatorFromHeaders(requestHeaders));
}

/**
 * A write door's operator: when a save commits on a domain with a read replica, the engine
 * notes the commit's WAL position (db/read-after.ts) and this sets it as a cookie, so the
 * operator's next reads, through whichever hub instance, wait for the replica to have it.
 */
async function rememberOwnWrites(operator: Operator | null): Promise<Operator | null> {
  const readAfter = readAfterOf(operator);
  if (!readAfter) return operator;
  // Outside a request (a route handler called directly, as tests do) there is no cookie to set.
  let jar: Awaited<ReturnType<typeof cookies>>;
  try {
    jar = await cookies();
  } catch {
    return operator;
  }
  const secure = getConfig().auth.baseUrl?.startsWith('https://') ?? false;
  readAfter.onChange((value) => {
    try {
      jar.set(READ_AFTER_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: READ_AFTER_MAX_AGE_SECONDS, secure });
    } catch {
      // The response is gone (a bulk run's later batch): the read after it may briefly be the replica's.
    }
  });
  return operator;
}

export async function requireApiOperator(request: Request): Promise<Operator> {
  const operator = await rememberOwnWrites(await operatorFromHeaders(request.headers));
  if (!operator) throw new UnauthenticatedError();
  return operator;
}
