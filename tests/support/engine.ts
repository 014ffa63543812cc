import type { Operator } from '../../src/engine/auth/operator';
import { afterAll, beforeAll } from 'vitest';
import type { DomainRole } from '../../src/engine/auth/roles';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from './databases';
import { installConfig, resetEngine } from './engine-config';

export { installConfig, resetEngine, superadmin, testAuth } from './engine-config';

/**
 * A file's own "blog" domain database (and, with `hub: true`, a migrated hub database), made
 * before its tests with `sql` and dropped after: the setup engine tests on one schema repeat.
 * `settings` are run first (ALTER DATABASE … SET …), with `{db}` standing for its name.
 */
export function blogDatabaseForFile(prefix: string, options: { sql: string; settings?: string; hub?: boolean }): { db: () => TestDatabase } {
  let db: TestDatabase | undefined;
  let hub: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(prefix);
    if (options.settings) await adminQuery(options.settings.replaceAll('{db}', `"${db.name}"`), [], db.url);
    await adminQuery(options.sql, [], db.url);
    hub = options.hub ? await createTestDatabase(`${prefix}_hub`) : undefined;
    installConfig(targetFromUrl('hub', (hub ?? db).url), [targetFromUrl('blog', db.url)]);
    if (hub) await migrateHubDatabase();
  });
  afterAll(async () => {
    await resetEngine();
    await db?.drop();
    await hub?.drop();
  });
  return { db: () => db! };
}

/** An operator with one role on the test "blog" domain. */
export function blogOperator(role: DomainRole): Operator {
  return { id: role, email: `${role}@t`, name: role, superadmin: false, roles: { blog: role }, sessionId: undefined };
}
