/**
 * `npm run doctor`: checks a configuration without starting the hub. Validates every
 * variable, then for each server: reachable, TLS in use, version, connection budget.
 * Exits 1 when something would stop or endanger a start.
 */
import './with-hub';
import nextEnv from '@next/env';
import { runningEmbeddedEnv } from '@/engine/boot';
import { ignoredZeroConfigWrites, loadConfig, unknownVariables, wantsEmbeddedDefault } from '@/engine/config/load-config';
import { currentHub } from '@/engine/hub';
import { setConfig, type DomainName } from '@/engine/config/current';
import { definitionDrift } from '@/engine/resources/registry';
import { ConfigError, type ReadReplica } from '@/engine/config/types';
import { checkConnectionBudget, describeBudget } from '@/engine/db/budget';
import { closeAllPools } from '@/engine/db/pools';
import { query } from '@/engine/db/query';
import { checkHealth, type ReplicaHealth } from '@/engine/db/health';

async function main(): Promise<number> {
  nextEnv.loadEnvConfig(process.cwd(), false);
  const running = runningEmbeddedEnv();
  if (running) {
    console.log('Nothing is configured: checking the embedded demo this checkout is running.');
    Object.assign(process.env, running);
  } else if (wantsEmbeddedDefault(process.env)) {
    console.log('Nothing is configured (no HUB_DOMAINS, no HUB_DB_*): `npm start` runs the embedded demo (not running now).');
    console.log('Set HUB_DOMAINS and the per-domain variables (see README) and run the doctor again to check your servers.');
    return 0;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  setConfig(config);
  console.log(`Configuration is valid: hub database + ${config.domains.length} domain(s): ${config.domains.map((d) => d.name).join(', ')}`);
  for (const name of unknownVariables(process.env, config)) console.warn(`warning: ${name} is set but not read by Admin Hub: a typo?`);
  const defined: string[] = currentHub().resources.map((r) => r.domain);
  for (const warning of ignoredZeroConfigWrites(config, defined)) console.warn(`warning: ${warning}`);
  for (const d of config.domains.filter((d) => d.zeroConfigWrites && !defined.includes(d.name)))
    console.log(`${d.name}: no definitions; its tables are writable from the ${d.zeroConfigWrites} role up (${d.envPrefix}_ZERO_CONFIG_WRITES)`);

  let failed = false;
  const health = await checkHealth(5000);
  for (const t of [health.hub, ...health.domains]) {
    const target = t.name === 'hub' ? config.hub : config.domains.find((d) => d.name === t.name)!;
    if (!t.ok) {
      console.log(`✗ ${t.name}: ${t.error}`);
      if (t.name === 'hub') failed = true;
      continue;
    }
    const [info] = await query<{ version: string; ssl: boolean | null }>(
      t.name as 'hub',
      "SELECT current_setting('server_version') AS version, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl",
    );
    console.log(
      `✓ ${t.name}: PostgreSQL ${info!.version} at ${target.host}:${target.port}/${target.database}, ${t.latencyMs} ms, TLS ${info!.ssl ? 'on' : 'off'} (mode ${target.sslMode}), pool max ${target.poolMax}`,
    );
    const replica = t.replica && 'read' in target ? { health: t.replica, target: target.read! } : undefined;
    if (replica) console.log(describeReplica(t.name, replica.health, replica.target));
  }
  for (const b of await checkConnectionBudget(config)) {
    console.log(`${b.ok ? '✓' : '✗'} budget ${describeBudget(b, config.replicas)}`);
    if (!b.ok && !b.error && config.strictBudget) failed = true;
  }
  // Each reachable domain's definitions against its catalog: every difference, with its fix.
  for (const t of health.domains.filter((t) => t.ok && defined.includes(t.name))) {
    let drift;
    try {
      drift = await definitionDrift(t.name as DomainName);
    } catch (error) {
      console.log(`✗ ${t.name}: its definitions could not be checked against its catalog: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    if (drift.length === 0) {
      console.log(`✓ ${t.name}: definitions match the database`);
      continue;
    }
    failed = true;
    console.log(`✗ ${t.name}: ${drift.length} difference(s) between the definitions and the database:`);
    for (const problem of drift) console.log(`  - ${problem.message}`);
  }
  return failed ? 1 : 0;
}

/** One line on a domain's read replica: where, whether reads use it, and how far behind it is. */
function describeReplica(domain: string, health: ReplicaHealth, target: ReadReplica): string {
  const where = `${target.host}:${target.port}/${target.database}`;
  if (!health.ok) return `✗ ${domain} read replica at ${where}: ${health.error ?? 'no answer'} (reads go to the primary)`;
  const lag = health.lagMs === null ? 'lag unknown' : `lag ${health.lagMs} ms (limit ${health.maxLagMs} ms)`;
  const kind = health.standby ? (health.replayPaused ? 'standby, replay paused' : 'standby') : 'not a standby: always current';
  return `${health.servingReads ? '✓' : '✗'} ${domain} read replica at ${where}: ${kind}, ${lag}, ${health.servingReads ? 'serving reads' : 'reads go to the primary'}`;
}

main()
  .then(async (code) => {
    await closeAllPools();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    console.error(error.message);
    await closeAllPools();
    process.exit(1);
  });
