import net from 'node:net';
import type pg from 'pg';
import type { DbTarget } from '../config/types';

const CANCEL_REQUEST_CODE = 80877102;

/**
 * Cancels what a client is running, the way libpq's PQcancel does: a CancelRequest with the
 * backend key the server gave that client, on a connection of its own. Unlike
 * `pg_cancel_backend(pid)` it needs no pooled connection and names no process id, so it also
 * works through PgBouncer, which hands its clients keys of its own and forwards their cancels
 * to the right server connection (a pid read through it belongs to no backend). Resolves once
 * sent (or once sending failed: a cancel is best effort, and the caller's timeout still holds).
 */
export function cancelRunningQuery(target: DbTarget, client: pg.ClientBase): Promise<void> {
  const { processID, secretKey } = client as unknown as { processID: number | null; secretKey: number | null };
  if (processID === null || secretKey === null) return Promise.resolve();
  return new Promise((resolve) => {
    const socket = net.connect(target.port, target.host);
    socket.setTimeout(target.connectionTimeoutMs, () => socket.destroy());
    socket.once('connect', () => {
      const message = Buffer.alloc(16);
      message.writeInt32BE(16, 0);
      message.writeInt32BE(CANCEL_REQUEST_CODE, 4);
      message.writeInt32BE(processID, 8);
      message.writeInt32BE(secretKey, 12);
      // Written, not ended: the server (or PgBouncer, which would drop a request whose sender
      // already hung up) closes the connection once it has acted on it.
      socket.write(message);
    });
    socket.once('close', () => resolve());
    socket.once('error', () => resolve());
  });
}
