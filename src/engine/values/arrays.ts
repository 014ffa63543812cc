/**
 * Arrays in a form. Most arrays are edited one item per line (`x`, `y`); an array that lines
 * cannot carry exactly (a NULL item, an empty or multi-line item, an item with spaces at its
 * ends, several dimensions, or none at all) is edited as JSON instead: `["a", null, ""]`,
 * `[["1", "2"], ["3", "4"]]`. Items are strings in JSON (PostgreSQL reads each as the
 * element type), so no number passes through a JS float. No server imports: the form uses it (its words come from engine/i18n/words.ts, browser-safe).
 */
import { words } from '../i18n/words';

export type ArrayParse = { ok: true; value: unknown[] } | { ok: false; message: string };

type Item = string | null | Item[];

/** Whether one item per line holds these items exactly (what the form then shows). */
export function linesHold(items: readonly unknown[]): boolean {
  return (
    items.length > 0 &&
    items.every((item) => {
      if (item === null || typeof item === 'object') return false;
      const text = String(item);
      return text !== '' && text === text.trim() && !/[\r\n]/.test(text);
    }) &&
    !String(items[0]).startsWith('[')
  );
}

/** Items as the form's text: lines when they hold them exactly, else JSON with every scalar as a string. */
export function arrayFormText(items: readonly unknown[]): string {
  if (linesHold(items)) return items.map(String).join('\n');
  return JSON.stringify(items, (_key, v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v));
}

/** The same dimensions all the way down, as PostgreSQL requires of a multi-dimensional array. */
function rectangular(items: Item[]): boolean {
  const nested = items.filter(Array.isArray);
  if (nested.length === 0) return true;
  if (nested.length !== items.length) return false;
  const length = nested[0]!.length;
  return nested.every((n) => n.length === length && rectangular(n));
}

function isItem(value: unknown): value is Item {
  return value === null || typeof value === 'string' || (Array.isArray(value) && value.every(isItem));
}

/** Numbers and booleans a JS caller holds exactly (an int4[] read back, a revert) as their text. */
function scalarsAsText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scalarsAsText);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

/**
 * The form's text as an array: JSON when it starts with `[`, else one item per line (blank
 * lines skipped, each line trimmed, as the lines were shown).
 */
export function parseArrayText(raw: string): ArrayParse {
  if (!raw.trimStart().startsWith('['))
    return {
      ok: true,
      value: raw
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, message: words('values.notJsonArray') };
  }
  // Typed JSON numbers are refused rather than read through a JS float (1e400, 20 digits).
  return checkItems(parsed);
}

/**
 * An array given as a value (the JSON API, a revert): strings, nulls, equal-length nested
 * arrays, and numbers or booleans, which a JS value already holds exactly, as their text.
 */
export function checkArray(value: unknown): ArrayParse {
  return checkItems(scalarsAsText(value));
}

function checkItems(value: unknown): ArrayParse {
  if (!Array.isArray(value) || !isItem(value)) return { ok: false, message: words('values.arrayItems') };
  if (!rectangular(value)) return { ok: false, message: words('values.arrayRectangular') };
  return { ok: true, value };
}
