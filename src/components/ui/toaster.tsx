'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { Toaster as Sonner, toast } from 'sonner';
import { takeFlash } from './flash';

/**
 * Where the hub's toasts appear (sonner: a polite live region, keyboard reachable with Alt+T,
 * pauses while hovered or focused). Also shows a toast parked before a redirect (flash.ts) once
 * the tab arrives on its page.
 */
export function Toaster() {
  const pathname = usePathname();
  useEffect(() => {
    const flash = takeFlash(pathname ?? '/');
    if (flash) toast.success(flash.message, { testId: 'flash-toast' });
  }, [pathname]);
  return <Sonner theme="system" richColors closeButton position="bottom-right" duration={8000} />;
}

export { toast };
