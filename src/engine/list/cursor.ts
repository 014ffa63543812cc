/**
 * A cursor is the sort key and primary key of the row at a page edge, as text, so values
 * round-trip exactly (timestamps keep their microseconds, bigints their digits). It is
 * opaque to the browser but not secret: tampering can only move the page, because every
 * value goes back as a parameter; a malformed one is a 400.
 */
export type CursorValues = (string | null)[];

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
