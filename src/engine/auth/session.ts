import { getAuth } from './better-auth';
import { loadGrants, type Operator } from './operator';

/**
 * The operator behind a request's cookies, or null. Reads the session from the hub database
 * every time (no cookie cache), so sign-out, expiry and revocation take effect at once.
 */
export async function operatorFromHeaders(headers: Headers): Promise<Operator | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const grants = await loadGrants(session.user.id);
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    superadmin: grants.superadmin,
    roles: grants.roles,
    sessionId: session.session.id,
  };
}
