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
    poolMode: 'session',
    ...viaPgBouncer(u),
    ...overrides,
  };
}

/** Under `npm run test:pgbouncer`: the PgBouncer in front of the test server, in transaction mode. */
function viaPgBouncer(url: URL): Partial<DbTarget> {
  const port = process.env.HUB_TEST_PGBOUNCER_PORT;
  return port && onTestServer(url) ? { host: '127.0.0.1', port: Number(port), poolMode: 'transaction' } : {};
}

/** A database of the test server (not an address a test made up to find nothing there). */
function onTestServer(url: URL): boolean {
  const server = process.env.TEST_DATABASE_URL;
  return server !== undefined && (url.port || '5432') === (new URL(server).port || '5432');
}

/** The same for a URL and its env prefix, as a started hub reads them: the URL, and D_DB_POOL_MODE. */
export function urlViaPgBouncer(prefix: string, url: string): Record<string, string> {
  const port = process.env.HUB_TEST_PGBOUNCER_PORT;
  if (!port || !onTestServer(new URL(url))) return { [`${prefix}_DATABASE_URL`]: url };
  const pooled = new URL(url);
  pooled.hostname = '127.0.0.1';
  pooled.port = port;
  return { [`${prefix}_DATABASE_URL`]: pooled.toString(), [`${prefix}_DB_POOL_MODE`]: 'transaction' };
}
