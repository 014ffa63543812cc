/**
 * Putting hostile text on the wire as a browser (or an attacker) would: percent-escapes for
 * paths and query strings (a half surrogate as the three WTF-8 bytes a lenient encoder
 * writes), multipart bodies built by hand, and a Server Action's arguments in React's reply
 * encoding (see the check against React's own encodeReply in hostile-requests.test.ts).
 */

/** UTF-8 bytes of a JS string, writing a half surrogate as its 3-byte (WTF-8) form instead of U+FFFD. */
export function wtf8(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-escapes everything but unreserved ASCII, like encodeURIComponent, but never throws (half surrogates go out as WTF-8). */
export function escapeText(text: string): string {
  let out = '';
  for (const byte of wtf8(text)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A query string from pairs; each side is either text (escaped here) or `{ raw }`, written as is. */
export type QueryPart = string | { raw: string };
export function queryString(pairs: readonly (readonly [QueryPart, QueryPart | undefined])[]): string {
  if (pairs.length === 0) return '';
  const part = (p: QueryPart) => (typeof p === 'string' ? escapeText(p) : p.raw);
  return `?${pairs.map(([k, v]) => (v === undefined ? part(k) : `${part(k)}=${part(v)}`)).join('&')}`;
}

/** Field names as browsers write them in multipart headers: `"` and line breaks escaped. */
const fieldName = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const BOUNDARY = '----admin-hub-fuzz-7MA4YWxkTrZu0gW';

/** A multipart/form-data body; values are text (UTF-8, half surrogates as WTF-8) or raw bytes. */
export function multipart(fields: readonly (readonly [string, string | Buffer])[], boundary = BOUNDARY): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fieldName(name)}"\r\n\r\n`, 'utf8'));
    parts.push(typeof value === 'string' ? Buffer.from(wtf8(value)) : value);
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

/** A Server Action argument: plain JSON-able data, or a form (its fields in order). */
export type ActionArg = unknown | { form: (readonly [string, string])[] };
const isForm = (a: unknown): a is { form: (readonly [string, string])[] } =>
  typeof a === 'object' && a !== null && Array.isArray((a as { form?: unknown }).form);

/** React's escaping of a string inside a reply: a leading `$` is doubled. */
function escapeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v)]));
  return value;
}

/**
 * The fields React's client sends for a Server Action call with these arguments (encodeReply):
 * field `0` is the JSON of the arguments with each form replaced by `$K<n>`, and each form's
 * fields are prefixed `_<n>_`. Without a form, the JSON alone is the body (as text).
 */
export function actionFields(args: readonly ActionArg[]): [string, string][] {
  const fields: [string, string][] = [];
  let next = 1;
  const root = args.map((arg) => {
    if (!isForm(arg)) return escapeStrings(arg);
    const id = next++;
    for (const [k, v] of arg.form) fields.push([`_${id}_${k}`, v]);
    return `$K${id}`;
  });
  return [...fields, ['0', JSON.stringify(root)]];
}

/** The body of that call: text when no argument is a form, multipart otherwise. */
export function actionBody(args: readonly ActionArg[]): { body: Buffer; contentType: string } {
  const fields = actionFields(args);
  if (!args.some(isForm)) return { body: Buffer.from(wtf8(fields[0]![1])), contentType: 'text/plain;charset=UTF-8' };
  return { body: multipart(fields), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}
