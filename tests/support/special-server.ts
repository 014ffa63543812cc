import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/demo/embedded/postgres-server';
import { freePort } from './free-port';

export interface SpecialServer extends EmbeddedServer {
  dir: string;
  dispose(): Promise<void>;
}

/**
 * A throw-away embedded PostgreSQL with settings the shared test server must not have
 * (TLS only, a tiny max_connections). Its folder is world-traversable because, as root,
 * the server runs as the postgres user.
 */
export async function startSpecialServer(settings: Record<string, string> | ((dir: string) => Record<string, string>)): Promise<SpecialServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-pg-'));
  chmodSync(dir, 0o755);
  const resolved = typeof settings === 'function' ? settings(dir) : settings;
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), settings: resolved });
  return {
    ...server,
    dir,
    dispose: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
