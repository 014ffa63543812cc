import { getSessionCookie } from 'better-auth/cookies';
import { attachReadAfter, ReadAfter } from '../db/read-after';
import { speakIn } from '../i18n/say';
import { getAuth } from './better-auth';
import { storableText } from '../values/text';
import { grantsFrom, type Operator } from './operator';
import { query } from '../db/query';
import { settingsFrom } from '../operators/settings';
import { cache, cacheGeneration, cacheTrusted } from './operator-cache';

/**
 * The operator behind a request's cookies, or null. The session is read from the hub
 * database through Better Auth (no cookie cache), then kept in this process for a moment
 * (HUB_SESSION_CACHE_MS, default 1000): a page fires several requests at once, and Better
 * Auth's lookup costs ~1.5 ms of CPU each. Sign-out, revocation and role changes made through
 * any hub instance clear the cached entry in every instance at once (operator-cache.ts); a
 * change made by SQL by hand is seen within that moment. HUB_SESSION_CACHE_MS=0 turns the
 * cache off.
 */
const ttl = () => Number(process.env.HUB_SESSION_CACHE_MS ?? 1000);

export async function operatorFromHeaders(headers: Headers): Promise<Operator | null> {
  const operator = await sessionOperator(headers);
  if (!operator) return null;
  // A fresh object per request (the cache shares one), carrying this request's read-your-writes state.
  const own = { ...operator };
  attachReadAfter(own, ReadAfter.fromCookieHeader(headers.get('cookie')));
  // The operator's own language, once chosen, is the language of the rest of the request's answers.
  speakIn(own.locale);
  return own;
}

async function sessionOperator(headers: Headers): Promise<Operator | null> {
  const token = getSessionCookie(headers, { cookiePrefix: 'admin-hub' });
  if (!token) return null;
  const now = Date.now();
  const trusted = cacheTrusted();
  const hit = trusted ? cache().get(token) : undefined;
  if (hit && now - hit.at < ttl() && now < hit.expiresAt) return hit.operator;
  const generation = cacheGeneration();
  const session = await getAuth().api.getSession({ headers });
  if (!session) {
    cache().delete(token);
    return null;
  }
  const { grants, settings } = await loadOperatorState(session.user.id);
  const operator: Operator = {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    superadmin: grants.superadmin,
    roles: grants.roles,
    sessionId: session.session.id,
    ...settings,
  };
  // Not when a change was announced while this lookup ran: what it read may be what changed.
  if (ttl() > 0 && trusted && cacheGeneration() === generation) {
    if (cache().size > 10_000) cache().clear(); // bounded: a flood of cookies cannot grow it
    cache().set(token, { operator, at: now, expiresAt: new Date(session.session.expiresAt).getTime() });
  }
  return operator;
}

/** The operator's grants and own settings in one round trip: a row per grant (one row of NULLs without any), each carrying the settings. */
async function loadOperatorState(userId: string) {
  const rows = await query<{ domain: string | null; role: string | null; locale: string | null; time_zone: string | null }>(
    'hub',
    `SELECT g.domain, g.role, s.locale, s.time_zone
       FROM (SELECT $1::text AS user_id) AS operator
       LEFT JOIN hub_grants g ON g.user_id = operator.user_id
       LEFT JOIN hub_operator_settings s ON s.user_id = operator.user_id`,
    [userId],
  );
  return { grants: grantsFrom(rows), settings: settingsFrom(rows[0]) };
}

/**
 * Whether the request's session cookie names a session that exists and has not expired, read
 * from the hub database without Better Auth's endpoint. That lookup expires the cookie of a
 * dead session, and inside a Server Action Next.js answers any cookie change by rendering the
 * page again, whose layout then sends the operator to sign-in and drops an unsaved form. This
 * writes nothing and grants nothing: a live session still goes through operatorFromHeaders.
 */
export async function sessionMayBeLive(headers: Headers): Promise<boolean> {
  const raw = getSessionCookie(headers, { cookiePrefix: 'admin-hub' });
  if (!raw) return false;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // not URL-encoded: used as it is
  }
  // The cookie holds "<token>.<signature>"; the session row is found by the token.
  const dot = value.lastIndexOf('.');
  const token = dot > 0 ? value.slice(0, dot) : value;
  // A NUL or half a UTF-16 pair names no session (and the database refuses to even compare it).
  if (!storableText(token)) return false;
  const found = await (await getAuth().$context).internalAdapter.findSession(token);
  const live = found !== null && new Date(found.session.expiresAt).getTime() > Date.now();
  // Known dead now: the next page (the sign-in page it leads to) must not reuse it from the cache.
  if (!live) cache().delete(raw);
  return live;
}
