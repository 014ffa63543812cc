import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { UnauthenticatedError } from '@/engine/auth/errors';
import type { Operator } from '@/engine/auth/operator';
import { operatorFromHeaders } from '@/engine/auth/session';

/**
 * Next.js glue between requests and the engine's operator. Pages call requirePageOperator
 * (no session → the sign-in page, coming back here afterwards); route handlers call
 * requireApiOperator (no session → 401). The engine then checks roles itself.
 */
export async function requirePageOperator(returnTo: string): Promise<Operator> {
  const requestHeaders = await headers();
  const operator = await operatorFromHeaders(requestHeaders);
  // The path the proxy saw beats the caller's guess (a layout only knows its own segment).
  if (!operator) redirect(`/sign-in?next=${encodeURIComponent(requestHeaders.get('x-hub-path') ?? returnTo)}`);
  return operator;
}

export async function currentOperator(): Promise<Operator | null> {
  return operatorFromHeaders(await headers());
}

export async function requireApiOperator(request: Request): Promise<Operator> {
  const operator = await operatorFromHeaders(request.headers);
  if (!operator) throw new UnauthenticatedError();
  return operator;
}
