import pg from 'pg';
import type { DbTarget, HubConfig } from '../config/types';
import { describeConnectError } from './errors';
import { sslOptions } from './ssl';

export interface ServerBudget {
  /** host:port of one PostgreSQL server. */
  server: string;
  /** The pools (hub and domains) that open connections to it. */
  targets: string[];
  maxConnections: number;
  reserved: number;
  inUse: number;
  free: number;
  /** What the hub may open: sum of pool sizes times HUB_REPLICAS. */
  needed: number;
  ok: boolean;
  error?: string;
}

/** Groups targets by server, since several domains often share one PostgreSQL. */
function byServer(config: HubConfig): Map<string, DbTarget[]> {
  const groups = new Map<string, DbTarget[]>();
  // A domain's read replica is a server of its own (or shares one, when pointed at it for a test).
  for (const target of [config.hub, ...config.domains, ...config.domains.flatMap((d): DbTarget[] => (d.read ? [d.read] : []))]) {
    const key = `${target.host}:${target.port}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  return groups;
}

async function readServerLimits(target: DbTarget) {
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password,
    ssl: sslOptions(target),
    connectionTimeoutMillis: target.connectionTimeoutMs,
    application_name: 'admin-hub:budget-check',
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describeConnectError(target, error);
  }
  try {
    // reserved_connections exists from PostgreSQL 16 on; on 15 it is simply absent.
    const { rows } = await client.query<{ max: number; reserved: number; in_use: number }>(`
      SELECT current_setting('max_connections')::int AS max,
             (SELECT coalesce(sum(setting::int), 0) FROM pg_settings
               WHERE name IN ('superuser_reserved_connections', 'reserved_connections'))::int AS reserved,
             (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS in_use`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/**
 * Reads max_connections, reserved slots and current use of every distinct server, and
 * compares what is free with what the hub's pools may open. Our own check connection is
 * not counted as "in use": it closes right after.
 */
export async function checkConnectionBudget(config: HubConfig): Promise<ServerBudget[]> {
  return Promise.all(
    [...byServer(config)].map(async ([server, targets]): Promise<ServerBudget> => {
      const needed = targets.reduce((sum, t) => sum + t.poolMax, 0) * config.replicas;
      const names = targets.map((t) => t.name);
      try {
        const limits = await readServerLimits(targets[0]!);
        const inUse = Math.max(0, limits.in_use - 1);
        const free = limits.max - limits.reserved - inUse;
        return { server, targets: names, maxConnections: limits.max, reserved: limits.reserved, inUse, free, needed, ok: needed <= free };
      } catch (error) {
        return { server, targets: names, maxConnections: 0, reserved: 0, inUse: 0, free: 0, needed, ok: false, error: (error as Error).message };
      }
    }),
  );
}

export function describeBudget(b: ServerBudget, replicas: number): string {
  if (b.error) return `${b.server} (${b.targets.join(', ')}): could not check the connection budget: ${b.error}`;
  const verdict = b.ok ? 'ok' : 'OVER BUDGET';
  const detail =
    `pools ${b.targets.join(' + ')} may open ${b.needed} connection${b.needed === 1 ? '' : 's'}` +
    (replicas > 1 ? ` (${b.needed / replicas} × HUB_REPLICAS=${replicas})` : '') +
    `; the server allows ${b.maxConnections}, keeps ${b.reserved} reserved, ${b.inUse} in use, so ${b.free} free`;
  const fix = b.ok ? '' : '. Lower the *_DB_POOL_MAX of these domains, or raise max_connections on the server.';
  return `${b.server}: ${verdict}: ${detail}${fix}`;
}
