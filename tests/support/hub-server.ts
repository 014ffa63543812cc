import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createOperator } from '../../src/engine/auth/operators';
import type { DomainRole } from '../../src/engine/auth/roles';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { buildApp, isBuildStale } from '../../src/engine/lifecycle/build';
import { createTestDatabase, targetFromUrl, withClient } from './databases';
import { urlViaPgBouncer } from './db-target';
import { installConfig, resetEngine } from './engine';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '../..');

/** One operator per kind the access matrix needs; every password is the same long test one. */
export const OPERATORS = {
  superadmin: { email: 'root@e2e.test', superadmin: true, roles: {} },
  marketAdmin: { email: 'market-admin@e2e.test', superadmin: false, roles: { market: 'admin' } },
  marketEditor: { email: 'market-editor@e2e.test', superadmin: false, roles: { market: 'editor' } },
  marketViewer: { email: 'market-viewer@e2e.test', superadmin: false, roles: { market: 'viewer' } },
  // The demo's row scope follows this email (src/demo/resources/market.ts): customers of DE and AT only.
  marketScoped: { email: 'regional@demo.local', superadmin: false, roles: { market: 'viewer' } },
  blogViewer: { email: 'blog-viewer@e2e.test', superadmin: false, roles: { blog: 'viewer' } },
  nobody: { email: 'nobody@e2e.test', superadmin: false, roles: {} },
} as const satisfies Record<string, { email: string; superadmin: boolean; roles: Record<string, DomainRole> }>;
export type OperatorKind = keyof typeof OPERATORS;
export const PASSWORD = 'e2e-password-long-enough';

export interface RunningHub {
  url: string;
  /** The hub's own database (sessions, audit), for tests that change it behind the hub's back. */
  hubDatabaseUrl: string;
  /** The market domain's database, for tests that prepare its rows or statistics behind the hub's back. */
  marketDatabaseUrl: string;
  blogDatabaseUrl: string;
  logs: () => string;
  /** Signs in over HTTP like the browser does and returns the Cookie header to send. */
  cookieFor(kind: OperatorKind): Promise<string>;
  /** Signs a browser page in through the sign-in form. */
  signInPage(page: Page, kind: OperatorKind): Promise<void>;
  /** Every TCP connection the hub's process opened so far, as `host:port`. */
  outbound: () => string[];
  /** Those connections that went to neither its databases, its configured services, nor itself. */
  strayConnections: () => string[];
  /** The hub's process, for tests of its own behaviour (signals, output). */
  process: ChildProcess;
  stop(): Promise<number | null>;
}

function portOf(target: string): string {
  return target.slice(target.lastIndexOf(':') + 1);
}

/**
 * The ports a test hub may connect to: its own, and those of every URL it was configured
 * with (databases, identity providers, domain services). Ports, not hosts: the same server
 * is reached as localhost, 127.0.0.1 or ::1.
 */
function allowedTargets(port: number, env: Record<string, string | undefined>): Set<string> {
  const allowed = new Set([String(port)]);
  for (const [name, value] of Object.entries(env)) {
    if (!value || !/(_URL|_ISSUER)$/.test(name)) continue;
    try {
      const url = new URL(value);
      allowed.add(url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '5432'));
    } catch {
      // not a URL: nothing to allow
    }
  }
  return allowed;
}

export interface HubStartOptions {
  orders?: number;
  env?: Record<string, string>;
  /**
   * Another instance on the databases of `alongside` (a running hub): nothing is created,
   * seeded or dropped, and its operators are that hub's. For tests of several instances.
   */
  alongside?: RunningHub;
  /** The address operators reach it at (HUB_URL), when that is not its own: a load balancer in front. */
  publicUrl?: string;
  /**
   * D_DB_READ_URL for both domains, naming their own databases: every read takes the replica
   * path of the production build (a server that is not a standby is never behind). Real
   * standbys, lag and fallback are tested at the engine (tests/replica).
   */
  readReplicas?: boolean;
}

/**
 * The real hub (production build, `npm start`'s script) against freshly seeded demo
 * databases on the test server, so browser tests run on PostgreSQL 18 and 15 alike.
 */
