/**
 * Verifying Admin Hub's signed internal calls — for the domain services the hub calls.
 *
 * This file depends on nothing but `node:crypto`: copy it into your service as is.
 *
 * The hub sends every internal action as
 *
 *   POST <D_INTERNAL_URL>/api/internal/<action>
 *   content-type:     application/json
 *   x-hub-timestamp:  1767225600                      (unix seconds when it was sent)
 *   x-hub-signature:  v1=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>
 *   x-request-id:     the hub request that made the call (for your logs)
 *   idempotency-key:  one value per operator click; a retry of the same click sends it again
 *
 * and a JSON object body that always names the action and the idempotency key, so both are
 * covered by the signature: { "action": "send-notification", "idempotencyKey": "…", … }.
 *
 * Verify the raw bytes of the body (before any JSON parsing), check that the signed body
 * names the action of the URL and the key of the header, then run the action at most once
 * per idempotency key:
 *
 *   const guard = new ReplayGuard();                     // one per process
 *   const key = req.headers['idempotency-key'];
 *   const check = verifyHubSignature({
 *     secret: process.env.HUB_INTERNAL_SECRET!,
 *     timestamp: req.headers['x-hub-timestamp'],
 *     signature: req.headers['x-hub-signature'],
 *     rawBody,
 *     replayGuard: guard,
 *     idempotencyKey: key,
 *   });
 *   if (!check.ok) return reply(401, { error: `Refused: ${check.reason}` });
 *   const body = JSON.parse(rawBody);
 *   if (body.action !== action || body.idempotencyKey !== key) return reply(400, { error: 'Body does not match the request.' });
 *   const { result } = await guard.once(key, () => runAction(body), action + ':' + rawBody);
 *   reply(result.status, result.body);
 *
 * A replayed request (the same signature again) is refused as `replayed`, except a repeat that
 * carries the same idempotency key as the original while the guard holds that key's result:
 * that one is let through so `once` answers it with the first result, without running again
 * (a retry sent within the same second as the original is byte-for-byte the same request).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-hub-timestamp';
export const SIGNATURE_HEADER = 'x-hub-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REQUEST_ID_HEADER = 'x-request-id';

/** Default replay window: a request is accepted only if its timestamp is within ±5 minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Why a request was refused. */
export type HubSignatureFailure =
  /** No x-hub-timestamp or x-hub-signature header. */
  | 'missing-headers'
  /** The timestamp is not a whole number of seconds. */
  | 'malformed-timestamp'
  /** The signature header has no `v1=<hex>` part. */
  | 'malformed-signature'
  /** No `v1=` value matches: wrong secret, or the body or timestamp was changed on the way. */
  | 'bad-signature'
  /** Signed more than `toleranceSeconds` ago. */
  | 'expired'
  /** Signed more than `toleranceSeconds` in the future (clock skew or forgery). */
  | 'future'
  /** This exact signed request was seen before (within its window). */
  | 'replayed';

export type HubSignatureResult = { ok: true } | { ok: false; reason: HubSignatureFailure };

type HeaderValue = string | readonly string[] | null | undefined;

export interface VerifyHubSignatureOptions {
  /** The shared secret (D_INTERNAL_SECRET on the hub). Several while rotating: any one may match. */
  secret: string | readonly string[];
  /** The x-hub-timestamp header. */
  timestamp: HeaderValue;
  /** The x-hub-signature header. */
  signature: HeaderValue;
  /** The body exactly as received, before any parsing. */
  rawBody: string | Uint8Array;
  /** "Now" in unix seconds (tests); default the system clock. */
  now?: number;
  /** Accepted clock difference either way, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** When given, a signature seen before is refused as `replayed` (see ReplayGuard.remember). */
  replayGuard?: ReplayGuard;
  /** The idempotency-key header: lets a repeat of a keyed request through to `once`'s first result. */
  idempotencyKey?: HeaderValue;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const first = (value: HeaderValue): string | undefined => (typeof value === 'string' ? value : value?.[0]);

/** `v1=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>`: what the hub sends in x-hub-signature. */
export function computeHubSignature(secret: string, timestamp: string | number, rawBody: string | Uint8Array): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return `v1=${hmac.digest('hex')}`;
}

