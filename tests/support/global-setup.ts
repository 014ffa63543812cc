import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/demo/embedded/postgres-server';
import { freePort } from './free-port';
import { chooseChromium } from './chromium';

let server: EmbeddedServer | undefined;
let dir: string | undefined;

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL when given (CI also runs the suite
 * against the machine's PostgreSQL 15), otherwise an embedded PostgreSQL 18 in a fresh temp
 * folder (initdb takes under a second, and parallel runs never share a cluster).
 * Test files create their own databases on it, so files never see each other's rows.
 */
export async function setup(project: TestProject): Promise<void> {
  // Browser and HTTP tests build the app when they first need it (startHub): buildApp holds a
  // lock, so test files starting together build once, and a run of unit tests builds nothing.
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-test-pg-'));
    chmodSync(dir, 0o755); // as root the server runs as postgres and must reach its folder
    server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      port: await freePort(),
    });
    url = server.url('postgres');
    process.env.TEST_DATABASE_URL = url;
  }
  project.provide('databaseUrl', url);
  // Chosen (and, from the npm package, unpacked) once here: parallel test files would race to unpack it.
  project.provide('chromiumPath', (await chooseChromium()).path);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    chromiumPath: string;
  }
}
