import type { Operator } from './operator';

/**
 * The session → operator cache of operatorFromHeaders (session.ts), in a module of its own so
 * that sign-out (better-auth.ts), role changes (manage.ts) and the hub's change listener
 * (hub-db/operator-changes.ts) can clear it without importing the session code.
 *
 * Several hub instances share one hub database, so a session revoked or a role changed on one
 * must not live on in another's cache. Every such change is announced on the hub database
 * (NOTIFY, delivered at COMMIT) and each instance's listener forgets the operator. The cache
 * is only trusted while that listener is connected: without it (a lost connection, a process
 * that never started one, such as a test or a script) every request reads the session afresh.
 */
type Entry = { operator: Operator; at: number; expiresAt: number };
// One per process: the engine is loaded once (next.config.mjs), so the server's doors and
// Next's pages read and clear the same entries.
const entries = new Map<string, Entry>();
/** Bumped by every forget: a lookup that began before a change must not cache what it read. */
let generation = 0;
let listening = false;

export function cache(): Map<string, Entry> {
  return entries;
}

/** Forgets cached sessions of one operator (or all): called by sign-out, revocation, role changes and the listener. */
export function forgetOperator(userId?: string): void {
  generation++;
  if (userId === undefined) return entries.clear();
  for (const [token, entry] of entries) if (entry.operator.id === userId) entries.delete(token);
}

/** The number a lookup notes before it reads the session, and compares before it caches the result. */
export function cacheGeneration(): number {
  return generation;
}

/** Whether changes made by other instances reach this one now (the listener is connected). */
export function cacheTrusted(): boolean {
  return listening;
}

/** Set by the listener. Either way the cache starts empty: notices may have been missed while it was away. */
export function setCacheTrusted(on: boolean): void {
  listening = on;
  forgetOperator();
}
