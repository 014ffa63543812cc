import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/engine/embedded/postgres-server';
import { freePort } from './free-port';

let server: EmbeddedServer | undefined;

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL when given (CI also runs the suite
 * against the machine's PostgreSQL 15), otherwise an embedded PostgreSQL 18 under .data/test.
 * Test files create their own databases on it, so files never see each other's rows.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    server = await startEmbeddedPostgres({
      dataDir: path.resolve(import.meta.dirname, '../../.data/test/postgres'),
      port: await freePort(),
    });
    url = server.url('postgres');
    process.env.TEST_DATABASE_URL = url;
  }
  project.provide('databaseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
