import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { seedBlog, seedMarket } from '../../src/engine/embedded/seed';
import { buildApp, isBuildStale } from '../../src/engine/lifecycle/build';
import { createTestDatabase, type TestDatabase } from './databases';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '../..');

export interface RunningHub {
  url: string;
  logs: () => string;
  stop(): Promise<number | null>;
}

async function seed(db: TestDatabase, work: (c: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The real hub (production build, `npm start`'s script) against freshly seeded demo
 * databases on the test server, so browser tests run on PostgreSQL 18 and 15 alike.
 */
export async function startHub(options: { orders?: number; env?: Record<string, string> } = {}): Promise<RunningHub> {
  // CI builds before testing; locally the first browser test builds a missing or stale app.
  if (isBuildStale(root)) await buildApp(root);
  const [hub, blog, market] = await Promise.all([createTestDatabase('e2e_hub'), createTestDatabase('e2e_blog'), createTestDatabase('e2e_market')]);
  await Promise.all([seed(blog, (c) => seedBlog(c)), seed(market, (c) => seedMarket(c, { orders: options.orders ?? 3000 }))]);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/start.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HUB_DOMAINS: 'blog,market',
      HUB_DATABASE_URL: hub.url,
      BLOG_DATABASE_URL: blog.url,
      MARKET_DATABASE_URL: market.url,
      HUB_PORT: String(port),
      HUB_URL: `http://127.0.0.1:${port}`,
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
  return {
    url: `http://127.0.0.1:${port}`,
    logs: () => output,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      await Promise.all([hub.drop(), blog.drop(), market.drop()]);
      return code;
    },
  };
}
