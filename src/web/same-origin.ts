import 'server-only';
import { ForbiddenError } from '@admin-hub/engine/auth/errors';
import { ownOrigins } from '@admin-hub/engine/http/own-origins';
import { say } from '@admin-hub/engine/i18n/say';

/**
 * Cross-site request forgery guard for route handlers that change data (Server Actions get
 * the same check from Next.js, and a refused one is answered 403 by the server's door,
 * src/engine/lifecycle/door.ts). Browsers send Origin on every POST, so a missing or foreign
 * one means the request did not come from the hub's own pages: 403, before anything runs.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin !== null && ownOrigins(request).has(origin)) return;
  throw new ForbiddenError(say('access.foreignOrigin'));
}
