'use client';

import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from './time-zone';

/**
 * Tells the server the browser's time zone, for operators who chose none: the first page is
 * rendered in HUB_DEFAULT_TIME_ZONE, every later one in the browser's own zone.
 */
/** `known`: the cookie as the server received it (still percent-encoded). */
export function TimeZoneCookie({ known }: { known: string | undefined }) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && encodeURIComponent(zone) !== known) document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, [known]);
  return null;
}
