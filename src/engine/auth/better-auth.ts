import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { recordEvent } from '../audit/record';
import { forgetOperator } from './session';
import { nextCookies } from 'better-auth/next-js';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { getConfig } from '../config/current';
import type { AuthConfig } from '../config/types';
import { getPool } from '../db/pools';
import { query } from '../db/query';
import { CLIENT_IP_HEADER } from '../lifecycle/serve';

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

export function authOptions(): BetterAuthOptions {
  const { auth } = getConfig();
  const port = process.env.HUB_PORT ?? process.env.PORT ?? '3000';
  const baseURL = auth.baseUrl ?? `http://localhost:${port}`;
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
    trustedOrigins: [baseURL],
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
    socialProviders,
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'hub_rate_limit',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: auth.signInWindowSeconds, max: auth.signInAttempts } },
    },
    advanced: {
      // serve() writes the socket's address here (or the proxy's, with HUB_TRUST_PROXY=1),
      // so a client cannot dodge the rate limit by sending its own X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: baseURL.startsWith('https://'),
      // Explicit, so no environment variable (Better Auth relaxes these under TEST=true) can turn them off.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      cookiePrefix: 'admin-hub',
    },
    hooks: {
      // Sign-ins, failed sign-ins and sign-outs go to the central audit log as hub events.
      after: createAuthMiddleware(async (ctx) => {
        const path = ctx.path;
        const signingIn = path === '/sign-in/email' || path.startsWith('/callback/') || path.startsWith('/oauth2/callback/');
        if (signingIn) {
          const session = ctx.context.newSession;
          const method = path === '/sign-in/email' ? 'password' : path.split('/').pop();
          if (session) await recordEvent({ actor: { id: session.user.id, email: session.user.email }, action: 'sign_in', detail: `via ${method}` }, 'succeeded');
          else {
            const email = typeof ctx.body?.email === 'string' ? ctx.body.email.slice(0, 200) : undefined;
            await recordEvent({ actor: email ? { id: '', email } : null, action: 'sign_in_failed', detail: `via ${method}` }, 'failed');
          }
        }
      }),
      // Sign-out is recorded on the way in: afterwards the session is already gone.
      before: createAuthMiddleware(async (ctx) => {
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
      nextCookies(),
    ],
  };
}

/** One instance per process (and across dev reloads), built on first use from the configuration. */
const KEY = Symbol.for('admin-hub.auth');
type AuthInstance = ReturnType<typeof betterAuth>;
export function getAuth(): AuthInstance {
  const holder = globalThis as { [KEY]?: AuthInstance };
  holder[KEY] ??= betterAuth(authOptions());
  return holder[KEY];
}

/** For tests that change the configuration: the next getAuth() builds afresh. */
export function resetAuth(): void {
  (globalThis as { [KEY]?: AuthInstance })[KEY] = undefined;
}
