import type { AuditChanges } from './entry';

/** Longest text kept per value in a list page's changes; the detail drawer reads the entry in full. */
export const LIST_VALUE_CHARS = 200;

/** Marks a value the list clipped (the page says so rather than show it as the value); the key is one no row uses. */
export interface ClippedValue {
  $hubClipped: string;
  length: number;
}

export function isClippedValue(value: unknown): value is ClippedValue {
  return typeof value === 'object' && value !== null && typeof (value as ClippedValue).$hubClipped === 'string';
}

function clipValue(value: unknown, chars: number): unknown {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length <= chars) return value;
  return { $hubClipped: text.slice(0, chars), length: text.length } satisfies ClippedValue;
}

/**
 * A page of 50 entries can carry whole rows (creates, deletes) with 5,000-character texts; the
 * summary shows a few dozen characters of each. Clipping before the page is sent keeps its
 * payload bounded whatever the rows hold.
 */
export function clipChanges(changes: unknown, chars = LIST_VALUE_CHARS): AuditChanges {
  if (!changes || typeof changes !== 'object') return null;
  const { before, after } = changes as NonNullable<AuditChanges>;
  const clipSide = (side: Record<string, unknown> | undefined) =>
    side ? Object.fromEntries(Object.entries(side).map(([k, v]) => [k, clipValue(v, chars)])) : undefined;
  return { ...(before ? { before: clipSide(before) } : {}), ...(after ? { after: clipSide(after) } : {}) };
}
