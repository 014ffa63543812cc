/**
 * Prints plain data (strings, numbers, booleans, arrays, objects) as a TypeScript literal in
 * the project's style: single quotes, 2-space indent, trailing commas. Short values stay on
 * one line; arrays of objects (the columns) always get one element per line, so a diff of
 * a regenerated file shows one line per changed column.
 */
const MAX_WIDTH = 120;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function quote(text: string): string {
  const escaped = text.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `'${escaped}'`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Key/value pairs of an object, leaving out undefined (an optional field not set). */
function entries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function inline(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (isPlainObject(value)) {
    const parts = entries(value).map(([k, v]) => `${key(k)}: ${inline(v)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  }
  throw new TypeError(`cannot print a ${typeof value} as a literal`);
}

function mustBreak(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isPlainObject) || value.some(mustBreak);
  if (isPlainObject(value)) return entries(value).some(([, v]) => mustBreak(v));
  return false;
}

/**
 * `indent` is the indentation of the line the value starts on; `prefix` the characters
 * already on that line before it (used to decide whether it fits).
 */
export function renderValue(value: unknown, indent = '', prefix = ''): string {
  const flat = inline(value);
  if (!mustBreak(value) && indent.length + prefix.length + flat.length + 1 <= MAX_WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${renderValue(v, inner)},\n`).join('')}${indent}]`;
  }
  if (isPlainObject(value)) {
    const lines = entries(value).map(([k, v]) => `${inner}${key(k)}: ${renderValue(v, inner, `${key(k)}: `)},\n`);
    return `{\n${lines.join('')}${indent}}`;
  }
  return flat;
}
