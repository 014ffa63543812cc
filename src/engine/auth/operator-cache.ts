import type { Operator } from './operator';

/**
 * The session → operator cache of operatorFromHeaders (session.ts), in a module of its own so
 * that sign-out (better-auth.ts) and role changes (manage.ts) can clear it without importing
 * the session code, which imports them.
 */
const KEY = Symbol.for('admin-hub.operator-cache');
type Entry = { operator: Operator; at: number; expiresAt: number };
export function cache(): Map<string, Entry> {
  const holder = globalThis as { [KEY]?: Map<string, Entry> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Forgets cached sessions of one operator (or all): called by sign-out, revocation and role changes. */
export function forgetOperator(userId?: string): void {
  if (userId === undefined) return cache().clear();
  for (const [token, entry] of cache()) if (entry.operator.id === userId) cache().delete(token);
}
