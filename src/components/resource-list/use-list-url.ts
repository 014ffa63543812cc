'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useTransition } from 'react';

import { POSITION_PARAMS } from '@admin-hub/engine/shared/list-params';

/**
 * The list's state lives in the URL, so a view is shareable and the back button works.
 * `update` merges changes into the current query string and navigates; the Server
 * Component re-renders with the new rows.
 */
export function useListUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = useCallback(
    (changes: Record<string, string | undefined>, options: { keepPosition?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      if (!options.keepPosition) for (const key of POSITION_PARAMS) next.delete(key); // any change to the result starts on its first page
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  return { searchParams, update, pending };
}