/** Constant-time comparison of two byte strings; different lengths are refused before comparing. */
function sameBytes(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/**
 * Checks that a request really comes from the hub, unchanged, recently, and (with a
 * replayGuard) only once. Never throws on bad input: every refusal is `{ ok: false, reason }`.
 * The comparison is constant-time (crypto.timingSafeEqual, after an equal-length check).
 */
export function verifyHubSignature(options: VerifyHubSignatureOptions): HubSignatureResult {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const timestamp = first(options.timestamp)?.trim();
  const header = first(options.signature)?.trim();
  if (!timestamp || !header) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  if (header.length > 2048) return { ok: false, reason: 'malformed-signature' };

  // "v1=<hex>", possibly several comma-separated (the sender rotating its secret); other schemes are ignored.
  const candidates = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (candidates.length === 0 || candidates.some((hex) => !/^[0-9a-fA-F]*$/.test(hex))) return { ok: false, reason: 'malformed-signature' };

  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  const expected = secrets.filter((s) => s.length > 0).map((s) => Buffer.from(computeHubSignature(s, timestamp, options.rawBody).slice(3), 'hex'));
  // An odd number of hex digits cannot be 32 bytes: give it a length that never matches.
  const given = candidates.map((hex) => (hex.length % 2 === 0 ? Buffer.from(hex, 'hex') : Buffer.alloc(0)));
  let matched = false;
  for (const e of expected) for (const g of given) if (sameBytes(e, g)) matched = true;
  if (!matched) return { ok: false, reason: 'bad-signature' };

  const signedAt = Number(timestamp);
  const now = options.now ?? nowSeconds();
  if (signedAt < now - tolerance) return { ok: false, reason: 'expired' };
  if (signedAt > now + tolerance) return { ok: false, reason: 'future' };

  if (options.replayGuard && !options.replayGuard.remember(`${timestamp}.${header}`, signedAt + tolerance, first(options.idempotencyKey)?.trim())) {
    return { ok: false, reason: 'replayed' };
  }
  return { ok: true };
}

/** The same idempotency key came back with a different request (another action or body). */
export class IdempotencyKeyReusedError extends Error {
  constructor(key: string) {
    super(`Idempotency key "${key}" was already used for a different request.`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

export interface ReplayGuardOptions {
  /** How long an idempotency key's result is kept, in seconds. Default 86,400 (a day). */
  keyTtlSeconds?: number;
  /** Most signatures and most keys remembered (each); the oldest are forgotten first. Default 100,000. */
  maxEntries?: number;
  /** "Now" in unix seconds (tests). */
  now?: () => number;
}

interface SignatureEntry {
  expires: number;
  key: string | undefined;
}

interface KeyEntry {
  fingerprint: string | undefined;
  expires: number;
  result: Promise<unknown>;
}

/**
 * In-memory replay protection for one service process:
 *
 * - `remember(signature, expires, key?)` (used by verifyHubSignature) refuses a signed request
 *   seen before; a signature is kept until its timestamp leaves the window, after which the
 *   timestamp check refuses it anyway. A repeat with the original's idempotency key, while
 *   `once` holds that key, is let through: `once` then answers it with the first result.
 * - `once(key, work, fingerprint?)` runs `work` once per idempotency key: a second request
 *   with the key (even while the first is still running) gets the first result, with
 *   `replayed: true`, instead of running again. A `work` that throws is forgotten, so a
 *   retry runs it again. A different fingerprint under the same key throws
 *   IdempotencyKeyReusedError.
 *
 * With several processes or restarts, keep these in a shared store (Redis, a table) instead.
 */
export class ReplayGuard {
  private readonly signatures = new Map<string, SignatureEntry>();
  private readonly keys = new Map<string, KeyEntry>();
  private readonly keyTtl: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ReplayGuardOptions = {}) {
    this.keyTtl = options.keyTtlSeconds ?? 86_400;
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? nowSeconds;
  }

  /**
   * True the first time this signature is seen (remembered until `expires`, unix seconds), or
   * for a repeat under the same idempotency key whose result `once` holds (it answers from it).
   */
  remember(signature: string, expires: number, idempotencyKey?: string): boolean {
    const now = this.now();
    const seen = this.signatures.get(signature);
    if (seen !== undefined && seen.expires >= now) {
      return idempotencyKey !== undefined && idempotencyKey !== '' && seen.key === idempotencyKey && this.holds(idempotencyKey, now);
    }
    this.signatures.delete(signature); // re-inserted last: the Map's order is the eviction order
    this.signatures.set(signature, { expires, key: idempotencyKey || undefined });
    prune(this.signatures, (e) => e.expires < now, this.maxEntries);
    return true;
  }

  /** Whether `once` has (or is computing) a result for this key. */
  private holds(key: string, now: number): boolean {
    const entry = this.keys.get(key);
    return entry !== undefined && entry.expires >= now;
  }

  async once<T>(key: string | readonly string[] | null | undefined, work: () => Promise<T>, fingerprint?: string): Promise<{ result: T; replayed: boolean }> {
    const k = first(key)?.trim();
    if (!k) return { result: await work(), replayed: false };
    const now = this.now();
    const existing = this.keys.get(k);
    if (existing && existing.expires >= now) {
      if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(k);
      return { result: (await existing.result) as T, replayed: true };
    }
    const result = work();
    const entry: KeyEntry = { fingerprint, expires: now + this.keyTtl, result };
    this.keys.delete(k); // an expired entry: re-inserted last
    this.keys.set(k, entry);
    prune(this.keys, (e) => e.expires < now, this.maxEntries);
    try {
      return { result: await result, replayed: false };
    } catch (error) {
      if (this.keys.get(k) === entry) this.keys.delete(k);
      throw error;
    }
  }
}

/** Drops expired entries (Map keeps insertion order, so the oldest go first when over the cap). */
function prune<V>(map: Map<string, V>, expired: (value: V) => boolean, max: number): void {
  if (map.size % 1000 === 0 || map.size > max) {
    for (const [k, v] of map) if (expired(v)) map.delete(k);
  }
  for (const k of map.keys()) {
    if (map.size <= max) break;
    map.delete(k);
  }
}
