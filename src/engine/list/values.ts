import { say } from '../i18n/say';
import type { ColumnType, ResolvedColumn } from '../resources/types';
import { parseDate, parseDateTime, parseTimestamp } from '../values/datetime';
import { INTEGER_RANGES, parseDecimal, parseWholeNumber } from '../values/numbers';

/**
 * Parses one text value from a URL into what PostgreSQL will accept for the column, or
 * returns an error message. Checking here, not in the database, is what turns a bad value
 * into a 400 that names the parameter instead of a SQL error.
 */
export type Parsed = { ok: true; value: string | number | boolean } | { ok: false; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const parsers: Record<ColumnType, (raw: string, column: ResolvedColumn) => Parsed> = {
  text: (raw) => ({ ok: true, value: raw }),
  longtext: (raw) => ({ ok: true, value: raw }),
  email: (raw) => ({ ok: true, value: raw }),
  json: () => ({ ok: false, message: say('list.jsonNotComparable') }),
  array: () => ({ ok: false, message: say('list.arrayNotComparable') }),
  bytes: () => ({ ok: false, message: say('list.bytesNotComparable') }),
  // The same strict parsers as the forms (engine/values): decimal digits only, range-checked exactly.
  integer: (raw) => {
    const parsed = parseWholeNumber(raw, INTEGER_RANGES.integer);
    return parsed.ok ? { ok: true, value: Number(parsed.value) } : parsed;
  },
  money_cents: (raw) => parseWholeNumber(raw, INTEGER_RANGES.bigint, 'cents'),
  bigint: (raw) => parseWholeNumber(raw, INTEGER_RANGES.bigint),
  // Digits, a fraction, an exponent (floats print 1e-07), NaN or ±Infinity.
  number: (raw) => parseDecimal(raw),
  boolean: (raw) => {
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return { ok: true, value: true };
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return { ok: true, value: false };
    return { ok: false, message: say('list.notBoolean', { raw }) };
  },
  // Checked against the calendar, never through JS Date (which rolls 2024-02-30 into March).
  date: (raw) => parseDate(raw),
  // ISO 8601 (people) and PostgreSQL's own text (record ids, cursors), to the microsecond.
  datetime: (raw) => parseDateTime(raw),
  // A wall-clock time: an offset would be dropped by PostgreSQL, so it is refused.
  timestamp: (raw) => parseTimestamp(raw),
  enum: (raw, column) =>
    column.options?.includes(raw)
      ? { ok: true, value: raw }
      : { ok: false, message: say('list.notOption', { raw, options: column.options?.join(', ') ?? '' }) },
  uuid: (raw) => (UUID.test(raw) ? { ok: true, value: raw } : { ok: false, message: say('list.notUuid', { raw }) }),
};

export function parseValue(column: ResolvedColumn, raw: string): Parsed {
  if (raw.length > 1000) return { ok: false, message: say('list.valueTooLong') };
  return parsers[column.type](raw, column);
}
