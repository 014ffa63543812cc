/**
 * `npm start` (and `npm run dev` with --dev): boot the engine, build the app when the build
 * is missing or older than the sources, then serve Next.js with graceful shutdown.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';
import next from 'next';
import { boot, BootError, preflight } from '@/engine/boot';
import { closeAllPools } from '@/engine/db/pools';
import { exitOnSignals, serve } from '@/engine/lifecycle/serve';
import { logger } from '@/engine/log';

const log = logger('start');
const root = process.cwd();
const dev = process.argv.includes('--dev');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Resolves when the build is fresh; runs beside the embedded seeding on a first start. */
async function buildIfStale(): Promise<void> {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const sources = Math.max(
    newestSource(path.join(root, 'src')),
    ...['next.config.ts', 'package-lock.json', 'postcss.config.mjs'].map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  log.info('building the app (first start, or sources changed since the last build)…');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new BootError('next build failed; see the output above.');
}

async function main(): Promise<void> {
  nextEnv.loadEnvConfig(root, dev);
  preflight(); // a bad configuration fails here, before any build or database work
  const building = dev ? Promise.resolve() : buildIfStale();
  building.catch(() => undefined); // awaited below; this only keeps an early failure from crashing boot
  const booted = await boot();
  await building.catch(async (error) => {
    await booted.stopDatabases();
    throw error;
  });
  const app = next({ dev, dir: root });
  await app.prepare();
  const handle = app.getRequestHandler();
  const running = await serve((req, res) => handle(req, res), {
    port: Number(process.env.HUB_PORT ?? process.env.PORT ?? 3000),
    host: process.env.HUB_HOST ?? '0.0.0.0',
    shutdownTimeoutMs: booted.config.shutdownTimeoutMs,
    onDrained: async () => {
      await closeAllPools();
      await app.close?.();
      await booted.stopDatabases();
      log.info('stopped cleanly');
    },
  });
  exitOnSignals(running);
  log.info(`Admin Hub is running at ${running.url}${booted.embedded ? ' (embedded demo)' : ''}`);
}

main().catch((error: Error) => {
  if (error instanceof BootError) log.error(error.message);
  else log.error(error.stack ?? error.message);
  process.exit(1);
});
