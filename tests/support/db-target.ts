import type { DbTarget } from '../../src/engine/config/types';

/** A DbTarget as the config loader would build it, for tests that set up pools by hand. */
export function targetFromUrl(name: string, url: string, overrides: Partial<DbTarget> = {}): DbTarget {
  const u = new URL(url);
  return {
    name,
    envPrefix: name.toUpperCase(),
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    sslMode: 'disable',
    sslCa: undefined,
    poolMax: 5,
    statementTimeoutMs: 30_000,
    idleInTransactionTimeoutMs: 60_000,
    connectionTimeoutMs: 5_000,
    ...overrides,
  };
}
