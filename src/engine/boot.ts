import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ignoredZeroConfigWrites, loadConfig, unknownVariables, wantsEmbeddedDefault } from './config/load-config';
import { setConfig, type DomainName } from './config/current';
import { definitionDrift } from './resources/registry';
import { ResourceDefinitionError } from './resources/errors';
import { ConfigError, type HubConfig } from './config/types';
import { checkConnectionBudget, describeBudget } from './db/budget';
import { checkHealth, checkTarget } from './db/health';
import { currentHub, type StartLogin } from './hub';
import { migrateHubDatabase } from './hub-db/migrate';
import { settlePendingAudit } from './audit/settle';
import { logger } from './log';

const log = logger('boot');

export interface Booted {
  config: HubConfig;
  embedded: boolean;
  /** Stops what boot started (the embedded PostgreSQL and the demo's blog service); pools are closed separately. */
  stopDatabases: () => Promise<void>;
  /** The embedded demo's sign-in, printed at start; undefined with a real configuration. */
  demoLogins: StartLogin[] | undefined;
  /** The embedded demo's data folder (HUB_DATA_DIR, default .data); undefined with a real configuration. */
  dataDir: string | undefined;
}

export class BootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BootError';
  }
}

function embeddedRuntimeFile(env: Record<string, string | undefined>, cwd?: string): string {
  return path.resolve(cwd ?? process.cwd(), env.HUB_DATA_DIR ?? '.data', 'embedded-runtime.json');
}

/**
 * For command-line tools: the configuration of a hub that is already running on the
 * embedded demo (its connection variables), or undefined when none is running.
 */
export function runningEmbeddedEnv(env: Record<string, string | undefined> = process.env): Record<string, string> | undefined {
  if (!wantsEmbeddedDefault(env)) return undefined;
  const file = embeddedRuntimeFile(env);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/**
 * Connects a command-line tool: to a running embedded hub's databases when there is one,
 * otherwise through a normal boot (which starts the embedded demo when nothing is set).
 */
export async function bootForTool(): Promise<Booted> {
  const running = runningEmbeddedEnv();
  if (running) Object.assign(process.env, running);
  return boot();
}

/** Validates a user-supplied configuration without touching any database (the embedded demo needs none). */
export function preflight(env: Record<string, string | undefined> = process.env): void {
  if (wantsEmbeddedDefault(env)) return;
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new BootError(error.message);
    throw error;
  }
}

/**
 * Everything that must be true before the hub takes a request: configuration valid (all
 * problems reported at once), the embedded demo running when nothing is configured, and the
 * connection budget of every server checked. Throws BootError with a readable message.
 */
export async function boot(options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<Booted> {
  const env = options.env ?? process.env;
  let stopDatabases = async () => undefined as void;
  const embedded = wantsEmbeddedDefault(env);
  let dataDir: string | undefined;
  const starter = currentHub().whenUnconfigured;
  if (embedded && !starter)
    throw new BootError("HUB_DOMAINS is not set and this hub has no demo to start. Set HUB_DOMAINS (and each domain's database) as the README explains.");
  if (embedded && starter) {
    dataDir = path.resolve(options.cwd ?? process.cwd(), env.HUB_DATA_DIR ?? '.data');
    log.info(`no HUB_DOMAINS set: starting ${starter.description}`);
    const started = await starter.start({ dataDir, env, onProgress: (m) => log.info(m) });
    Object.assign(env, started.env);
    // Tools run beside a running hub (doctor, introspect) find the embedded servers here,
    // with the auth secret: user:create and the other tools load the full configuration.
    const runtimeFile = embeddedRuntimeFile(env, options.cwd);
    writeFileSync(runtimeFile, JSON.stringify(started.env), { mode: 0o600 });
    stopDatabases = async () => {
      rmSync(runtimeFile, { force: true });
      await started.stop();
    };
  }

  let config: HubConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    await stopDatabases();
    if (error instanceof ConfigError) throw new BootError(error.message);
    throw error;
  }
  setConfig(config);
  for (const name of unknownVariables(env, config)) log.warn(`${name} is set but not read by Admin Hub: a typo?`);
  const definedDomains = currentHub().resources.map((r) => r.domain);
  for (const warning of ignoredZeroConfigWrites(config, definedDomains)) log.warn(warning);

  const budgets = await checkConnectionBudget(config);
  for (const b of budgets) (b.ok ? log.info : log.warn)(`connection budget ${describeBudget(b, config.replicas)}`);
  const over = budgets.filter((b) => !b.ok && !b.error);
  if (over.length > 0 && config.strictBudget) {
    await stopDatabases();
    throw new BootError(
      `HUB_STRICT_BUDGET=1 and ${over.length} server(s) are over their connection budget:\n` +
        over.map((b) => '  - ' + describeBudget(b, config.replicas)).join('\n'),
    );
  }

  const health0 = await checkTarget('hub');
  if (health0.ok) {
    await migrateHubDatabase();
    // A previous run may have died between a domain COMMIT and marking its audit entry.
    await settlePendingAudit();
  } else log.warn(`${health0.error} Sign-in is unavailable until it is reachable.`);
  const demoLogins = embedded && health0.ok && starter?.operators ? await starter.operators(dataDir!) : undefined;

  // One domain down never stops the hub: report it and carry on; its pages say so.
  const health = await checkHealth();
  for (const t of [health.hub, ...health.domains]) {
    if (t.ok) log.info(`${t.name === 'hub' ? 'hub database' : `domain "${t.name}"`} reachable (${t.latencyMs} ms)`);
    else log.warn(t.error ?? `${t.name} unreachable`);
  }
  // Definitions against each reachable domain's catalog (read once, kept for requests): drift is a warning
  // (a stop with HUB_STRICT_DEFINITIONS=1); a definition that is wrong whatever the database says stops the start.
  const reachable = health.domains.filter((t) => t.ok && (definedDomains as string[]).includes(t.name)).map((t) => t.name as DomainName);
  const drift: string[] = [];
  const wrong: string[] = [];
  await Promise.all(
    reachable.map(async (domain) => {
      try {
        for (const problem of await definitionDrift(domain)) drift.push(problem.message);
      } catch (error) {
        if (error instanceof ResourceDefinitionError) wrong.push(error.message);
        else log.warn(`domain "${domain}": its definitions could not be checked against its catalog: ${(error as Error).message}`);
      }
    }),
  );
  for (const message of config.strictDefinitions ? [] : drift) log.warn(`definition drift: ${message}`);
  if (wrong.length > 0 || (config.strictDefinitions && drift.length > 0)) {
    await stopDatabases();
    const lines = [...wrong, ...(config.strictDefinitions ? drift : [])];
    throw new BootError(
      `${wrong.length > 0 ? 'Resource definitions are wrong' : 'HUB_STRICT_DEFINITIONS=1 and definitions contradict their databases'}:\n${lines.map((l) => `  - ${l}`).join('\n')}\n` +
        '`npm run doctor` lists every difference; fix the definitions (or migrate the database) and start again.',
    );
  }
  return { config, embedded, stopDatabases, demoLogins, dataDir };
}
