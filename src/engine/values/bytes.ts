/**
 * bytea as PostgreSQL's hex text, `\x` and two hex digits per byte: what the driver gives on
 * domain pools (db/exact-types.ts), what lists, the JSON API and exports carry, and what a
 * form sends back (a file picked in the browser is turned into it). PostgreSQL reads it back
 * as exactly those bytes. No server imports: the browser's form and record page use it too.
 */
import { words } from '../i18n/words';

export type BytesParse = { ok: true; value: string } | { ok: false; message: string };

/** The largest value a form may store: its hex (twice the bytes) must fit a Server Action's 1 MB body. */
export const MAX_FORM_BYTES = 384 * 1024;

const HEX = /^\\x(?:[0-9a-fA-F]{2})*$/;

// Sizes live apart from the parsers, so a list page that shows them does not load the refusals' formatter.
import { byteLength, formatSize } from './byte-size';
export { byteLength, formatSize };

/** Hex text as typed or sent: accepted only as `\x` and whole bytes, up to `max` bytes. */
export function parseHexBytes(raw: string, max = MAX_FORM_BYTES): BytesParse {
  if (!HEX.test(raw)) return { ok: false, message: words('values.notBytes') };
  const size = byteLength(raw);
  if (size > max) return { ok: false, message: words('values.bytesTooLarge', { size: formatSize(size), max: formatSize(max) }) };
  return { ok: true, value: raw.toLowerCase() };
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '\\x';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The bytes of a hex text (an invalid one gives what its valid prefix holds). */
export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(byteLength(hex));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 + i * 2, 4 + i * 2), 16);
  return out;
}
