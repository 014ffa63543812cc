/**
 * A moment on a record page: date and time in the operator's time zone (next-intl's formatter
 * carries it), with the zone named, since the zone matters there ("Mar 1, 2025, 10:11 AM UTC",
 * "2025년 3월 1일 오후 7:11 GMT+9"). Intl does not combine dateStyle with timeZoneName, hence
 * the fields one by one.
 */
export const RECORD_MOMENT = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
} as const satisfies Intl.DateTimeFormatOptions;

/** The same with seconds (and milliseconds when the value has them), for comparing two versions of a value. */
export function preciseMoment(instant: Date) {
  return {
    ...RECORD_MOMENT,
    second: '2-digit',
    ...(instant.getUTCMilliseconds() !== 0 && { fractionalSecondDigits: 3 as const }),
  } as const;
}
