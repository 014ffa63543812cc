import { isClippedValue } from '@admin-hub/engine/audit/clip';

/*
 * How an audit entry's stored values read on a page: the summary in the log, the full diff in
 * the drawer and a record's History all format them here, so they agree.
 */

export type Changes = { before?: Record<string, unknown>; after?: Record<string, unknown> } | null | undefined;

/** A column's label: the resource's own (passed in), else the name made readable ("word_count" → "Word count"). */
export function columnLabel(labels: Record<string, string> | undefined, name: string): string {
  const own = labels?.[name];
  if (own) return own;
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The columns an entry names, in the order stored (after first: an update's before has the same keys). */
export function changedColumns(changes: Changes): string[] {
  if (!changes) return [];
  return [...new Set([...Object.keys(changes.after ?? {}), ...Object.keys(changes.before ?? {})])];
}

/** The full text of a stored value; undefined for "no value" (SQL NULL), which pages show as "empty". */
export function valueText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (isClippedValue(value)) return value.$hubClipped;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The value's full length when it is longer than what is at hand (a list page carries long values clipped). */
export function fullLength(value: unknown): number | undefined {
  if (isClippedValue(value)) return value.length;
  return valueText(value)?.length;
}

/** One line of at most `chars` characters: whitespace runs folded to one space, an ellipsis when cut. */
export function clipLine(text: string, chars: number, fullLength = text.length): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > chars || fullLength > text.length ? `${line.slice(0, chars).trimEnd()}…` : line;
}

/** What an entry did to a record, in one word for the summary's lead. */
export function changeKind(changes: Changes): 'update' | 'create' | 'remove' | 'none' {
  if (!changes) return 'none';
  if (changes.before && changes.after) return 'update';
  if (changes.after) return 'create';
  if (changes.before) return 'remove';
  return 'none';
}
