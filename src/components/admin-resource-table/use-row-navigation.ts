'use client';

import { useRouter } from 'next/navigation';

/** Opens a row's address: client-side in this tab, or a new tab for ctrl/cmd/middle click. */
export function useRowNavigation() {
  const router = useRouter();
  return function open(href: string, newTab = false) {
    if (newTab) window.open(href, '_blank', 'noopener,noreferrer');
    else router.push(href);
  };
}
