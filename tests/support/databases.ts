import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export function serverUrl(): string {
  // Outside Vitest (a script such as tests/support/screenshots.ts) there is nothing to inject: TEST_DATABASE_URL names the server.
  if (!process.env.VITEST) {
    if (!process.env.TEST_DATABASE_URL) throw new Error('Set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run this outside Vitest.');
    return process.env.TEST_DATABASE_URL;
  }
  return inject('databaseUrl');
}

export function urlFor(database: string, base = serverUrl()): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One client to `url` for the length of `work` (seeding, fixtures), closed whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function adminQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = [], base = serverUrl()): Promise<T[]> {
  return withClient(base, async (client) => (await client.query<T>(sql, params)).rows);
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database with a random name; drop() removes it even with sessions open. */
export async function createTestDatabase(prefix = 't', base = serverUrl()): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`, [], base);
  return {
    name,
    url: urlFor(name, base),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, [], base);
    },
  };
}

export { targetFromUrl } from './db-target';
