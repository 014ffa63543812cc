import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@admin-hub/engine/auth/better-auth';

export const dynamic = 'force-dynamic';

// Built on first request, not at import: the configuration exists only at run time.
const handlers = () => toNextJsHandler(getAuth());

/** Sign-in, sign-out, OAuth callbacks and session endpoints: all Better Auth's. */
export async function GET(request: Request): Promise<Response> {
  return handlers().GET(request);
}

export async function POST(request: Request): Promise<Response> {
  return handlers().POST(request);
}
