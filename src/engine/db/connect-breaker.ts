import type { DbTarget } from '../config/types';
import { DbUnavailableError } from './errors';
import type pg from 'pg';

/**
 * A domain whose server refuses or never answers connections is tried by one request at a
 * time, not by every request at once. After a connection attempt fails, checkouts of that
 * pool fail at once with the same message for a short cool-down; then the next checkout is
 * let through as a probe while the others keep failing fast, and the probe's success closes
 * the breaker. Without it a dashboard of a hung domain opened a pending connection per card
 * and widget, each waiting out the full connection timeout. A pool that is merely busy
 * (PoolExhaustedError) never trips it.
 */
interface Tripped {
  error: DbUnavailableError;
  retryAt: number;
  probing: boolean;
}

// Kept per pool object, not per domain name: a pool closed and replaced (config reload,
// tests) starts untried, and a late failure of the old pool's attempt cannot trip the new one.
const breakers = new WeakMap<pg.Pool, Tripped>();

/** The longest a down domain is answered from memory before it is tried again. */
const MAX_COOL_DOWN_MS = 2_000;

/**
 * Before a checkout: throws the last connection error while the breaker is open, and
 * returns whether this checkout is the probe (its outcome must be reported either way).
 */
export function admitCheckout(pool: pg.Pool): { probe: boolean } {
  const tripped = breakers.get(pool);
  if (!tripped) return { probe: false };
  if (tripped.probing || Date.now() < tripped.retryAt) {
    throw new DbUnavailableError(tripped.error.domain, tripped.error.message, { cause: tripped.error });
  }
  tripped.probing = true;
  return { probe: true };
}

export function connectFailed(pool: pg.Pool, target: DbTarget, error: DbUnavailableError): void {
  breakers.set(pool, { error, retryAt: Date.now() + Math.min(MAX_COOL_DOWN_MS, target.connectionTimeoutMs), probing: false });
}

export function connectSucceeded(pool: pg.Pool): void {
  breakers.delete(pool);
}
