import pg from 'pg';
import { forgetOperator, setCacheTrusted } from '../auth/operator-cache';
import { targetFor } from '../config/current';
import { clientConfig } from '../db/pools';
import { query, type Tx } from '../db/query';
import { logger } from '../log';

const log = logger('hub-db');

/** The hub database's channel for "this operator's sessions or roles changed"; the payload is the user id, or `*` for everyone. */
export const OPERATOR_CHANNEL = 'admin_hub_operators';

/**
 * Tells every hub instance on this hub database (this one too) to forget the operator's cached
 * sessions. Inside `tx` the notice is sent when it commits, so no instance can read the old
 * grants again after it has forgotten them; without one it is sent at once (after a change that
 * has already committed, such as Better Auth's sign-out). This instance forgets at once as well.
 */
export async function announceOperatorChange(userId: string | undefined, tx?: Tx): Promise<void> {
  forgetOperator(userId);
  const params = [OPERATOR_CHANNEL, userId ?? '*'];
  if (tx) await tx.query('SELECT pg_notify($1, $2)', params);
  else await query('hub', 'SELECT pg_notify($1, $2)', params);
}

/**
 * Listens for those notices on a connection of its own (LISTEN needs one session for as long
 * as it listens, which a pool cannot promise). While it is connected the session cache is
 * trusted; when the connection is lost the cache is turned off and emptied until it is back,
 * retried with a growing pause (1 s to 30 s). Returns the stop function for shutdown.
 */
export function startOperatorListener(): () => Promise<void> {
  if (targetFor('hub').poolMode === 'transaction') {
    // LISTEN through a transaction pooler would seem to work and then hear nothing once the
    // pooler moves this client to another server connection: the cache stays off instead.
    log.info('the hub database is behind a transaction pooler (HUB_DB_POOL_MODE=transaction): no LISTEN, so sessions are read from it on every request');
    return async () => undefined;
  }
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 1_000;
  let timer: NodeJS.Timeout | undefined;

  const lost = (reason: string) => {
    if (stopped) return;
    setCacheTrusted(false);
    const old = client;
    client = undefined;
    old?.removeAllListeners();
    old?.on('error', () => undefined); // a late socket error of the dropped client must not crash the process
    void old?.end().catch(() => undefined);
    log.warn(`operator change listener lost (${reason}); sessions are read from the hub database on every request until it is back`);
    timer = setTimeout(connect, retryMs);
    timer.unref();
    retryMs = Math.min(30_000, retryMs * 2);
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const next = new pg.Client(clientConfig(targetFor('hub')));
    client = next;
    next.on('notification', (message) => {
      if (message.channel === OPERATOR_CHANNEL) forgetOperator(message.payload && message.payload !== '*' ? message.payload : undefined);
    });
    next.on('error', (error) => {
      if (client === next) lost(error.message);
    });
    next.on('end', () => {
      if (client === next) lost('the connection ended');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${OPERATOR_CHANNEL}`);
      if (client !== next || stopped) return;
      retryMs = 1_000;
      setCacheTrusted(true);
    } catch (error) {
      if (client === next) lost((error as Error).message);
    }
  }

  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    setCacheTrusted(false);
    const last = client;
    client = undefined;
    await last?.end().catch(() => undefined);
  };
}
