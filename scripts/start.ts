/**
 * `npm start` (and `npm run dev` with --dev): boot the engine, build the app when the build
 * is missing or older than the sources, then serve Next.js with graceful shutdown.
 */
// First: the production hub's source maps are decided before Next.js (imported below) loads.
import './source-maps';
import { existsSync } from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';
import { nextCookies } from 'better-auth/next-js';
import { installHub } from '@/engine/hub';
import next from 'next';
import { startAuditRetention } from '@/engine/audit/retention';
import { startAuditSettler } from '@/engine/audit/settle';
import { startOperatorListener } from '@/engine/hub-db/operator-changes';
import { boot, BootError, preflight } from '@/engine/boot';
import { flushAuditSettlement } from '@/engine/audit/record';
import { closeAllPools } from '@/engine/db/pools';
import { answerServerDoor } from '@/engine/http/server-doors';
import { buildApp, isBuildStale } from '@/engine/lifecycle/build';
import { writeEnginePackage } from '@/engine/lifecycle/engine-package';
import { answerAtTheDoor } from '@/engine/lifecycle/door';
import { dropOutputOnceClosed, exitOnSignals, serve } from '@/engine/lifecycle/serve';
import { withNextOutputAsDebug } from '@/engine/lifecycle/quiet-output';
import { selfOrigin } from '@/engine/lifecycle/self-origin';
import { logger } from '@/engine/log';
import { answerUnreadableRouterState } from '@/server/router-state-header';
import { refuseUnreadableActionCall } from '@/server/server-action-call';

const log = logger('start');
const root = process.cwd();

/** The orders `--big` seeds into the embedded demo's market (HUB_SEED_ORDERS otherwise). */
const BIG_ORDERS = '10000000';
/**
 * `npm start -- <options>`: --dev (what `npm run dev` passes: Next.js in development mode) and
 * --big (the embedded demo's market with 10,000,000 orders: HUB_SEED_ORDERS=10000000).
 */
function startOptions(args: readonly string[]): { dev: boolean; big: boolean } {
  const unknown = args.filter((a) => a !== '--dev' && a !== '--big');
  if (unknown.length > 0) throw new BootError(`unknown option ${unknown.join(' ')}: npm start takes --big (the demo with 10,000,000 orders) and --dev`);
  const big = args.includes('--big');
  const asked = process.env.HUB_SEED_ORDERS;
  if (big && asked !== undefined && asked.replaceAll('_', '') !== BIG_ORDERS)
    throw new BootError(`--big seeds ${BIG_ORDERS} orders, but HUB_SEED_ORDERS=${asked}: drop one of them`);
  if (big) process.env.HUB_SEED_ORDERS = BIG_ORDERS;
  return { dev: args.includes('--dev'), big };
}

/** Resolves when the build is fresh; runs beside the embedded seeding on a first start. */
async function buildIfStale(): Promise<void> {
  // A container image ships its build and not the tools to make one (HUB_PREBUILT=1, set in the Dockerfile).
  if (process.env.HUB_PREBUILT === '1') {
    if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
      throw new BootError('HUB_PREBUILT=1, but there is no production build in .next: build the image again (its build stage runs `npm run build`).');
    }
    return;
  }
  if (!isBuildStale(root)) return;
  log.info('building the app (first start, or sources changed since the last build; about 1–2 minutes on two cores)…');
  const started = Date.now();
  // Next's own output (banner, route table) only at HUB_LOG_LEVEL=debug; progress lines otherwise.
  const verbose = process.env.HUB_LOG_LEVEL === 'debug';
  await buildApp(root, { skipTypecheck: true, onProgress: verbose ? undefined : (m) => log.info(m) }).then(
    () => {
      log.info(`build: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
    (error: Error) => {
      throw new BootError(error.message);
    },
  );
}

async function main(): Promise<void> {
  const { dev, big } = startOptions(process.argv.slice(2));
  // The engine is handed the definitions it serves, and the one Next.js plug-in sign-in needs.
  // The definitions import the engine as @admin-hub/engine, the package Next.js loads at run
  // time: it is written first (npm install may have pruned it), then they are loaded.
  writeEnginePackage(root);
  const { hub } = await import('@/admin/hub');
  installHub(hub, { authPlugins: [nextCookies()] });
  dropOutputOnceClosed();
  nextEnv.loadEnvConfig(root, dev);
  preflight(); // a bad configuration fails here, before any build or database work
  const building = dev ? Promise.resolve() : buildIfStale();
  building.catch(() => undefined); // awaited below; this only keeps an early failure from crashing boot
  const booted = await boot();
  if (big && !booted.embedded) log.warn('--big seeds the embedded demo only: HUB_DOMAINS is set, so it changes nothing here');
  await building.catch(async (error) => {
    await booted.stopDatabases();
    throw error;
  });
  const port = Number(process.env.HUB_PORT ?? process.env.PORT ?? 3000);
  const host = process.env.HUB_HOST ?? '0.0.0.0';
  // Next.js fetches a Server Action's redirect target from itself, at the origin it was told;
  // without one it assumes localhost:3000, and a save sent the session cookie to whatever
  // listened there. It is told this process's own loopback origin (as `next start` does).
  const self = selfOrigin(host, port);
  process.env.__NEXT_PRIVATE_ORIGIN = self.origin;
  const app = next({ dev, dir: root, hostname: self.hostname, port });
  await withNextOutputAsDebug(() => app.prepare());
  const handle = app.getRequestHandler();
  // Redirects to HUB_URL, refused cross-site Server Actions, and the router state headers and
  // Server Action bodies Next.js could not read (it would answer them with a bare 500) are
  // answered before Next.js.
  const door = { hubUrl: booted.config.auth.baseUrl, trustProxy: process.env.HUB_TRUST_PROXY === '1' };
  let stopListener = async () => undefined as void;
  const running = await serve(
    async (req, res) => {
      if (answerAtTheDoor(req, res, door)) return;
      if (answerUnreadableRouterState(req, res) || (await refuseUnreadableActionCall(req, res))) return;
      if (await answerServerDoor(req, res)) return; // the paths src/engine/http/doors.ts gives to this server
      await handle(req, res);
    },
    {
      port,
      host,
      shutdownTimeoutMs: booted.config.shutdownTimeoutMs,
      onDrained: async () => {
        await stopListener();
        await flushAuditSettlement(); // the last writes' entries, before their pool closes
        await closeAllPools();
        await app.close?.();
        await booted.stopDatabases();
        log.info('stopped cleanly');
      },
    },
  );
  exitOnSignals(running);
  stopListener = startOperatorListener();
  startAuditSettler(booted.config.auditSweepSeconds * 1000);
  startAuditRetention(booted.config.auditRetentionDays, booted.config.auditArchiveDir);
  log.info(`Admin Hub is running at ${running.url}${booted.embedded ? ' (embedded demo)' : ''}`);
  if (booted.demoLogins?.length) {
    const lines = booted.demoLogins.map((l) => `    ${l.email.padEnd(20)} ${l.password}   (${l.role})`);
    const file = path.join(booted.dataDir ?? '.data', 'demo-logins.json');
    const shown = file.startsWith(root + path.sep) ? path.relative(root, file) : file;
    process.stderr.write(`\n  Demo sign-in (kept in ${shown}):\n${lines.join('\n')}\n\n`);
  }
}

main().catch((error: Error) => {
  if (error instanceof BootError) log.error(error.message);
  else log.error(error.stack ?? error.message);
  process.exit(1);
});
