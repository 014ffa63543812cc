'use client';

import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { ExternalToast } from 'sonner';
import { takeFlash } from './flash';

/**
 * sonner is loaded on demand, after the page is interactive: it is ~10 KB gzip that no page
 * needs for its first paint (issue 18). `toast` below queues each call until sonner's code is
 * here and its Toaster is mounted and listening, so no toast is lost in between.
 */
const loadSonner = () => import('sonner');
let toasterMounted: () => void = () => undefined;
const toasterReady = new Promise<void>((resolve) => {
  toasterMounted = resolve;
});

function Mounted({ children }: { children: ReactNode }) {
  // Children's effects run first: sonner's Toaster is subscribed by the time this one runs.
  useEffect(() => toasterMounted(), []);
  return children;
}

const LazySonner = lazy(() =>
  loadSonner().then(({ Toaster: Sonner }) => ({
    default: function HubSonner() {
      const t = useTranslations('ui');
      return (
        <Mounted>
          <Sonner
            theme="system"
            richColors
            closeButton
            position="bottom-right"
            duration={8000}
            containerAriaLabel={t('notifications')}
            toastOptions={{ closeButtonAriaLabel: t('closeToast') }}
          />
        </Mounted>
      );
    },
  })),
);

type Kind = 'success' | 'error' | 'info' | 'warning';

function show(kind: Kind, message: string, options?: ExternalToast): void {
  void Promise.all([loadSonner(), toasterReady]).then(([{ toast: sonnerToast }]) => sonnerToast[kind](message, options));
}

/** The hub's toasts (the part of sonner's `toast` it uses). */
export const toast = {
  success: (message: string, options?: ExternalToast) => show('success', message, options),
  error: (message: string, options?: ExternalToast) => show('error', message, options),
  info: (message: string, options?: ExternalToast) => show('info', message, options),
  warning: (message: string, options?: ExternalToast) => show('warning', message, options),
};

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
  return (
    <Suspense fallback={null}>
      <LazySonner />
    </Suspense>
  );
}
