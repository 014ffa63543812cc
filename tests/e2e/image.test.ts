// Version-independent (vitest.config.ts): the container image's assembly and start.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleImageApp } from '../../scripts/image-app';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { createOperator } from '../../src/engine/auth/operators';
import { buildApp, isBuildStale } from '../../src/engine/lifecycle/build';
import { writeEnginePackage } from '../../src/engine/lifecycle/engine-package';
import { createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { freePort } from '../support/free-port';

/*
 * Docker cannot run here, so the image is kept honest another way: the app it copies is
 * assembled by the same script (scripts/image-app.ts), and started with the Dockerfile's own
 * CMD and ENV, from that folder alone, with production dependencies in place. Its HEALTHCHECK
 * command says ready, an operator signs in and reads a list, and SIGTERM drains and exits 0.
 */

const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
/** The runtime stage: everything after the last FROM. */
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const CMD = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]!) as string[];
const HEALTHCHECK = JSON.parse(/^\s+CMD (\[.*\])$/m.exec(runtime)![1]!) as string[];
/** `ENV A=1 \ B=2 …` of the runtime stage. */
const ENV = Object.fromEntries([.../^ENV ((?:.*\\\n)*.*)$/m.exec(runtime)![1]!.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])) as Record<
  string,
  string
>;

let app: string;
let hub: TestDatabase, blog: TestDatabase, market: TestDatabase;
let child: ChildProcess | undefined;
let output = '';
let port = 0;

beforeAll(async () => {
  if (isBuildStale(root)) await buildApp(root, { skipTypecheck: true });
  app = path.join(mkdtempSync(path.join(tmpdir(), 'hub-image-')), 'app');
  assembleImageApp(root, app);
  // `npm ci --omit=dev` stands for: the installed packages (linked, not copied), then its postinstall's engine package.
  mkdirSync(path.join(app, 'node_modules'));
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '@admin-hub' || entry === '.bin') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(app, 'node_modules', entry));
  }
  writeEnginePackage(app);
  [hub, blog, market] = await Promise.all([createTestDatabase('image_hub'), createTestDatabase('image_blog'), createTestDatabase('image_market')]);
  await Promise.all([withClient(blog.url, (c) => seedBlog(c)), withClient(market.url, (c) => seedMarket(c, { orders: 200 }))]);
  port = await freePort();
}, 300_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await resetEngine();
  await Promise.all([hub?.drop(), blog?.drop(), market?.drop()]);
  if (app) rmSync(path.dirname(app), { recursive: true, force: true });
});

describe('the container image', () => {
  it("starts with npm start's own command, as a prebuilt production app", () => {
    const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(CMD).toEqual(start.split(/\s+/));
    expect(ENV).toMatchObject({ NODE_ENV: 'production', HUB_PREBUILT: '1', HUB_HOST: '0.0.0.0' });
    expect(runtime).toMatch(/^USER node$/m);
    expect(HEALTHCHECK.join(' ')).toContain('/api/health/ready');
  });

  it('holds the build and what the server loads, and no tests, build cache, data or env files', () => {
    for (const needed of ['.next/BUILD_ID', 'scripts/start.ts', 'src/engine/hub.ts', 'src/admin/hub.ts', 'package-lock.json', 'tsconfig.json'])
      expect(existsSync(path.join(app, needed)), needed).toBe(true);
    for (const absent of ['tests', 'bench', '.next/cache', '.data', '.env', '.env.local']) expect(existsSync(path.join(app, absent)), absent).toBe(false);
  });

  it('runs from that folder alone: healthy, serves a signed-in operator, and drains on SIGTERM', async () => {
    const started = spawn(CMD[0] === 'node' ? process.execPath : CMD[0]!, CMD.slice(1), {
      cwd: app,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        ...ENV,
        HUB_PORT: String(port),
        HUB_HOST: '127.0.0.1',
        HUB_DATA_DIR: path.join(app, '.data'),
        HUB_DOMAINS: 'blog,market',
        HUB_DATABASE_URL: hub.url,
        BLOG_DATABASE_URL: blog.url,
        MARKET_DATABASE_URL: market.url,
        HUB_URL: `http://127.0.0.1:${port}`,
        HUB_AUTH_SECRET: 'image-test-secret-image-test-secret-0123',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    started.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    // The image's HEALTHCHECK, on this port, until it passes.
    const probe = HEALTHCHECK.map((arg) => arg.replace('127.0.0.1:3000', `127.0.0.1:${port}`));
    const healthy = async () =>
      promisify(execFile)(process.execPath, probe.slice(1)).then(
        () => true,
        () => false,
      );
    await expect.poll(healthy, { timeout: 60_000, interval: 250 }).toBe(true);
    expect(output).not.toMatch(/building the app/); // the build came with it

    installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', blog.url), targetFromUrl('market', market.url)]);
    await createOperator({ email: 'image@test.local', password: 'image-test-password', roles: { market: 'viewer' } });
    await resetEngine();
    const url = `http://127.0.0.1:${port}`;
    const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'image@test.local', password: 'image-test-password' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const list = await fetch(`${url}/api/d/market/orders?size=5`, { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { rows: unknown[] }).rows).toHaveLength(5);
    const page = await fetch(`${url}/d/market/orders`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="resource-row"');

    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/stopped cleanly/);
  }, 120_000);
});
