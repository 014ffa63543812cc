import { fileURLToPath } from 'node:url';
import { getMigrations } from 'better-auth/db/migration';
import { runner } from 'node-pg-migrate';
import { authOptions } from '../auth/better-auth';
import { getPool } from '../db/pools';
import { logger } from '../log';

const log = logger('hub-db');
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Brings the hub database up to date at start-up: first the auth library's own tables
 * (Better Auth plans them from its configuration), then ours, in order, from
 * ./migrations (node-pg-migrate, recorded in hub_migrations). An advisory lock makes
 * replicas that start together take turns instead of racing on CREATE TABLE.
 */
export async function migrateHubDatabase(): Promise<void> {
  const client = await getPool('hub').connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('admin-hub:migrate'))");
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
    await client.query("SELECT pg_advisory_unlock(hashtext('admin-hub:migrate'))").catch(() => undefined);
    client.release();
  }
}
