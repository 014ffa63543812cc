import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';

const PATH_HEADER = 'x-hub-path';
/** The longest way back (escaped) carried to the sign-in page. */
const MAX_NEXT = 2_000;

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
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  // The way back rides along unless it is too long for a redirect (escaped once more, a
  // 16 KB address became a Location header no client reads); then the path alone, or nothing.
  const back = [request.nextUrl.pathname + request.nextUrl.search, request.nextUrl.pathname].map(encodeURIComponent).find((n) => n.length <= MAX_NEXT);
  url.search = back ? `?next=${back}` : '';
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: APIs answer 401 themselves, and sign-in, assets (the tab and home-screen icons
  // too: the sign-in page shows them) and health stay public.
  matcher: ['/((?!api/|_next/|sign-in|favicon.ico|icon.svg|apple-icon).*)'],
};
