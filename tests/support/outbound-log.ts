import { appendFileSync } from 'node:fs';
import net from 'node:net';

/**
 * Preloaded into a hub started by the tests (`node --import`): appends every TCP connection
 * the process opens (`host:port`, one per line) to HUB_TEST_OUTBOUND_LOG. Database clients,
 * fetch and http all connect through net.Socket#connect, so the tests can prove that the hub
 * talks only to its databases, the services it was configured with and itself.
 */
const file = process.env.HUB_TEST_OUTBOUND_LOG;
if (file) {
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
    const [first, second] = args;
    const options = (Array.isArray(first) ? first[0] : first) as { port?: unknown; host?: unknown; path?: unknown } | number | string;
    let target: string | undefined;
    if (typeof options === 'object' && options !== null && options.path === undefined && options.port !== undefined) {
      target = `${String(options.host ?? 'localhost')}:${String(options.port)}`;
    } else if (typeof options === 'number' || (typeof options === 'string' && /^\d+$/.test(options))) {
      target = `${typeof second === 'string' ? second : 'localhost'}:${String(options)}`;
    }
    if (target) appendFileSync(file, `${target}\n`);
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;
}
