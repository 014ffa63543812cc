import type { DbTarget } from '../config/types';
import { HubError } from '../errors';

/**
 * Errors the engine raises about a database connection. Each message names the domain and
 * what to change, and none carries a password, a connection string or the SQL.
 */
export class DbUnavailableError extends HubError {
  readonly status = 503;
  constructor(
    readonly domain: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbUnavailableError';
  }
}

/**
 * A parameter holds the NUL character, which no PostgreSQL text can (the server answers
 * "invalid byte sequence for encoding UTF8: 0x00"). Caught before the query is sent, for every
 * caller: record forms say it on the field first; this is the backstop for the rest (operator
 * ids, session ids, search terms), so hostile input is a 400, never a 500.
 */
export class NulInTextError extends HubError {
  readonly status = 400;
  constructor() {
    super('Text cannot contain the NUL character (\\0): PostgreSQL does not store it.');
    this.name = 'NulInTextError';
  }
}

/** Every client of the pool stayed busy for the whole connection timeout. */
export class PoolExhaustedError extends DbUnavailableError {
  constructor(target: DbTarget, stats: { total: number; waiting: number }) {
    super(
      target.name,
      `Domain "${target.name}": no database connection became free within ${target.connectionTimeoutMs} ms ` +
        `(pool of ${target.poolMax}, ${stats.total} open, ${stats.waiting} waiting). ` +
        `Long-running queries are holding them; raise ${target.envPrefix}_DB_POOL_MAX or ${target.envPrefix}_DB_CONNECTION_TIMEOUT_MS if the load is expected.`,
    );
    this.name = 'PoolExhaustedError';
  }
}

/**
 * What pg's errors carry: the SQLSTATE and the server's diagnostic fields (which object, which
 * constraint, which domain type), or a socket error's errno. One shape for every mapper.
 */
export type PgLikeError = Error & {
  code?: string;
  errno?: number;
  syscall?: string;
  detail?: string;
  column?: string;
  constraint?: string;
  schema?: string;
  table?: string;
  dataType?: string;
};

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * True when the error means the connection itself is unusable, so the client must be
 * destroyed rather than returned to the pool: socket errors, SQLSTATE class 08
 * (connection exception), 57P0x (server shutting down), 25P03 (idle-in-transaction timeout).
 */
export function isConnectionBroken(error: unknown): boolean {
  const e = error as PgLikeError | undefined;
  if (!e || typeof e !== 'object') return false;
  const code = e.code ?? '';
  if (CONNECTION_CODES.has(code)) return true;
  if (/^08/.test(code) || /^57P0/.test(code) || code === '25P03') return true;
  return /Connection terminated|Client has encountered a connection error|not queryable/i.test(e.message ?? '');
}

/** Turns a failure to connect into a message an operator can act on. */
export function describeConnectError(target: DbTarget, error: unknown): DbUnavailableError {
  const e = error as PgLikeError;
  const where = `${target.host}:${target.port}`;
  const sslVar = `${target.envPrefix}_DB_SSL_MODE`;
  const message = e?.message ?? String(error);
  let text: string;
  if (/does not support SSL/i.test(message)) {
    text = `the server at ${where} does not accept TLS, but ${sslVar}=${target.sslMode}. Set ${sslVar}=disable (only on a trusted network) or enable ssl on the server.`;
  } else if (/no encryption|SSL off|hostssl/i.test(message) || (e?.code === '28000' && target.sslMode === 'disable')) {
    text = `the server at ${where} refuses connections without TLS. Set ${sslVar}=require (or verify-full with ${target.envPrefix}_DB_SSL_CA).`;
  } else if (/self[- ]signed|unable to verify|certificate|altnames|UNABLE_TO_GET_ISSUER/i.test(message)) {
    text = `the server's TLS certificate was not accepted under ${sslVar}=${target.sslMode} (${message}). Set ${target.envPrefix}_DB_SSL_CA to the CA that signed it, or ${sslVar}=require to encrypt without checking.`;
  } else if (e?.code === '28P01' || /password authentication failed/i.test(message)) {
    text = `password authentication failed for user "${target.user}". Check ${target.envPrefix}_DB_USER and ${target.envPrefix}_DB_PASSWORD.`;
  } else if (e?.code === '3D000') {
    text = `database "${target.database}" does not exist on ${where}. Check ${target.envPrefix}_DB_NAME.`;
  } else if (e?.code === 'ECONNREFUSED') {
    text = `nothing accepts connections at ${where} (connection refused). Is the server running? Check ${target.envPrefix}_DB_HOST and ${target.envPrefix}_DB_PORT.`;
  } else if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') {
    text = `host "${target.host}" cannot be resolved. Check ${target.envPrefix}_DB_HOST.`;
  } else if (/timeout/i.test(message)) {
    text = `no answer from ${where} within ${target.connectionTimeoutMs} ms.`;
  } else {
    text = `cannot connect to ${where}: ${message}`;
  }
  return new DbUnavailableError(target.name, `Domain "${target.name}": ${text}`, { cause: error });
}
