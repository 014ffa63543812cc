import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/demo/embedded/postgres-server';
import { freePort } from './free-port';

/**
 * A primary and a streaming replica made with PostgreSQL's own replication, the way a DBA makes
 * one without pg_basebackup (the embedded package ships only postgres, initdb and pg_ctl): a
 * physical replication slot so the primary keeps the WAL, pg_backup_start, a copy of the data
 * folder, pg_backup_stop's backup_label, then standby.signal and primary_conninfo.
 */
export interface ReplicatedServers {
  primary: EmbeddedServer;
  /** The replica's URL for a database (same user and password as the primary's: it is a copy). */
  replicaUrl(database: string): string;
  replicaPort: number;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

const SLOT = 'admin_hub_test_replica';

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export async function startReplicatedServers(): Promise<ReplicatedServers> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-replica-'));
  chmodSync(dir, 0o755); // as root the servers run as postgres and must reach their folders
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: await freePort(), settings: { wal_level: 'replica', max_wal_senders: '4' } });

  // The base backup, on one session (a non-exclusive backup lives as long as its session).
  const client = new pg.Client({ connectionString: primary.url('postgres') });
  await client.connect();
  let label = '';
  try {
    await client.query('SELECT pg_create_physical_replication_slot($1, true)', [SLOT]);
    await client.query("SELECT pg_backup_start('admin-hub test replica', true)");
    cpSync(primaryDir, replicaDir, {
      recursive: true,
      // What the documentation says to leave out of a base backup: the server's own run files,
      // WAL (streamed from the slot instead), slots and temporary statistics.
      filter: (source) => {
        const rel = path.relative(primaryDir, source);
        return !['postmaster.pid', 'postmaster.opts'].includes(rel) && !/^(pg_wal|pg_replslot|pg_stat_tmp)\/./.test(rel);
      },
    });
    label = (await client.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(false)')).rows[0]!.labelfile;
  } finally {
    await client.end();
  }
  writeFileSync(path.join(replicaDir, 'backup_label'), label);
  writeFileSync(path.join(replicaDir, 'standby.signal'), '');
  copyFileSync(`${primaryDir}.password`, `${replicaDir}.password`);
  if (userInfo().uid === 0) execFileSync('chown', ['-R', 'postgres:postgres', replicaDir, `${replicaDir}.password`]);
  chmodSync(replicaDir, 0o700);

  const replicaPort = await freePort();
  const primaryPort = primary.port;
  const settings = {
    primary_conninfo: `host=127.0.0.1 port=${primaryPort} user=${primary.user} password=${primary.password} application_name=admin_hub_test_replica`,
    primary_slot_name: SLOT,
    hot_standby: 'on',
  };
  let replica: EmbeddedServer | undefined = await startEmbeddedPostgres({ dataDir: replicaDir, port: replicaPort, settings });
  const replicaUrl = (database: string) => primary.url(database).replace(`:${primaryPort}/`, `:${replicaPort}/`);

  const servers: ReplicatedServers = {
    primary,
    replicaUrl,
    replicaPort,
    async caughtUp() {
      const [{ lsn }] = (await sql<{ lsn: string }>(primary.url('postgres'), 'SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
      for (let i = 0; i < 300; i++) {
        const [row] = await sql<{ done: boolean }>(replicaUrl('postgres'), 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]).catch(() => [
          { done: false },
        ]);
        if (row?.done) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the replica did not replay up to ${lsn} within 15 s`);
    },
    async pauseReplay() {
      await sql(replicaUrl('postgres'), 'SELECT pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await sql(replicaUrl('postgres'), 'SELECT pg_wal_replay_resume()');
    },
    async stopReplica() {
      await replica?.stop();
      replica = undefined;
    },
    async startReplica() {
      replica ??= await startEmbeddedPostgres({ dataDir: replicaDir, port: replicaPort, settings });
    },
    async stop() {
      await replica?.stop();
      await primary.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await servers.caughtUp();
  return servers;
}
