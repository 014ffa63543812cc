import { fileURLToPath } from 'node:url';
import { getMigrations } from 'better-auth/db/migration';
import { runner } from 'node-pg-migrate';
import { authOptions } from '../auth/better-auth';
import pg from 'pg';
import { targetFor } from '../config/current';
import { clientConfig, getPool } from '../db/pools';
import { logger } from '../log';

const log = logger('hub-db');
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Brings the hub database up to date at start-up: first the auth library's own tables
 * (Better Auth plans them from its configuration), then ours, in order, from
 * ./migrations (node-pg-migrate, recorded in hub_migrations). An advisory lock makes
 * instances that start together take turns instead of racing on CREATE TABLE. It is held by
 * an open transaction on a connection of its own (transaction-scoped: the same through a
 * transaction pooler, which keeps a transaction on one server connection, and released by
 * COMMIT or by the connection's end, never left behind), not by the pool's.
 */
export async function migrateHubDatabase(): Promise<void> {
  const lock = new pg.Client(clientConfig(targetFor('hub')));
  lock.on('error', () => undefined); // reported by the query that fails; an idle one must not crash the start
  await lock.connect();
  const client = await getPool('hub').connect();
  try {
    await lock.query("BEGIN; SELECT pg_advisory_xact_lock(hashtext('admin-hub:migrate'))");
    const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(authOptions());
    if (toBeCreated.length + toBeAdded.length > 0) {
      log.info(
        `auth tables: creating ${toBeCreated.map((t) => t.table).join(', ') || 'none'}; adding columns to ${toBeAdded.map((t) => t.table).join(', ') || 'none'}`,
      );
      await runMigrations();
    }
    const applied = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: 'hub_migrations',
      noLock: true, // we hold our own lock for both steps
      log: () => undefined,
    });
    for (const m of applied) log.info(`applied migration ${m.name}`);
  } finally {
    client.release();
    await lock.query('COMMIT').catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
