import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createOperator } from '@/engine/auth/operators';
import { setConfig } from '@/engine/config/current';
import { loadConfig } from '@/engine/config/load-config';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/demo/embedded/postgres-server';

/** The bench's own embedded cluster (never the demo's), with its two databases. */
export async function startBenchPostgres(onProgress?: (message: string) => void): Promise<EmbeddedServer> {
  const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? '.data/bench');
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: Number(process.env.BENCH_PG_PORT ?? 54339), onProgress });
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  for (const db of ['bench', 'bench_hub']) {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${db}`);
  }
  await admin.end();
  return server;
}

export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${output.slice(-3000)}`)));
  });
}

export interface BenchHub {
  url: string;
  /** A signed-in editor of the bench domain. */
  cookie: string;
  email: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The arguments `npm start` gives Node (package.json's start script: `node <flags> --import tsx
 * scripts/start.ts`), so the bench measures the hub with the same flags (its memory with the
 * same heap settings).
 */
export function npmStartArgs(): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = script.split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'scripts/start.ts') throw new Error(`package.json's start script is not "node … scripts/start.ts": ${script}`);
  return args;
}

/**
 * The hub's production build (already built), started the way `npm start` does, on the bench
 * cluster, serving the domains of `databases` (bench: the posts; market: the demo's orders,
 * bench/orders.ts) from those databases, with a new editor of each signed in.
 * BENCH_HUB_NODE_ARGS adds Node flags to the hub process, e.g. '--cpu-prof --cpu-prof-dir=.data/profiles'.
 */
export async function startBenchHub(
  pgServer: EmbeddedServer,
  port: number,
  extraEnv: Record<string, string> = {},
  databases: { bench: string; market?: string } = { bench: 'bench' },
): Promise<BenchHub> {
  const url = `http://127.0.0.1:${port}`;
  const domains = Object.keys(databases) as (keyof typeof databases)[];
  const env = {
    HUB_DOMAINS: domains.join(','),
    HUB_DATABASE_URL: pgServer.url('bench_hub'),
    ...Object.fromEntries(Object.entries(databases).map(([d, db]) => [`${d.toUpperCase()}_DATABASE_URL`, pgServer.url(db)])),
    HUB_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    // Each run signs a new editor in; runs back to back would meet the 5-a-minute sign-in limit.
    HUB_AUTH_SIGN_IN_ATTEMPTS: '1000',
    ...extraEnv,
  };
  const nodeArgs = process.env.BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ...npmStartArgs()], {
    env: { ...process.env, ...env, HUB_PORT: String(port), HUB_HOST: '127.0.0.1', HUB_URL: url, NODE_ENV: 'production', HUB_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForOutput(child, /Admin Hub is running at/);

  // The editor (the hub migrated its database at start).
  setConfig(loadConfig({ ...process.env, ...env }));
  const email = `bench-editor-${Date.now()}@bench.local`;
  await createOperator({ email, password: 'bench-editor-password', roles: Object.fromEntries(domains.map((d) => [d, 'editor' as const])) });
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'bench-editor-password' }),
  });
  if (!signIn.ok) throw new Error(`signing the bench editor in failed: HTTP ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    cookie,
    email,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The floor (bench/floor-server.ts) on `database`: each route answers its statements (the
 * first one's rows, the second's first row as the count); `exportSql` is /export. `labels`:
 * after the rows, the labels of the rows' `column` values, as the hub's list adds them.
 */
export async function startFloor(
  url: string,
  routes: Record<string, { text: string; values: unknown[] }[]>,
  exportSql: { text: string; values: unknown[] },
  labels?: { column: string; text: string },
): Promise<{ process: ChildProcess; url: string }> {
  const floor = spawn(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts'], {
    env: {
      ...process.env,
      FLOOR_DATABASE_URL: url,
      FLOOR_ROUTES: JSON.stringify(routes),
      FLOOR_EXPORT: JSON.stringify(exportSql),
      FLOOR_LABELS: labels ? JSON.stringify(labels) : '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = (await waitForOutput(floor, /floor listening (\d+)/))[1];
  return { process: floor, url: `http://127.0.0.1:${port}` };
}
