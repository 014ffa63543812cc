/*
 * How the hub writes an instant, in the operator's language and time zone (next-intl's
 * useFormatter / getFormatter take both from the request): the zone is named where it matters.
 */

/** To the second, with the zone: audit entries ("Nov 1, 2026, 19:30:05 GMT+9", "2026년 11월 1일 19시 30분 5초 GMT+9"). */
export const INSTANT_SECONDS = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
} as const satisfies Intl.DateTimeFormatOptions;

/** To the minute, with the zone: sessions, sign-ins, latest changes ("Nov 26, 2026, 10:55 GMT+9"). */
export const INSTANT_MINUTES = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
} as const satisfies Intl.DateTimeFormatOptions;
