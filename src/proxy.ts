import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { signInPath } from '@/web/sign-in-path';

const PATH_HEADER = 'x-hub-path';

/**
 * An optimistic first gate for pages: no session cookie → the sign-in page, remembering
 * where the operator was going. It only looks at the cookie; whether the session is valid
 * and what the operator may see is decided on the server for every request (web/operator.ts
 * and the engine), so a forged cookie gets no further than here would have let it.
 */
export function proxy(request: NextRequest): NextResponse {
  // A Server Action (a form's save) is let through: it reads the session itself and answers
  // "your session has ended" to the page that is still open, with the operator's typing in
  // it. Redirected, the browser would follow to the sign-in page and the form would be lost.
  const serverAction = request.method === 'POST' && request.headers.has('next-action');
  if (serverAction || getSessionCookie(request, { cookiePrefix: 'admin-hub' })) {
    // Layouts cannot see the URL; with this they can send an operator whose session turned
    // out to be invalid back to the page they asked for after signing in.
    const headers = new Headers(request.headers);
    headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  }
  return NextResponse.redirect(new URL(signInPath(request.nextUrl.pathname + request.nextUrl.search), request.url));
}

export const config = {
  // Pages only: APIs answer 401 themselves, and sign-in, assets (the tab and home-screen icons
  // too: the sign-in page shows them) and health stay public.
  matcher: ['/((?!api/|_next/|sign-in|favicon.ico|icon.svg|apple-icon).*)'],
};
