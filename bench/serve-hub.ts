/**
 * `tsx bench/serve-hub.ts`: the bench's hub on its 1,000,000-row cluster, left running for
 * profiling by hand (curl, --cpu-prof). Prints the URL and a signed-in editor's cookie.
 * Stop with Ctrl-C. Seed first with `npm run bench` (or BENCH_ROWS for a small one).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createOperator } from '@/engine/auth/operators';
import { setConfig } from '@/engine/config/current';
import { loadConfig } from '@/engine/config/load-config';
import { startEmbeddedPostgres } from '@/engine/embedded/postgres-server';

const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? '.data/bench');
const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: Number(process.env.BENCH_PG_PORT ?? 54339) });
const port = Number(process.env.HUB_PORT ?? 3999);
const env = {
  HUB_DOMAINS: 'bench', HUB_DATABASE_URL: pgServer.url('bench_hub'), BENCH_DATABASE_URL: pgServer.url('bench'),
  HUB_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00', HUB_PORT: String(port), HUB_HOST: '127.0.0.1', HUB_URL: `http://127.0.0.1:${port}`, NODE_ENV: 'production' as const,
};
const hubArgs = process.env.BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const hub = spawn(process.execPath, [...hubArgs, '--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
await new Promise((r) => setTimeout(r, 4000));
setConfig(loadConfig({ ...process.env, ...env }));
const email = `bench-editor-${Date.now()}@bench.local`;
await createOperator({ email, password: 'bench-editor-password', roles: { bench: 'editor' } });
const signIn = await fetch(`${env.HUB_URL}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: env.HUB_URL }, body: JSON.stringify({ email, password: 'bench-editor-password' }) });
console.log(`hub ${env.HUB_URL}\ncookie ${signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')}`);
const stop = () => { hub.kill('SIGTERM'); hub.once('exit', () => void pgServer.stop().then(() => process.exit(0))); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
