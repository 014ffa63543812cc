import { setConfig } from '../../src/engine/config/current';
import type { Operator } from '../../src/engine/auth/operator';
import type { AuthConfig, DbTarget, HubConfig } from '../../src/engine/config/types';
import { afterAll, beforeAll } from 'vitest';
import type { DomainRole } from '../../src/engine/auth/roles';
import { closeAllPools } from '../../src/engine/db/pools';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from './databases';

/** Points the engine at test targets, as start-up does with the real configuration. */
export const testAuth: AuthConfig = {
  secret: 'test-secret-test-secret-test-secret-0123',
  baseUrl: 'http://localhost:3000',
  sessionHours: 12,
  localAccounts: true,
  allowedEmails: [],
  allowedDomains: [],
  github: undefined,
  google: undefined,
  oidc: undefined,
  signInAttempts: 5,
  signInAddressAttempts: 50,
  signInWindowSeconds: 60,
};

export function installConfig(hub: DbTarget, domains: DbTarget[], extra: Partial<HubConfig> = {}): HubConfig {
  const config: HubConfig = {
    auth: testAuth,
    auditRetentionDays: undefined,
    auditArchiveDir: '.data/test-audit-archive',
    hub,
    domains,
    replicas: 1,
    strictBudget: false,
    strictDefinitions: false,
    compress: true,
    shutdownTimeoutMs: 5_000,
    ...extra,
  };
  setConfig(config);
  return config;
}

export async function resetEngine(): Promise<void> {
  await closeAllPools();
  setConfig(undefined);
}

/** An operator who may do anything: for engine tests that are not about access. */
export const superadmin: Operator = { id: 'test-superadmin', email: 'root@test.local', name: 'Root', superadmin: true, roles: {}, sessionId: undefined };

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
