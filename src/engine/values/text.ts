/**
 * What no PostgreSQL text can hold. The NUL character is refused by the server ("invalid byte
 * sequence"); half of a UTF-16 surrogate pair cannot be encoded in UTF-8, so the driver would
 * send U+FFFD instead and the database would store something other than what was typed.
 */
export const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when the text can be stored exactly as it is. */
export function storableText(text: string): boolean {
  return !text.includes(NUL) && !hasLoneSurrogate(text);
}
