import { replicaName, targetFor, type DomainName } from '../config/current';
import { logger } from '../log';
import { DbUnavailableError } from './errors';
import { parseLsn } from './read-after';
import { query } from './query';

const log = logger('replica');

/** What the hub last learned about a domain's read replica. */
export interface ReplicaState {
  /** When it was learned (Date.now()). */
  checkedAt: number;
  /** The replica answered. */
  up: boolean;
  /** It is a standby (pg_is_in_recovery); a server that is not is as current as it gets. */
  standby: boolean;
  /** The WAL it has replayed, and what the primary has written, as LSN numbers. */
  replayLsn: bigint | undefined;
  primaryLsn: bigint | undefined;
  /** An upper bound on how old its data is, in ms: 0 when it has replayed all the primary wrote; undefined when unknown. */
  lagMs: number | undefined;
  /** pg_wal_replay_pause() is in effect. */
  replayPaused: boolean;
  /** Why it is not used, in words (never a password). */
  error?: string;
}

/** How old a state may be before a read asks again (in the background). */
const REFRESH_MS = 1_000;
/** How long the first read of a domain waits for the first answer before reading from the primary. */
const FIRST_PROBE_WAIT_MS = 1_000;

interface Entry {
  state?: ReplicaState;
  probing?: Promise<ReplicaState>;
  /** The last time the replica was seen to have replayed everything the primary had written. */
  caughtUpAt?: number;
}
const entries = new Map<string, Entry>();

/** The domain's entry, made on first use. */
function entryOf(domain: DomainName): Entry {
  let entry = entries.get(domain);
  if (!entry) entries.set(domain, (entry = {}));
  return entry;
}

/** What is known of a replica before anything was learned: down until a probe says otherwise. */
const UNKNOWN: Omit<ReplicaState, 'checkedAt' | 'up'> = { standby: false, replayLsn: undefined, primaryLsn: undefined, lagMs: undefined, replayPaused: false };

type ReplicaRow = { standby: boolean; replay: string | null; paused: boolean; replay_age_ms: number | null };

/**
 * Asks the replica how far it has replayed and the primary how far it has written (both at
 * once). The data on a standby is at least as new as its last replayed commit and as the last
 * moment it had replayed everything, so its age is bounded by the nearer of the two; when it
 * has replayed all the primary wrote, the age is 0. A primary that does not answer leaves the
 * bound to the replica's own last commit.
 */
export async function probeReplica(domain: DomainName): Promise<ReplicaState> {
  const entry = entryOf(domain);
  const [replica, primary] = await Promise.allSettled([
    query<ReplicaRow>(
      replicaName(domain),
      `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replay,
              CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE false END AS paused,
              (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS replay_age_ms`,
    ),
    query<{ lsn: string }>(domain, 'SELECT pg_current_wal_lsn()::text AS lsn'),
  ]);
  const now = Date.now();
  const primaryLsn = primary.status === 'fulfilled' ? parseLsn(primary.value[0]!.lsn) : undefined;
  let state: ReplicaState;
  if (replica.status === 'rejected') {
    const reason = replica.reason as Error;
    const error = reason instanceof DbUnavailableError ? reason.message : `Read replica of "${domain}": the lag query failed.`;
    state = { ...UNKNOWN, checkedAt: now, up: false, primaryLsn, error };
  } else {
    const row = replica.value[0]!;
    const replayLsn = row.replay === null ? undefined : parseLsn(row.replay);
    const caughtUp = !row.standby || (replayLsn !== undefined && primaryLsn !== undefined && replayLsn >= primaryLsn);
    if (caughtUp) entry.caughtUpAt = now;
    const bounds = [row.replay_age_ms ?? Infinity, entry.caughtUpAt === undefined ? Infinity : now - entry.caughtUpAt];
    const bound = Math.max(0, Math.round(Math.min(...bounds)));
    state = {
      checkedAt: now,
      up: true,
      standby: row.standby,
      replayLsn,
      primaryLsn,
      lagMs: caughtUp ? 0 : Number.isFinite(bound) ? bound : undefined,
      replayPaused: row.paused,
    };
  }
  if (entry.state?.up !== state.up)
    log[state.up ? 'info' : 'warn'](state.up ? `read replica of "${domain}" answers; reads may use it` : `${state.error} Reads go to the primary.`);
  entry.state = state;
  return state;
}

/** One probe at a time per domain; the others wait for it. */
function probeOnce(domain: DomainName): Promise<ReplicaState> {
  const entry = entryOf(domain);
  entry.probing ??= probeReplica(domain).finally(() => {
    entry.probing = undefined;
  });
  return entry.probing;
}

/**
 * The replica's state for a read: the last one, refreshed in the background once it is a second
 * old, so a read never waits for the lag query, except the first read of a domain (bounded).
 */
export async function replicaState(domain: DomainName): Promise<ReplicaState | undefined> {
  if (!targetFor(domain).read) return undefined;
  const entry = entries.get(domain);
  if (entry?.state) {
    if (Date.now() - entry.state.checkedAt >= REFRESH_MS) void probeOnce(domain).catch(() => undefined);
    return entry.state;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), FIRST_PROBE_WAIT_MS);
  });
  try {
    return await Promise.race([probeOnce(domain), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A read on the replica failed to reach it: reads go to the primary until a probe finds it again. */
export function markReplicaDown(domain: DomainName, error: Error): void {
  const entry = entryOf(domain);
  const message = error instanceof DbUnavailableError ? error.message : `Read replica of "${domain}" failed a read.`;
  if (entry.state?.up !== false) log.warn(`${message} Reads go to the primary.`);
  entry.state = {
    ...(entry.state ?? UNKNOWN),
    checkedAt: Date.now(),
    up: false,
    error: message,
  };
}

/** Forgets every state (tests; a configuration replaced at run time). */
export function resetReplicaStates(): void {
  entries.clear();
}
