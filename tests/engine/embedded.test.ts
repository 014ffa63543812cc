// Version-independent (vitest.config.ts): starts embedded PostgreSQL itself, never the server under test.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/demo/embedded/postgres-server';
import { freePort } from '../support/free-port';

let dir: string;
let dataDir: string;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hub-embedded-'));
  chmodSync(dir, 0o755);
  dataDir = path.join(dir, 'pg');
  port = await freePort();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function startHolder(): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../fixtures/embedded-holder.ts'), dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

describe('embedded PostgreSQL', () => {
  it('initialises once, keeps data across restarts, and stops cleanly', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    const client = new pg.Client({ connectionString: first.url('postgres') });
    await client.connect();
    await client.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    await client.end();
    await first.stop();
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(await canQuery(first.url('postgres'))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port });
    const again = new pg.Client({ connectionString: second.url('postgres') });
    await again.connect();
    expect((await again.query('SELECT v FROM kept')).rows).toEqual([{ v: 42 }]);
    await again.end();
    await second.stop();
  });

  it('refuses to take over a server that a live hub is using', async () => {
    const holder = await startHolder();
    try {
      await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(/is in use by another running process \(pid \d+\)/);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    // The holder died without stopping its server: an orphan now runs on our data folder.
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(pid, 0)).not.toThrow();
    const recovered = await startEmbeddedPostgres({ dataDir, port });
    expect(() => process.kill(pid, 0)).toThrow(); // the orphan was shut down
    expect(await canQuery(recovered.url('postgres'))).toBe(true);
    await recovered.stop();
  });

  it('recovers from a stale lock file left by a crash', async () => {
    // A pid that is certainly not a running postgres.
    writeFileSync(path.join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n`);
    const server = await startEmbeddedPostgres({ dataDir, port });
    expect(await canQuery(server.url('postgres'))).toBe(true);
    await server.stop();
  });

  it('redoes a first initialisation that was interrupted', async () => {
    const fresh = path.join(dir, 'half');
    // What a killed initdb leaves: a folder without our "initialised" marker.
    rmSync(fresh, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(fresh, { recursive: true });
    writeFileSync(path.join(fresh, 'PG_VERSION'), '18\n');
    const server = await startEmbeddedPostgres({ dataDir: fresh, port: await freePort() });
    expect(await canQuery(server.url('postgres'))).toBe(true);
    await server.stop();
  });

  it('says which port to change when its port is taken', async () => {
    const busy = await startEmbeddedPostgres({ dataDir, port });
    try {
      const other = path.join(dir, 'other');
      await expect(startEmbeddedPostgres({ dataDir: other, port })).rejects.toThrow(/Port \d+ is taken by another program: set HUB_EMBEDDED_PORT/);
    } finally {
      await busy.stop();
    }
  });
});
