/**
 * Dates and times as PostgreSQL holds them, in text: JavaScript's Date has milliseconds, no
 * infinity, no BC era and rolls 2024-02-30 over into March, so none of it is used on a value an
 * operator typed or the database sent. Domain sessions run in UTC (see db/pools.ts), so a
 * timestamptz arrives as `YYYY-MM-DD HH:MM:SS[.ffffff]+00` and leaves as ISO text with every
 * digit it had.
 */

import { words } from '../i18n/words';

/** PostgreSQL's own text for a timestamptz in a UTC session (the era, when BC, follows). */
const PG_UTC = /^(\d{4,6}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?\+00( BC)?$/;

/**
 * A timestamptz from the driver as the JSON API and the pages carry it: ISO 8601 in UTC with
 * the fraction PostgreSQL printed (`2024-05-01T12:00:00.345678Z`), `infinity`/`-infinity` as
 * they are, and a BC instant as `0044-03-15T12:00:00Z BC` (ISO has no era of its own).
 */
export function timestamptzFromPg(text: string): string {
  const m = PG_UTC.exec(text);
  if (!m) return text; // infinity, -infinity
  return `${m[1]}T${m[2]}${m[3] ?? ''}Z${m[4] ?? ''}`;
}

export type DateTimeParse = { ok: true; value: string } | { ok: false; message: string };

const DATE_TIME = /^(\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?( BC)?$/;
const DATE_ONLY = /^(\d{4,6})-(\d{2})-(\d{2})( BC)?$/;
/** PostgreSQL's largest timestamp year (294276 AD); dates go further, but no one types them. */
const MAX_YEAR = 294276;
/** …and its earliest: 4713 BC (the start of the Julian day count). */
const MIN_BC_YEAR = 4713;
const OUT_OF_RANGE = (raw: string) => words('values.outsideDates', { raw: clip(raw) });

/** `year` is astronomical (1 BC is 0, 5 BC is -4), as PostgreSQL counts leap years before AD 1. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar day: month 1–12, a day that month has (leap years included), year 1 or later. */
function realDay(year: number, month: number, day: number, bc = false): boolean {
  return year >= 1 && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(bc ? 1 - year : year, month);
}

function offsetValid(offset: string | undefined): boolean {
  if (!offset || offset === 'Z') return true;
  const [, h, m] = /^[+-](\d{2}):?(\d{2})?$/.exec(offset) ?? [];
  return Number(h) <= 15 && Number(m ?? 0) <= 59;
}

/**
 * A date-time as an operator or a URL gives it, accepted only when it names one instant:
 * ISO 8601 (`2025-01-31T12:00:00Z`, `…+02:00`, up to six fractional digits), PostgreSQL's own
 * text (`2025-01-31 12:00:00.123456+00`, `… BC`), or `infinity`/`-infinity`. A date alone is
 * midnight. Without an offset the time is UTC (the session's zone). The value PostgreSQL is
 * sent is the text itself: it normalises it, exactly; nothing is computed here.
 */
export function parseDateTime(raw: string): DateTimeParse {
  return parseMoment(raw, 'values.notDateTime');
}

function parseMoment(raw: string, expected: 'values.notDateTime' | 'values.notTimestamp'): DateTimeParse {
  if (raw === 'infinity' || raw === '-infinity') return { ok: true, value: raw };
  const m = DATE_TIME.exec(raw);
  if (!m) return { ok: false, message: words(expected, { raw: clip(raw) }) };
  const [, y, mo, d, h, mi, s, , offset, bc] = m;
  if (!realDay(Number(y), Number(mo), Number(d), Boolean(bc))) return { ok: false, message: words('values.notCalendarDay', { raw: clip(raw) }) };
  if (bc && Number(y) > MIN_BC_YEAR) return { ok: false, message: OUT_OF_RANGE(raw) };
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59))
    return { ok: false, message: words('values.notTimeOfDay', { raw: clip(raw) }) };
  if (!offsetValid(offset)) return { ok: false, message: words('values.offsetRange', { raw: clip(raw) }) };
  return { ok: true, value: raw };
}

/**
 * A timestamp without time zone: a wall-clock date and time, which PostgreSQL stores as
 * typed. An offset is refused, not dropped: PostgreSQL would silently ignore `+02:00` in
 * such a column, storing a different moment from the one the operator meant.
 */
export function parseTimestamp(raw: string): DateTimeParse {
  const parsed = parseMoment(raw, 'values.notTimestamp');
  if (!parsed.ok) return parsed;
  const m = DATE_TIME.exec(raw);
  if (m?.[8])
    return {
      ok: false,
      message: words('values.hasTimeZone', { raw: clip(raw), offset: m[8] }),
    };
  return parsed;
}

/** A calendar date (`2025-01-31`, or PostgreSQL's `0044-03-15 BC`), checked against the calendar. */
export function parseDate(raw: string): DateTimeParse {
  if (raw === 'infinity' || raw === '-infinity') return { ok: true, value: raw };
  const m = DATE_ONLY.exec(raw);
  if (!m) return { ok: false, message: words('values.notDate', { raw: clip(raw) }) };
  if (!realDay(Number(m[1]), Number(m[2]), Number(m[3]), Boolean(m[4]))) return { ok: false, message: words('values.notCalendarDay', { raw: clip(raw) }) };
  if (m[4] && Number(m[1]) > MIN_BC_YEAR) return { ok: false, message: OUT_OF_RANGE(raw) };
  return { ok: true, value: raw };
}

/** True when a date-time text is a date alone (a filter then means the whole day). */
export function isDateOnly(raw: string): boolean {
  return DATE_ONLY.test(raw) && !raw.endsWith(' BC');
}

/** The last instant PostgreSQL can hold on a day: a date-only upper bound includes the whole day. */
export function endOfDay(date: string): string {
  return `${date} 23:59:59.999999`;
}

function clip(raw: string): string {
  return raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
}
