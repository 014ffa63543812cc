import type { ColumnType, ResolvedColumn } from '../resources/types';

/**
 * Parses one text value from a URL into what PostgreSQL will accept for the column, or
 * returns an error message. Checking here, not in the database, is what turns a bad value
 * into a 400 that names the parameter instead of a SQL error.
 */
export type Parsed = { ok: true; value: string | number | boolean } | { ok: false; message: string };

const INT = /^-?\d{1,18}$/;
const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const parsers: Record<ColumnType, (raw: string, column: ResolvedColumn) => Parsed> = {
  text: (raw) => ({ ok: true, value: raw }),
  longtext: (raw) => ({ ok: true, value: raw }),
  email: (raw) => ({ ok: true, value: raw }),
  json: () => ({ ok: false, message: 'json columns cannot be compared' }),
  array: () => ({ ok: false, message: 'array columns cannot be compared' }),
  integer: (raw) =>
    /^-?\d{1,10}$/.test(raw) && Math.abs(Number(raw)) <= 2147483647
      ? { ok: true, value: Number(raw) }
      : { ok: false, message: `"${raw}" is not a whole number` },
  money_cents: (raw) => (INT.test(raw) ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a whole number of cents` }),
  bigint: (raw) => (INT.test(raw) ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a whole number` }),
  number: (raw) => (DECIMAL.test(raw) ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a number` }),
  boolean: (raw) => {
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return { ok: true, value: true };
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return { ok: true, value: false };
    return { ok: false, message: `"${raw}" is not true or false` };
  },
  date: (raw) => (DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a date (YYYY-MM-DD)` }),
  datetime: (raw) => {
    // Accept what PostgreSQL itself prints for timestamptz (cursors) and ISO 8601 (people).
    const iso = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
    return iso.test(raw) && !Number.isNaN(Date.parse(raw.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')))
      ? { ok: true, value: raw }
      : { ok: false, message: `"${raw}" is not a date-time (ISO 8601, e.g. 2025-01-31T12:00:00Z)` };
  },
  enum: (raw, column) =>
    column.options?.includes(raw) ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not one of ${column.options?.join(', ')}` },
  uuid: (raw) => (UUID.test(raw) ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a UUID` }),
};

export function parseValue(column: ResolvedColumn, raw: string): Parsed {
  if (raw.length > 1000) return { ok: false, message: 'value is too long' };
  return parsers[column.type](raw, column);
}
