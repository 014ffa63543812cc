import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { adminQuery, urlFor } from '../support/databases';
import type { RunningHub } from '../support/hub-server';
import { startHubWhenBuilt } from '../support/routes';
import { startOidcProvider, type RunningOidcProvider, type SsoAccount } from '../support/oidc-provider';

/**
 * Sign-in through a real OpenID Connect provider in Chromium: the hub discovers the provider,
 * sends the browser there with PKCE, the operator signs in and consents on the provider's
 * pages, and comes back signed in; an email outside the allowlist comes back refused.
 */

const ADA: SsoAccount = { email: 'ada@sso.test', name: 'Ada Lovelace', password: 'ada-sso-password' };
const EVE: SsoAccount = { email: 'eve@other.test', name: 'Eve Outsider', password: 'eve-sso-password' };

let sso: RunningOidcProvider;
let hub: RunningHub;
let browser: Browser;
/**
 * The hub's own database on the test server. startHub does not say which it is; the first
 * test finds it as the one database holding the SSO operator's session token.
 */
let hubDb: string | undefined;

beforeAll(async () => {
  sso = await startOidcProvider({ accounts: [ADA, EVE] });
  hub = await startHubWhenBuilt({
    orders: 50,
    env: {
      HUB_AUTH_OIDC_ISSUER: sso.issuer,
      HUB_AUTH_OIDC_CLIENT_ID: sso.clientId,
      HUB_AUTH_OIDC_CLIENT_SECRET: sso.clientSecret,
      HUB_AUTH_OIDC_NAME: 'Test SSO',
      HUB_AUTH_ALLOWED_DOMAINS: 'sso.test',
      // Vitest's TEST=true would switch Better Auth's origin checks off in the hub (isTest()).
      TEST: '',
    },
  });
  // Better Auth's callback for a generic OAuth provider is the core /callback/:id.
  await sso.registerClient({ redirectUri: `${hub.url}/api/auth/callback/oidc`, postLogoutRedirectUri: `${hub.url}/sign-in` });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  if (hub) expect(await hub.stop()).toBe(0);
  await sso?.stop();
});

/** The session token inside a Cookie header or a cookie value (`token.signature`, URL-encoded). */
function tokenOf(cookie: string): string {
  const value = /admin-hub\.session_token=([^;]+)/.exec(cookie)?.[1] ?? cookie;
  return decodeURIComponent(value).split('.')[0]!;
}