export async function startHub(options: HubStartOptions = {}): Promise<RunningHub> {
  // CI builds before testing; locally the first browser test builds a missing or stale app.
  if (isBuildStale(root)) await buildApp(root, { skipTypecheck: true, onProgress: (m) => process.stderr.write(`${m}\n`) });
  const shared = options.alongside;
  const [hub, blog, market] = shared
    ? [shared.hubDatabaseUrl, shared.blogDatabaseUrl, shared.marketDatabaseUrl].map((url) => ({ url, drop: async () => undefined }))
    : await Promise.all([createTestDatabase('e2e_hub'), createTestDatabase('e2e_blog'), createTestDatabase('e2e_market')]);
  if (!shared)
    await Promise.all([withClient(blog!.url, (c) => seedBlog(c)), withClient(market!.url, (c) => seedMarket(c, { orders: options.orders ?? 3000 }))]);
  const port = await freePort();
  const outboundLog = path.join(mkdtempSync(path.join(tmpdir(), 'hub-outbound-')), 'connections.log');
  const preload = path.join(root, 'tests/support/outbound-log.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--import', preload, path.join(root, 'scripts/start.ts')], {
    cwd: root,
    env: {
      ...process.env,
      HUB_TEST_OUTBOUND_LOG: outboundLog,
      NODE_ENV: 'production',
      TEST: '', // Vitest sets TEST=true; the hub must run as in production
      HUB_DOMAINS: 'blog,market',
      ...urlViaPgBouncer('HUB', hub.url),
      ...urlViaPgBouncer('BLOG', blog.url),
      ...urlViaPgBouncer('MARKET', market.url),
      ...(options.readReplicas ? { BLOG_DB_READ_URL: blog.url, MARKET_DB_READ_URL: market.url } : {}),
      HUB_PORT: String(port),
      HUB_URL: options.publicUrl ?? `http://127.0.0.1:${port}`,
      HUB_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      HUB_HOST: '127.0.0.1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub did not start in time:\n${output}`)), 120_000);
      const check = () => {
        if (output.includes('Admin Hub is running at')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      void exited.then((code) => reject(new Error(`hub exited with ${code}:\n${output}`)));
    });
  } catch (error) {
    child.kill('SIGKILL');
    await Promise.all([hub.drop(), blog.drop(), market.drop()]).catch(() => undefined);
    throw error;
  }
  // The hub migrated its database at start-up; create the operators the tests sign in as.
  if (!shared) {
    installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', blog.url), targetFromUrl('market', market.url)]);
    for (const o of Object.values(OPERATORS)) await createOperator({ email: o.email, password: PASSWORD, superadmin: o.superadmin, roles: { ...o.roles } });
    await resetEngine();
  }
  const url = `http://127.0.0.1:${port}`;
  const allowed = allowedTargets(port, {
    ...process.env,
    ...options.env,
    HUB_DATABASE_URL: hub.url,
    BLOG_DATABASE_URL: blog.url,
    MARKET_DATABASE_URL: market.url,
    ...urlViaPgBouncer('HUB_POOLED', hub.url), // PgBouncer's port, under test:pgbouncer
  });
  const outbound = () => (existsSync(outboundLog) ? readFileSync(outboundLog, 'utf8').split('\n').filter(Boolean) : []);
  const cookies = new Map<OperatorKind, string>();
  return {
    url,
    hubDatabaseUrl: hub.url,
    blogDatabaseUrl: blog.url,
    marketDatabaseUrl: market.url,
    process: child,
    logs: () => output,
    outbound,
    strayConnections: () => [...new Set(outbound())].filter((target) => !allowed.has(portOf(target))),
    async cookieFor(kind) {
      if (!cookies.has(kind)) {
        const response = await fetch(`${url}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: url },
          body: JSON.stringify({ email: OPERATORS[kind].email, password: PASSWORD }),
        });
        if (response.status !== 200) throw new Error(`sign-in as ${kind} failed: ${response.status} ${await response.text()}`);
        cookies.set(
          kind,
          response.headers
            .getSetCookie()
            .map((c) => c.split(';')[0])
            .join('; '),
        );
      }
      return cookies.get(kind)!;
    },
    async signInPage(page, kind) {
      await page.goto(`${url}/sign-in`);
      await page.locator('input[name="email"]').fill(OPERATORS[kind].email);
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    },
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      await Promise.all([hub.drop(), blog.drop(), market.drop()]);
      // Every hub a test starts proves it talked only to its databases, its services and itself.
      const stray = [...new Set(outbound())].filter((target) => !allowed.has(portOf(target)));
      rmSync(path.dirname(outboundLog), { recursive: true, force: true });
      if (stray.length > 0) throw new Error(`the hub connected to addresses it does not own: ${stray.join(', ')}`);
      return code;
    },
  };
}
