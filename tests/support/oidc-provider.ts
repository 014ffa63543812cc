import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID Connect provider for sign-in tests: node-oidc-provider on 127.0.0.1, one
 * confidential client (secret, PKCE required, code flow), accounts from the test, and plain
 * login and consent pages the browser fills in and submits like any identity provider's.
 */

// ---------------------------------------------------------------------------------------
// The few parts of oidc-provider used here (the package ships no types).

interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> } };
  params: Record<string, unknown> & { client_id: string; scope?: string };
  session?: { accountId?: string };
  grantId?: string;
}

interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}

interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: { new (properties: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
  on(event: string, listener: (...args: unknown[]) => void): void;
}

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

async function loadProvider(): Promise<ProviderConstructor> {
  // A computed specifier: TypeScript does not look for declarations the package lacks.
  const specifier: string = 'oidc-provider';
  return ((await import(specifier)) as { default: ProviderConstructor }).default;
}

// ---------------------------------------------------------------------------------------

export interface SsoAccount {
  email: string;
  name: string;
  password: string;
}

export interface OidcProviderOptions {
  accounts: SsoAccount[];
  clientId?: string;
  clientSecret?: string;
}

export interface RunningOidcProvider {
  /** The issuer, also the base of /.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Registers the client with the relying party's callback (and where it may send the browser
   * after a provider logout) and starts answering. Until then every request gets 503, so the
   * provider can listen before the hub's URL is known.
   */
  registerClient(uris: { redirectUri: string; postLogoutRedirectUri?: string }): Promise<void>;
  /** What the browser went through, in order: `login:shown`, `login:ada@sso.test`, `consent:shown`, `consent:granted`. */
  steps: string[];
  /** Errors oidc-provider reported (server_error, grant_error…), for a test to assert none. */
  errors: string[];
  stop(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main>${body}</main></body></html>`;
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const clientId = options.clientId ?? 'admin-hub-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('hex');
  const accounts = new Map(options.accounts.map((a) => [a.email, a]));
  const steps: string[] = [];
  const errors: string[] = [];
  let provider: Provider | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;

  function loginForm(uid: string, error?: string): string {
    return page(
      'Sign in to Test SSO',
      `<h1>Sign in to Test SSO</h1>
      ${error ? `<p role="alert" data-testid="sso-error">${escape(error)}</p>` : ''}
      <form method="post" action="/interaction/${escape(uid)}" data-testid="sso-login-form">
        <input type="hidden" name="prompt" value="login">
        <label>Email <input type="email" name="email" required autofocus></label>
        <label>Password <input type="password" name="password" required></label>
        <button type="submit" data-testid="sso-login-submit">Sign in</button>
      </form>`,
    );
  }

  function consentForm(details: InteractionDetails): string {
    const scopes = (details.prompt.details.missingOIDCScope ?? []).filter((s) => s !== 'openid');
    return page(
      'Allow access',
      `<h1>Allow ${escape(details.params.client_id)} to sign you in?</h1>
      <ul data-testid="sso-consent-scopes">${scopes.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>
      <form method="post" action="/interaction/${escape(details.uid)}" data-testid="sso-consent-form">
        <input type="hidden" name="prompt" value="consent">
        <button type="submit" data-testid="sso-consent-submit">Allow</button>
      </form>`,
    );
  }

  /** The login and consent pages: shown on GET, completed on POST. */
  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const p = provider!;
    const details = await p.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, page('Error', '<p>Unknown interaction.</p>'));
    const prompt = details.prompt.name;
    if (req.method === 'GET') {
      steps.push(`${prompt}:shown`);
      if (prompt === 'login') return send(res, 200, loginForm(uid));
      if (prompt === 'consent') return send(res, 200, consentForm(details));
      return send(res, 501, page('Error', `<p>Prompt ${escape(prompt)} is not implemented.</p>`));
    }
    const form = await readForm(req);
    if (form.get('prompt') !== prompt) return send(res, 400, page('Error', '<p>This step is over; start again.</p>'));
    if (prompt === 'login') {
      const email = (form.get('email') ?? '').trim().toLowerCase();
      const account = accounts.get(email);
      if (!account || account.password !== form.get('password')) return send(res, 200, loginForm(uid, 'Unknown email or wrong password.'));
      steps.push(`login:${email}`);
      return p.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
    }
    // Consent: grant what the client asked for, as oidc-provider's own development pages do.
    const grant = details.grantId
      ? (await p.Grant.find(details.grantId))!
      : new p.Grant({ accountId: details.session!.accountId!, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    steps.push('consent:granted');
    return p.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  const server = http.createServer((req, res) => {
    if (!provider || !handle) return send(res, 503, page('Not ready', '<p>The provider has no client yet.</p>'));
    const match = /^\/interaction\/([^/?]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return handle(req, res);
    interaction(req, res, decodeURIComponent(match[1]!)).catch((error: Error) => {
      errors.push(`interaction: ${error.message}`);
      if (!res.headersSent) send(res, 500, page('Error', `<p>${escape(error.message)}</p>`));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    steps,
    errors,
    async registerClient({ redirectUri, postLogoutRedirectUri }) {
      const Provider = await loadProvider();
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const created = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            post_logout_redirect_uris: postLogoutRedirectUri ? [postLogoutRedirectUri] : [],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            // What Better Auth sends when the client has a secret.
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        pkce: { required: () => true },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        async findAccount(_ctx: unknown, id: string) {
          const account = accounts.get(id);
          if (!account) return undefined;
          return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name }) };
        },
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
        cookies: { keys: [randomBytes(32).toString('hex')] },
        ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Grant: 600, Interaction: 600, Session: 600 },
      });
      for (const event of ['server_error', 'authorization.error', 'grant.error', 'userinfo.error', 'discovery.error']) {
        created.on(event, (...args: unknown[]) => {
          const error = args.find((a): a is Error => a instanceof Error);
          errors.push(`${event}: ${error ? `${error.name} ${error.message}` : 'unknown'}`);
        });
      }
      provider = created;
      handle = created.callback();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
