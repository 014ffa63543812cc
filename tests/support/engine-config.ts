import { setConfig } from '../../src/engine/config/current';
import type { Operator } from '../../src/engine/auth/operator';
import type { AuthConfig, HubConfig, DbTarget } from '../../src/engine/config/types';
import { closeAllPools } from '../../src/engine/db/pools';

/*
 * The engine's test configuration, without Vitest: also loaded by scripts a test runs in a
 * child process (tests/export/export-child.ts).
 */

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
    auditSweepSeconds: 60,
    defaultLocale: 'en',
    defaultTimeZone: 'UTC',
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
