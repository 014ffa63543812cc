/**
 * A cursor is the sort values and primary key of the row at a page edge, as text, so values
 * round-trip exactly (timestamps keep their microseconds, bigints and numerics their digits):
 * `[sort value 1, …, sort value n, key 1, …]`, one value per sort column (up to three), then the
 * key. It is opaque to the browser but not secret: tampering can only move the page, because
 * every value goes back as a parameter; a malformed one is a 400.
 */
export type CursorValues = (string | null)[];

/**
 * Sort values longer than this are not carried: the cursor holds BY_KEY in their place and the
 * query reads the value from the row its key names. A cursor stays a few KB whatever the data
 * (a 1 MB sort value made a 1.3 MB cursor, and such requests were reset).
 */
export const MAX_CURSOR_VALUE = 256;
/**
 * Nor are values whose JSON takes more than this many bytes (256 characters that JSON escapes
 * as `\u0001` take 1,536): three sort values and a key stay well under decodeCursor's 4,096.
 */
export const MAX_CURSOR_VALUE_BYTES = 800;
/** The NUL character: no PostgreSQL text can hold it, so it never stands for a real value. */
export const BY_KEY = '\u0000';

/** The cursor value for a sort value read as `left(value::text, MAX_CURSOR_VALUE + 1)`. */
export function cursorSortValue(text: string | null): string | null {
  if (text === null) return null;
  if (text.length > MAX_CURSOR_VALUE) return BY_KEY;
  // Only a value JSON escapes (control characters, quotes, half pairs: up to 6 bytes each) can pass the byte limit.
  if (text.length > MAX_CURSOR_VALUE_BYTES / 6 && Buffer.byteLength(JSON.stringify(text)) > MAX_CURSOR_VALUE_BYTES) return BY_KEY;
  return text;
}

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number): CursorValues | undefined {
  if (cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== expectedLength) return undefined;
    if (!parsed.every((v) => v === null || (typeof v === 'string' && v.length <= 1024))) return undefined;
    return parsed as CursorValues;
  } catch {
    return undefined;
  }
}
