'use client';

import { useFormatter } from 'next-intl';
import { INSTANT_SECONDS } from '@/components/ui/date-formats';

/**
 * An entry's time in the operator's language and zone (the request's: their own, else the
 * browser's, else the hub's default), the zone the time filter's days are in, so an entry shown
 * at 00:30 is found under that day. The zone is named; the title gives the instant in UTC.
 */
export function ZonedTime({ iso }: { iso: string }) {
  const format = useFormatter();
  const instant = new Date(iso);
  return (
    <time dateTime={iso} title={`${iso.replace('T', ' ').slice(0, 19)} UTC`}>
      {Number.isNaN(instant.getTime()) ? iso : format.dateTime(instant, INSTANT_SECONDS)}
    </time>
  );
}
