'use client';

import { useSyncExternalStore } from 'react';
import { browserZone } from './day-range';

const noop = () => () => {};

/** "2026-11-01 23:30:05" in `timeZone` (Swedish dates are ISO-shaped). */
export function formatInZone(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(instant);
}

/**
 * An entry's time in the operator's zone, the zone the time filter's days are in, so an entry
 * shown at 00:30 is found under that day. The server renders UTC; hydration switches zones.
 */
export function ZonedTime({ iso }: { iso: string }) {
  const zone = useSyncExternalStore(noop, browserZone, () => 'UTC');
  return (
    <time dateTime={iso} title={`${iso.replace('T', ' ').slice(0, 19)} UTC`}>
      {formatInZone(iso, zone)}
      {zone === 'UTC' ? ' UTC' : null}
    </time>
  );
}
