import type { ConnectionOptions } from 'node:tls';
import type { DbTarget } from '../config/types';

/**
 * Maps a target's SSL mode to node-postgres' `ssl` option. The modes follow libpq:
 * - disable: plain TCP (laptops, Docker networks).
 * - require: TLS; the certificate is checked against *_DB_SSL_CA when one is given (libpq's
 *   verify-ca), otherwise not checked — encrypted against eavesdroppers, not impostors.
 * - verify-full: TLS, certificate chain (system CAs or *_DB_SSL_CA) and host name checked.
 * - no-verify: TLS, never checked, even with a CA (for a proxy that re-signs, say).
 */
export function sslOptions(target: DbTarget): false | ConnectionOptions {
  switch (target.sslMode) {
    case 'disable':
      return false;
    case 'no-verify':
      return { rejectUnauthorized: false };
    case 'require':
      return target.sslCa ? { rejectUnauthorized: true, ca: target.sslCa, checkServerIdentity: () => undefined } : { rejectUnauthorized: false };
    case 'verify-full':
      return { rejectUnauthorized: true, ...(target.sslCa ? { ca: target.sslCa } : {}), servername: target.host };
  }
}
