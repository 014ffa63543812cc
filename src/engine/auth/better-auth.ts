import { format } from 'node:util';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { recordEvent } from '../audit/record';
import { forgetOperator } from './operator-cache';
import { announceOperatorChange } from '../hub-db/operator-changes';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { getConfig } from '../config/current';
import type { AuthConfig } from '../config/types';
import { getPool } from '../db/pools';
import { query } from '../db/query';
import { ownOrigins } from '../http/own-origins';
import { CLIENT_IP_HEADER } from '../http/client-ip';
import { servingOptions } from '../hub';
import { logger } from '../log';
import { normaliseEmail, reserveSignInAttempt, settleSignInAttempt, type SignInLimits, type SignInSubjects } from './sign-in-limit';

const log = logger('auth');

/**
 * Sign-in is Better Auth's: password hashing (scrypt), OAuth/OIDC flows, cookies, sessions
 * stored in the hub database (so they can be listed and revoked), and rate limiting. This
 * file only configures it; roles and access are the hub's own (operator.ts, access.ts).
 */

/** Who may enter through an identity provider; local accounts are created by a superadmin. */
export function emailAllowed(auth: AuthConfig, email: string): boolean {
  if (auth.allowedEmails.length === 0 && auth.allowedDomains.length === 0) return true;
  const normalised = email.trim().toLowerCase();
  const domain = normalised.split('@')[1] ?? '';
  return auth.allowedEmails.includes(normalised) || auth.allowedDomains.includes(domain);
}

/** Who is signing in, for the failed sign-in limits: the normalised email and the client address. */
function signInSubjects(ctx: { body?: unknown; headers?: Headers; request?: Request }): SignInSubjects {
  const body = ctx.body && typeof ctx.body === 'object' ? (ctx.body as { email?: unknown }) : {};
  const headers = ctx.headers ?? ctx.request?.headers;
  return { email: normaliseEmail(body.email), address: headers?.get(CLIENT_IP_HEADER) || 'unknown' };
}

