import type { Operator } from './operator';

/**
 * The session → operator cache of operatorFromHeaders (session.ts), in a module of its own so
 * that sign-out (better-auth.ts) and role changes (manage.ts) can clear it without importing
 * the session code, which imports them.
 */
type Entry = { operator: Operator; at: number; expiresAt: number };
// One per process: the engine is loaded once (next.config.mjs), so the server's doors and
// Next's pages read and clear the same entries.
const entries = new Map<string, Entry>();
export function cache(): Map<string, Entry> {
  return entries;
}

/** Forgets cached sessions of one operator (or all): called by sign-out, revocation and role changes. */
export function forgetOperator(userId?: string): void {
  if (userId === undefined) return cache().clear();
  for (const [token, entry] of cache()) if (entry.operator.id === userId) cache().delete(token);
}
