/**
 * JSON as typed: any JSON value (an object, an array, a string, a number of any size, true,
 * false, or JSON null, which is not SQL NULL). It is checked with JSON.parse but sent to the
 * database as the text itself, so PostgreSQL parses it exactly: through a JS value a
 * 26-digit number would become 1e+26, and pg would write an array as an array literal ('{}').
 */
export type JsonParse = { ok: true; value: string } | { ok: false; message: string };

export function parseJsonText(raw: string): JsonParse {
  try {
    JSON.parse(raw);
  } catch {
    return { ok: false, message: 'Not valid JSON.' };
  }
  return { ok: true, value: raw };
}

/** A value a JSON API client sent already parsed (an object, an array, a number…), as the text to store. */
export function jsonTextOf(value: unknown): string {
  return JSON.stringify(value);
}
