import { localToIso } from '@/components/record-form/values';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A picked day as the bound the list parser accepts: the first instant of the day (`min`) or
 * its last (`max`, so "to" includes the whole day), as ISO 8601 with the zone's offset on that
 * day (`2026-11-01T23:59:59.999999+13:00`). Anything but a day is sent as typed, for the list
 * to name what is wrong with it.
 */
export function dayBound(day: string, end: 'min' | 'max', timeZone: string): string {
  if (!DAY.test(day)) return day;
  const iso = localToIso(`${day}T${end === 'min' ? '00:00:00' : '23:59:59'}`, timeZone);
  if (iso === '') return day;
  return end === 'min' ? iso : iso.replace(/(:\d{2})([+-]\d{2}:\d{2}|Z)$/, '$1.999999$2');
}

/** The day a bound in the URL stands for, for the date input: its date part as written (in the zone it was picked in). */
export function boundDay(bound: string | undefined): string {
  return bound && /^\d{4}-\d{2}-\d{2}/.test(bound) ? bound.slice(0, 10) : '';
}
