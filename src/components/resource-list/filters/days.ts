import { localToIso } from '../../record-form/values';

/** The operator's time zone as the browser knows it (UTC on a server render). */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * A day's first (`min`) or last (`max`) instant in `timeZone`, as ISO 8601 with that zone's
 * offset then: `2024-02-29T00:00:00+09:00`, `2024-02-29T23:59:59.999999+09:00`.
 */
export function dayBoundary(day: string, end: 'min' | 'max', timeZone: string): string {
  const iso = localToIso(`${day}T${end === 'min' ? '00:00:00' : '23:59:59'}`, timeZone);
  if (iso === '') return day; // not a date: the API says what is wrong with it
  return end === 'min' ? iso : iso.replace(/(:\d{2})([+-]\d{2}:\d{2})$/, '$1.999999$2');
}

/** Today in `timeZone` as YYYY-MM-DD (en-CA formats dates that way). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar day moved by whole days (noon UTC, so no DST edge can move it twice). */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A preset's name in the list catalog. */
export type DayPreset = 'presetToday' | 'presetLast7' | 'presetLast30' | 'presetThisMonth';

/** The ranges operators pick most, as days of their own zone (inclusive); `name` is the preset's words in the list catalog. */
export function dayPresets(timeZone: string, now = new Date()): { name: DayPreset; from: string; to: string }[] {
  const today = todayIn(timeZone, now);
  return [
    { name: 'presetToday', from: today, to: today },
    { name: 'presetLast7', from: addDays(today, -6), to: today },
    { name: 'presetLast30', from: addDays(today, -29), to: today },
    { name: 'presetThisMonth', from: `${today.slice(0, 8)}01`, to: today },
  ];
}
