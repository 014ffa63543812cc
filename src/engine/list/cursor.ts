/**
 * A cursor is the sort key and primary key of the row at a page edge, as text, so values
 * round-trip exactly (timestamps keep their microseconds, bigints their digits). It is
 * opaque to the browser but not secret: tampering can only move the page, because every
 * value goes back as a parameter; a malformed one is a 400.
 */
export type CursorValues = (string | null)[];

/**
 * Sort values longer than this are not carried: the cursor holds BY_KEY in their place and the
 * query reads the value from the row its key names. A cursor stays a few KB whatever the data
 * (a 1 MB sort value made a 1.3 MB cursor, and such requests were reset).
 */
export const MAX_CURSOR_VALUE = 256;
/** The NUL character: no PostgreSQL text can hold it, so it never stands for a real value. */
export const BY_KEY = '\u0000';

/** The cursor value for a sort value read as `left(value::text, MAX_CURSOR_VALUE + 1)`. */
export function cursorSortValue(text: string | null): string | null {
  return text !== null && text.length > MAX_CURSOR_VALUE ? BY_KEY : text;
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