async function findHubDatabase(token: string): Promise<string> {
  const candidates = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'e2e\\_hub\\_%'`);
  const holding: string[] = [];
  for (const { datname } of candidates) {
    const rows = await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM hub_session WHERE token = $1', [token], urlFor(datname)).catch(() => [
      { n: 0 },
    ]);
    if (rows[0]!.n > 0) holding.push(datname);
  }
  if (holding.length !== 1) throw new Error(`expected one hub database holding the session, found ${holding.length}`);
  return holding[0]!;
}

function hubQuery<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  if (!hubDb) throw new Error('the hub database is found by the first test; run the whole file');
  return adminQuery<T>(sql, params, urlFor(hubDb));
}

async function sessionsOf(email: string): Promise<{ token: string }[]> {
  return hubQuery<{ token: string }>('SELECT s.token FROM hub_session s JOIN hub_user u ON u.id = s."userId" WHERE u.email = $1', [email]);
}

/** From the hub's sign-in page through the provider's login and consent pages, as a person would. */
async function signInWithSso(page: Page, account: SsoAccount): Promise<void> {
  const button = page.getByTestId('sign-in-oidc');
  expect((await button.textContent())?.trim()).toBe('Continue with Test SSO');
  // The authorization request: code flow with PKCE (S256), state and nonce, back to the hub's callback.
  const authorization = page.waitForRequest((r) => r.url().startsWith(`${sso.issuer}/auth?`));
  await button.click();
  const query = new URL((await authorization).url()).searchParams;
  expect(Object.fromEntries(['response_type', 'client_id', 'redirect_uri', 'code_challenge_method'].map((k) => [k, query.get(k)]))).toEqual({
    response_type: 'code',
    client_id: sso.clientId,
    redirect_uri: `${hub.url}/api/auth/callback/oidc`,
    code_challenge_method: 'S256',
  });
  expect(query.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
  for (const k of ['code_challenge', 'state', 'nonce']) expect(query.get(k), k).toBeTruthy();

  await page.waitForURL((u) => u.origin === sso.issuer && u.pathname.startsWith('/interaction/'));
  await page.getByTestId('sso-login-form').waitFor();
  expect(await page.title()).toBe('Sign in to Test SSO');
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByTestId('sso-login-submit').click();

  await page.getByTestId('sso-consent-form').waitFor();
  expect(await page.getByTestId('sso-consent-scopes').locator('li').allTextContents()).toEqual(expect.arrayContaining(['email', 'profile']));
  await page.getByTestId('sso-consent-submit').click();
  await page.waitForURL((u) => u.origin === hub.url);
}

/** Waits for the page to reach a hub path; on time-out, says where the browser is and what it shows. */
async function expectAt(page: Page, pathname: string): Promise<void> {
  try {
    await page.waitForURL((u) => u.origin === hub.url && u.pathname === pathname, { timeout: 15_000 });
  } catch {
    const text = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(0, 300);
    throw new Error(`expected the browser at ${pathname}, but it is at ${page.url()} showing: ${text}`);
  }
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

describe('sign-in with a generic OpenID Connect provider', () => {
  it('signs a new operator in through login and consent; no roles yet; sign-out ends the session', async () => {
    const { context, page } = await newPage();
    // A protected page sends the browser to sign-in, remembering where it was going.
    await page.goto(`${hub.url}/d/market/orders`);
    await page.waitForURL((u) => u.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/d/market/orders');

    const stepsBefore = sso.steps.length;
    await signInWithSso(page, ADA);
    expect(sso.steps.slice(stepsBefore)).toEqual(['login:shown', `login:${ADA.email}`, 'consent:shown', 'consent:granted']);

    // Back where it was going, signed in; with no role yet, that page is the 403 page.
    await expectAt(page, '/d/market/orders');
    await page.getByRole('heading', { name: 'No access' }).waitFor();
    expect((await page.goto(`${hub.url}/d/market/orders`))?.status()).toBe(403);
    const cookie = (await context.cookies(hub.url)).find((c) => c.name === 'admin-hub.session_token');
    expect(cookie).toBeDefined();
    const header = `${cookie!.name}=${cookie!.value}`;
    expect((await fetch(`${hub.url}/api/d/market/orders`, { headers: { cookie: header } })).status).toBe(403);

    // The home page shows who is signed in and says there is no role yet.
    await page.goto(`${hub.url}/`);
    expect((await page.getByTestId('operator-email').textContent())?.trim()).toBe(ADA.email);
    await page.getByTestId('no-access').waitFor();

    // The operator and the session are in the hub database, with the provider's profile.
    hubDb = await findHubDatabase(tokenOf(cookie!.value));
    const [user] = await hubQuery<{ name: string; emailVerified: boolean }>('SELECT name, "emailVerified" FROM hub_user WHERE email = $1', [ADA.email]);
    expect(user).toEqual({ name: ADA.name, emailVerified: true });
    const [account] = await hubQuery<{ providerId: string }>(
      'SELECT a."providerId" FROM hub_account a JOIN hub_user u ON u.id = a."userId" WHERE u.email = $1',
      [ADA.email],
    );
    expect(account).toEqual({ providerId: 'oidc' });
    expect(await sessionsOf(ADA.email)).toEqual([{ token: tokenOf(cookie!.value) }]);

    // Sign out: the session row is gone, the old cookie is worth nothing, and the browser is back at sign-in.
    await page.getByTestId('sign-out').click();
    await expect.poll(() => sessionsOf(ADA.email)).toEqual([]);
    expect((await fetch(`${hub.url}/api/d/market/orders`, { headers: { cookie: header } })).status).toBe(401);
    expect(await (await fetch(`${hub.url}/api/auth/get-session`, { headers: { cookie: header } })).json()).toBeNull();
    const old = await fetch(`${hub.url}/`, { redirect: 'manual', headers: { cookie: header } });
    expect(old.status).toBe(307);
    expect(new URL(old.headers.get('location')!, hub.url).pathname).toBe('/sign-in');
    // Better Auth may also end the provider's session (RP-initiated logout): the provider asks
    // to confirm, then must send the browser back to the hub's sign-in page.
    const atProvider = await page
      .waitForURL((u) => u.origin === sso.issuer, { timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (atProvider) await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expectAt(page, '/sign-in');
    await page.getByTestId('sign-in-oidc').waitFor();
    expect(sso.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('refuses an SSO account outside the allowlist: back at sign-in with the error, and no operator or session', async () => {
    const { context, page } = await newPage();
    await page.goto(`${hub.url}/d/market/orders`);
    await page.waitForURL((u) => u.pathname === '/sign-in');

    const stepsBefore = sso.steps.length;
    await signInWithSso(page, EVE);
    expect(sso.steps.slice(stepsBefore)).toEqual(['login:shown', `login:${EVE.email}`, 'consent:shown', 'consent:granted']);

    await expectAt(page, '/sign-in');
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('refused');
    expect((await context.cookies(hub.url)).filter((c) => c.name === 'admin-hub.session_token')).toEqual([]);
    expect(await hubQuery('SELECT id FROM hub_user WHERE email = $1', [EVE.email])).toEqual([]);
    expect(await sessionsOf(EVE.email)).toEqual([]);
    expect(sso.errors).toEqual([]);
    await context.close();
  }, 120_000);
});
