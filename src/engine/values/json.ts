/**
 * JSON as typed: any JSON value (an object, an array, a string, a number of any size, true,
 * false, or JSON null, which is not SQL NULL). It is checked with JSON.parse but sent to the
 * database as the text itself, so PostgreSQL parses it exactly: through a JS value a
 * 26-digit number would become 1e+26, and pg would write an array as an array literal ('{}').
 *
 * On the way back a domain's json/jsonb arrives as the database's own text too (see
 * db/exact-types.ts), never as a JS value, so every digit and a JSON null survive; the
 * layout functions below re-indent that text without ever parsing a number.
 *
 * No server imports: the browser's form and cells use this file too.
 */
import { words } from '../i18n/words';

export type JsonParse = { ok: true; value: string } | { ok: false; message: string };

export function parseJsonText(raw: string): JsonParse {
  try {
    JSON.parse(raw);
  } catch {
    return { ok: false, message: words('values.notJson') };
  }
  return { ok: true, value: raw };
}

/** A value a JSON API client sent already parsed (an object, an array, a number…), as the text to store. */
export function jsonTextOf(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Valid JSON text laid out again token by token: `indent` spaces per level (objects and
 * arrays one member per line), or on one line with no spaces when `indent` is 0. Strings and
 * numbers are copied character for character. The input must be valid JSON.
 */
export function layoutJson(raw: string, indent = 0): string {
  let out = '';
  let depth = 0;
  const newline = () => (indent === 0 ? '' : '\n' + ' '.repeat(depth * indent));
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (raw[end] !== '"') end += raw[end] === '\\' ? 2 : 1;
      out += raw.slice(i, end + 1);
      i = end;
    } else if (ch === '{' || ch === '[') {
      let next = i + 1;
      while (next < raw.length && /\s/.test(raw[next]!)) next++;
      if (raw[next] === (ch === '{' ? '}' : ']')) {
        out += ch + raw[next];
        i = next;
      } else {
        depth++;
        out += ch + newline();
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      out += newline() + ch;
    } else if (ch === ',') out += ',' + newline();
    else if (ch === ':') out += indent === 0 ? ':' : ': ';
    else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') out += ch;
  }
  return out;
}

/** JSON text on one line, ready to be placed inside a JSON document as a value; undefined when it is not JSON. */
export function compactJson(raw: string): string | undefined {
  return parseJsonText(raw).ok ? layoutJson(raw) : undefined;
}

/** Indented for reading (record page, form), or the text as it is when it is not JSON. */
export function prettyJson(raw: string): string {
  return parseJsonText(raw).ok ? layoutJson(raw, 2) : raw;
}

/** A json value as the engine holds it (the database's text) or as the hub's own pool gives it (a JS value), as text. */
export function jsonDisplayText(value: unknown, indent = 0): string {
  if (typeof value === 'string') return indent === 0 ? (compactJson(value) ?? value) : prettyJson(value);
  return JSON.stringify(value, null, indent) ?? String(value);
}
