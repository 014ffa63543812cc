import { recordEvent } from '../audit/record';
import { execute, query } from '../db/query';
import { logger } from '../log';

/**
 * Limits on FAILED password sign-ins, per account and per client address, kept in the hub
 * database (hub_sign_in_failures) so every hub process counts together.
 *
 * - Per account: the normalised email, whether or not such an account exists, so a wrong
 *   password and an unknown email are answered alike (no account enumeration).
 * - Per address: a much higher ceiling, so one office behind one NAT address is not locked
 *   out by one colleague, while one address still cannot try thousands of accounts.
 *
 * A sign-in being checked holds one count on both keys until it is answered: a burst of
 * parallel guesses cannot all pass a check made before any of them failed. A success gives
 * the address's count back and clears the account's; a refusal or a malformed request gives
 * both back. Successful sign-ins are therefore never counted.
 */

const log = logger('sign-in');

export type LimitKind = 'account' | 'address';

export interface SignInLimits {
  /** Failed sign-ins per account per window. */
  account: number;
  /** Failed sign-ins per client address per window. */
  address: number;
  windowSeconds: number;
}

export interface SignInSubjects {
  /** The normalised email, undefined when the request carries none (it fails validation). */
  email: string | undefined;
  address: string;
}

export interface SignInRefusal {
  kind: LimitKind;
  retryAfterSeconds: number;
  message: string;
}

/** The account key: what Better Auth looks the account up by (lower case), trimmed and bounded. */
export function normaliseEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase().slice(0, 320);
  return email === '' ? undefined : email;
}

function keysOf(subjects: SignInSubjects): { kinds: LimitKind[]; values: string[] } {
  // Always account first, then address: every statement that locks both rows locks them in
  // this order, so two sign-ins can never wait on each other in a cycle.
  const kinds: LimitKind[] = [];
  const values: string[] = [];
  if (subjects.email !== undefined) {
    kinds.push('account');
    values.push(subjects.email);
  }
  kinds.push('address');
  values.push(subjects.address.slice(0, 100));
  return { kinds, values };
}

/** "42 seconds", "3 minutes", "2 hours": rounded up, so the operator never tries too early. */
export function describeWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return `${s} second${s === 1 ? '' : 's'}`;
  if (s < 7200) return `${Math.ceil(s / 60)} minutes`;
  return `${Math.ceil(s / 3600)} hours`;
}

export function lockedMessage(kind: LimitKind, retryAfterSeconds: number): string {
  const whose = kind === 'account' ? 'for this account' : 'from your network address';
  return `Too many failed sign-ins ${whose}. Try again in ${describeWait(retryAfterSeconds)}.`;
}

/**
 * Takes one count on the account's and the address's key for a sign-in about to be checked.
 * Answers the refusal when either is already at its limit (the counts are given back then:
 * a refused attempt is not a failed one).
 */
export async function reserveSignInAttempt(subjects: SignInSubjects, limits: SignInLimits): Promise<SignInRefusal | undefined> {
  await sweepWhenDue();
  const { kinds, values } = keysOf(subjects);
  const rows = await query<{ kind: LimitKind; failures: number; seconds_left: number }>(
    'hub',
    `INSERT INTO "hub_sign_in_failures" AS f ("kind", "subject", "failures", "window_ends")
       SELECT k, s, 1, now() + $3::integer * interval '1 second'
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(k, s, n) ORDER BY n
     ON CONFLICT ("kind", "subject") DO UPDATE SET
       "failures" = CASE WHEN f."window_ends" <= now() THEN 1 ELSE f."failures" + 1 END,
       "lockout_recorded" = f."lockout_recorded" AND f."window_ends" > now(),
       "window_ends" = CASE WHEN f."window_ends" <= now() THEN EXCLUDED."window_ends" ELSE f."window_ends" END
     RETURNING "kind", "failures", greatest(1, ceil(extract(epoch FROM "window_ends" - now())))::integer AS seconds_left`,
    [kinds, values, limits.windowSeconds],
  );
  const over = rows.filter((r) => r.failures > limitOf(r.kind, limits));
  if (over.length === 0) return undefined;
  await release(subjects, ['account', 'address']);
  // The longest wait is the one that matters; on a tie, the account's message.
  const worst = over.reduce((a, b) => (b.seconds_left > a.seconds_left ? b : a));
  return { kind: worst.kind, retryAfterSeconds: worst.seconds_left, message: lockedMessage(worst.kind, worst.seconds_left) };
}

/**
 * Settles a reserved attempt once it is answered. `failed` (wrong password or unknown email)
 * keeps the counts and records a lockout the first time a key reaches its limit in its
 * window; `succeeded` clears the account and gives the address its count back; `void`
 * (malformed request, refused by the allowlist, …) gives both back.
 */
export async function settleSignInAttempt(subjects: SignInSubjects, outcome: 'succeeded' | 'failed' | 'void', limits: SignInLimits): Promise<void> {
  if (outcome === 'void') return release(subjects, ['account', 'address']);
  if (outcome === 'succeeded') {
    if (subjects.email !== undefined) await execute('hub', `DELETE FROM "hub_sign_in_failures" WHERE "kind" = 'account' AND "subject" = $1`, [subjects.email]);
    return release(subjects, ['address']);
  }
  const { kinds, values } = keysOf(subjects);
  for (const [i, kind] of kinds.entries()) {
    // One row per statement: never two row locks held at once outside the ordered reservation.
    const [locked] = await query<{ window_ends: Date }>(
      'hub',
      `UPDATE "hub_sign_in_failures" SET "lockout_recorded" = true
        WHERE "kind" = $1 AND "subject" = $2 AND "failures" >= $3 AND "window_ends" > now() AND NOT "lockout_recorded"
        RETURNING "window_ends"`,
      [kind, values[i], limitOf(kind, limits)],
    );
    if (!locked) continue;
    const limit = limitOf(kind, limits);
    const which = kind === 'account' ? 'per-account limit' : `per-address limit (${values[i]})`;
    await recordEvent(
      {
        actor: subjects.email ? { id: '', email: subjects.email } : null,
        action: 'sign_in_locked',
        detail: `${which}: ${limit} failed sign-in${limit === 1 ? '' : 's'} within ${limits.windowSeconds} s; refused until ${new Date(locked.window_ends).toISOString()}`,
      },
      'failed',
    );
  }
}

function limitOf(kind: LimitKind, limits: SignInLimits): number {
  return kind === 'account' ? limits.account : limits.address;
}

async function release(subjects: SignInSubjects, which: LimitKind[]): Promise<void> {
  const { kinds, values } = keysOf(subjects);
  for (const [i, kind] of kinds.entries()) {
    if (!which.includes(kind)) continue;
    await execute('hub', `UPDATE "hub_sign_in_failures" SET "failures" = greatest("failures" - 1, 0) WHERE "kind" = $1 AND "subject" = $2`, [kind, values[i]]);
  }
}

/** Deletes the rows whose window has ended; answers how many. */
export async function sweepSignInFailures(): Promise<number> {
  const { rowCount } = await execute('hub', 'DELETE FROM "hub_sign_in_failures" WHERE "window_ends" <= now()');
  return rowCount ?? 0;
}

const SWEEP_EVERY_MS = 60_000;
let nextSweepAt = 0;

/** At most once a minute per process, on the sign-in path: no timer to start or stop. */
async function sweepWhenDue(): Promise<void> {
  const now = Date.now();
  if (nextSweepAt > now) return;
  nextSweepAt = now + SWEEP_EVERY_MS;
  await sweepSignInFailures().catch((error: Error) => log.warn(`could not delete ended sign-in windows: ${error.message}`));
}
