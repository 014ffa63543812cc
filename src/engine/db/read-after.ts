/**
 * Read-your-writes with read replicas. After an operator's save commits on a domain's primary,
 * the primary's WAL position (LSN) is remembered for that operator, in a cookie rather than in
 * this process: the next request may reach another hub instance. A read of that domain goes to
 * the replica only once the replica has replayed past that LSN (read-route.ts); until then it
 * goes to the primary, so nobody sees their own edit vanish.
 *
 * The state is kept beside the operator object of one request (a WeakMap), not on it: the
 * operator is plain data that pages hand to components.
 */

/** `admin-hub.read-after=blog:0/3000060.market:1/A0`: per domain, the LSN its reads must have seen. */
export const READ_AFTER_COOKIE = 'admin-hub.read-after';
/** Long enough to cover any replica the hub still reads from (D_DB_READ_MAX_LAG_MS is far less in practice). */
export const READ_AFTER_MAX_AGE_SECONDS = 600;

const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/;
const DOMAIN = /^[a-z][a-z0-9_]{0,30}$/;

/** PostgreSQL's `pg_lsn` text (`16/B374D848`) as a number; undefined for anything else. */
export function parseLsn(text: string): bigint | undefined {
  const match = LSN.exec(text.toUpperCase());
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : undefined;
}

/** The LSN text PostgreSQL would print for a number. */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

export class ReadAfter {
  private readonly lsns = new Map<string, bigint>();
  private persist: ((cookieValue: string) => void) | undefined;

  /** From a request's Cookie header. A malformed entry is ignored: at worst a read goes to the replica. */
  static fromCookieHeader(header: string | null | undefined): ReadAfter {
    const state = new ReadAfter();
    const value = header
      ?.split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${READ_AFTER_COOKIE}=`))
      ?.slice(READ_AFTER_COOKIE.length + 1);
    for (const entry of decoded(value ?? '')
      .split('.')
      .slice(0, 64)) {
      const at = entry.indexOf(':');
      const domain = entry.slice(0, at);
      const lsn = parseLsn(entry.slice(at + 1));
      if (at > 0 && DOMAIN.test(domain) && lsn !== undefined) state.lsns.set(domain, lsn);
    }
    return state;
  }

  /** The LSN the domain's reads must have replayed, if this operator wrote to it lately. */
  lsnFor(domain: string): bigint | undefined {
    return this.lsns.get(domain);
  }

  /** A commit on the domain's primary reached `lsn`: later reads wait for it (kept only when newer). */
  note(domain: string, lsn: bigint): void {
    const known = this.lsns.get(domain);
    if (known !== undefined && known >= lsn) return;
    this.lsns.set(domain, lsn);
    this.persist?.(this.cookieValue());
  }

  /** Called with the cookie's new value whenever a note changes it (the web layer sets the cookie). */
  onChange(persist: (cookieValue: string) => void): void {
    this.persist = persist;
  }

  cookieValue(): string {
    return [...this.lsns].map(([domain, lsn]) => `${domain}:${formatLsn(lsn)}`).join('.');
  }
}

/** Cookie values are percent-encoded when set (Next.js encodes `:` and `/`); a malformed escape reads as nothing. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

const byOperator = new WeakMap<object, ReadAfter>();

/** Ties a request's read-after state to its operator object (auth/session.ts does, per request). */
export function attachReadAfter(operator: object, state: ReadAfter): void {
  byOperator.set(operator, state);
}

/** The read-after state of a request's operator; undefined for one made outside a request (scripts, tests). */
export function readAfterOf(operator: object | null | undefined): ReadAfter | undefined {
  return operator ? byOperator.get(operator) : undefined;
}