/** The HTTP status an endpoint answered with, when it answered with an error. */
function errorStatus(returned: unknown): number | undefined {
  if (!returned || typeof returned !== 'object' || !('statusCode' in returned)) return undefined;
  const status = (returned as { statusCode: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

export function authOptions(): BetterAuthOptions {
  const { auth } = getConfig();
  // With HUB_URL, that is the one origin of the hub (the server redirects page requests made
  // to any other host there). Without it, the hub is whatever host it is reached by
  // (localhost, 127.0.0.1, a LAN address): Better Auth derives its base URL, callbacks
  // included, from each request's Host, and trusts the request's own origins.
  const baseURL = auth.baseUrl;
  const limits: SignInLimits = { account: auth.signInAttempts, address: auth.signInAddressAttempts, windowSeconds: auth.signInWindowSeconds };
  const socialProviders: BetterAuthOptions['socialProviders'] = {};
  if (auth.github) socialProviders.github = { ...auth.github, scope: ['user:email'] };
  if (auth.google) socialProviders.google = { ...auth.google };
  return {
    appName: 'Admin Hub',
    baseURL,
    basePath: '/api/auth',
    secret: auth.secret,
    database: getPool('hub'),
    telemetry: { enabled: false },
    trustedOrigins: baseURL ? [new URL(baseURL).origin] : (request) => (request ? [...ownOrigins(request)] : []),
    logger: {
      log: (level, message, ...args) => {
        // Without HUB_URL a per-request base URL is the intent, not a mistake to warn about.
        if (!baseURL && message.includes('Base URL is not set')) return;
        log[level](format(message, ...args));
      },
    },
    user: { modelName: 'hub_user' },
    session: {
      modelName: 'hub_session',
      expiresIn: auth.sessionHours * 3600,
      updateAge: Math.min(3600, auth.sessionHours * 1800),
      // No cookie cache: a revoked session must stop working on its very next request.
      cookieCache: { enabled: false },
    },
    account: { modelName: 'hub_account', accountLinking: { enabled: true, trustedProviders: ['github', 'google', 'oidc'] } },
    verification: { modelName: 'hub_verification' },
    emailAndPassword: { enabled: auth.localAccounts, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    // Account self-service the hub does not offer: operators, their names and credentials are
    // managed by superadmins (Operators page, user:create), audited. Left on, any signed-in
    // operator could rename themselves through /api/auth/update-user, unaudited, and reach
    // the provider tokens of linked accounts. 404 like any path that is not there.
    disabledPaths: [
      '/update-user',
      '/change-email',
      '/change-password',
      '/delete-user',
      '/delete-user/callback',
      '/link-social',
      '/unlink-account',
      '/list-accounts',
      '/account-info',
      '/get-access-token',
      '/refresh-token',
      '/update-session',
      '/request-password-reset',
      '/reset-password',
      '/send-verification-email',
      '/verify-email',
      '/verify-password',
      '/sign-up/email',
    ],
    socialProviders,
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'hub_rate_limit',
      window: 60,
      max: 300,
      customRules: {
        // Password sign-ins are limited by failures instead (sign-in-limit.ts, hooks below):
        // Better Auth's rule counts successful sign-ins too, so everyone behind one NAT
        // address shared a handful of sign-ins a minute.
        '/sign-in/email': false,
        // Starting an OAuth sign-in checks no secret: the general limit is enough.
        '/sign-in/social': { window: 60, max: 300 },
        '/sign-in/oauth2': { window: 60, max: 300 },
      },
    },
    advanced: {
      // serve() writes the socket's address here (or the proxy's, with HUB_TRUST_PROXY=1),
      // so a client cannot dodge the rate limit by sending its own X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: baseURL?.startsWith('https://') ?? false,
      // Without HUB_URL, the base URL comes from X-Forwarded-Host/-Proto, which Next.js fills
      // in from the request's own Host (and keeps a proxy's), rather than from the URL Next.js
      // hands the route handler, which need not carry the host the browser asked for.
      trustedProxyHeaders: !baseURL,
      // Explicit, so no environment variable (Better Auth relaxes these under TEST=true) can turn them off.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      cookiePrefix: 'admin-hub',
    },
    hooks: {
      // Sign-ins, failed sign-ins and sign-outs go to the central audit log as hub events;
      // a password sign-in's count (taken in `before`) is settled: a lockout is recorded after
      // the failure that caused it.
      after: createAuthMiddleware(async (ctx) => {
        const path = ctx.path;
        const signingIn = path === '/sign-in/email' || path.startsWith('/callback/') || path.startsWith('/oauth2/callback/');
        if (signingIn) {
          const session = ctx.context.newSession;
          const method = path === '/sign-in/email' ? 'password' : path.split('/').pop();
          if (session)
            await recordEvent({ actor: { id: session.user.id, email: session.user.email }, action: 'sign_in', detail: `via ${method}` }, 'succeeded');
          else {
            const email = typeof ctx.body?.email === 'string' ? ctx.body.email.slice(0, 200) : undefined;
            await recordEvent({ actor: email ? { id: '', email } : null, action: 'sign_in_failed', detail: `via ${method}` }, 'failed');
          }
        }
        if (path === '/sign-in/email') {
          // Only a wrong password or an unknown email (401) is a failure; a malformed request
          // or an account the allowlist refuses is not a guess at a password.
          const outcome = ctx.context.newSession ? 'succeeded' : errorStatus(ctx.context.returned) === 401 ? 'failed' : 'void';
          await settleSignInAttempt(signInSubjects(ctx), outcome, limits);
        }
      }),
      before: createAuthMiddleware(async (ctx) => {
        // A password sign-in takes its count before the password is checked (sign-in-limit.ts),
        // and is refused with when to try again once the account or the address is at its limit.
        if (ctx.path === '/sign-in/email') {
          const refused = await reserveSignInAttempt(signInSubjects(ctx), limits);
          if (refused) {
            throw new APIError(
              'TOO_MANY_REQUESTS',
              { code: 'TOO_MANY_FAILED_SIGN_INS', message: refused.message },
              { 'Retry-After': String(refused.retryAfterSeconds) },
            );
          }
          return;
        }
        // Sign-out is recorded on the way in: afterwards the session is already gone.
        if (ctx.path !== '/sign-out') return;
        const session = await getSessionFromCtx(ctx).catch(() => null);
        if (session) {
          forgetOperator(session.user.id);
          await recordEvent({ actor: { id: session.user.id, email: session.user.email }, action: 'sign_out' }, 'succeeded');
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            if (!emailAllowed(auth, user.email)) {
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_NOT_ALLOWED', message: 'This account is not allowed to sign in to this Admin Hub.' });
            }
            return { data: user };
          },
        },
      },
      session: {
        create: {
          // The allowlist is checked at every sign-in too: tightening it locks out existing
          // accounts that no longer match, not just new ones.
          before: async (session) => {
            const [user] = await query<{ email: string }>('hub', 'SELECT email FROM hub_user WHERE id = $1', [session.userId]);
            if (!user || !emailAllowed(auth, user.email)) {
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_NOT_ALLOWED', message: 'This account is not allowed to sign in to this Admin Hub.' });
            }
            return { data: session };
          },
        },
        // A session ended (sign-out, expiry found on lookup): every instance forgets it, after the DELETE.
        delete: {
          after: async (session) => {
            await announceOperatorChange(session.userId);
          },
        },
      },
    },
    plugins: [
      ...(auth.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: 'oidc',
                  name: auth.oidc.name,
                  discoveryUrl: `${auth.oidc.issuer}/.well-known/openid-configuration`,
                  clientId: auth.oidc.clientId,
                  clientSecret: auth.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  // Signing out of the hub ends the hub session only; the identity provider's own
                  // session is the operator's business (and its logout page would strand them there).
                  disableProviderLogout: true,
                },
              ],
            }),
          ]
        : []),
      // Handed in by the serving process (Next.js's nextCookies()): the engine imports no framework.
      ...(servingOptions().authPlugins ?? []),
    ],
  };
}

/** One instance per process (and across dev reloads), built on first use from the configuration. */
type AuthInstance = ReturnType<typeof betterAuth>;
let auth: AuthInstance | undefined;
export function getAuth(): AuthInstance {
  auth ??= betterAuth(authOptions());
  return auth;
}

/** For tests that change the configuration: the next getAuth() builds afresh. */
export function resetAuth(): void {
  auth = undefined;
}
