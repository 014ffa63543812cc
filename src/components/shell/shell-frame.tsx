'use client';

import { useTranslations } from 'next-intl';
import { Menu, X } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

export interface ShellFrameProps {
  sidebar: ReactNode;
  topBar?: ReactNode;
  children: ReactNode;
}

const SIDEBAR_ID = 'app-sidebar';

/**
 * The page frame and the only state of the shell: whether the phone drawer is open. From `md`
 * up the sidebar is always shown and the drawer state is ignored.
 */
export function ShellFrame({ sidebar, topBar, children }: ShellFrameProps) {
  const t = useTranslations('shell');
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Following a link in the drawer should land on the page, not on the still-open drawer.
  const [seenPath, setSeenPath] = useState(pathname);
  if (pathname !== seenPath) {
    setSeenPath(pathname);
    setOpen(false);
  }

  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  // The page is inert while the drawer is open, so it is made live again before focus goes back.
  const closeToMenu = () => {
    flushSync(() => setOpen(false));
    menuButton.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      closeToMenu();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <div className="flex min-h-dvh bg-background text-foreground" data-testid="app-shell">
      <a href="#main-content" className="sr-only z-50 rounded-md bg-card px-3 py-2 text-sm focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        {t('skipToContent')}
      </a>
      {open ? (
        <div aria-hidden="true" className="fixed inset-0 z-30 bg-black/50 md:hidden" onClick={() => setOpen(false)} data-testid="drawer-backdrop" />
      ) : null}
      <aside
        id={SIDEBAR_ID}
        aria-label={t('sidebar')}
        data-open={open}
        data-testid="sidebar"
        className={cn(
          // Phones: an off-canvas drawer, `invisible` while closed so its links leave the tab order.
          'fixed inset-y-0 left-0 z-40 flex w-72 max-w-[85vw] flex-col border-r bg-sidebar text-sidebar-foreground shadow-xl transition-[transform,visibility] duration-200',
          'md:visible md:sticky md:top-0 md:z-auto md:h-dvh md:w-64 md:translate-x-0 md:shadow-none',
          open ? 'visible translate-x-0' : 'invisible -translate-x-full',
        )}
      >
        <Button
          ref={closeButton}
          variant="ghost"
          size="icon-sm"
          className="absolute top-3 right-3 md:hidden"
          onClick={closeToMenu}
          aria-label={t('closeNavigation')}
          data-testid="drawer-close"
        >
          <X aria-hidden="true" />
        </Button>
        {sidebar}
      </aside>
      {/* While the phone drawer is open the page behind it is inert: Tab stays in the drawer and
          screen readers do not wander into the covered page. */}
      <div className="flex min-w-0 flex-1 flex-col" inert={open || undefined}>
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-2 border-b bg-background/90 px-4 backdrop-blur md:px-6">
          <Button
            ref={menuButton}
            variant="ghost"
            size="icon-sm"
            className="-ml-1 md:hidden"
            aria-label={t('openNavigation')}
            aria-expanded={open}
            aria-controls={SIDEBAR_ID}
            onClick={() => setOpen(true)}
            data-testid="drawer-open"
          >
            <Menu aria-hidden="true" />
          </Button>
          <div className="flex min-w-0 flex-1 items-center gap-2">{topBar}</div>
        </header>
        {/* min-w-0 lets wide tables scroll inside their card instead of widening the page. */}
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 p-4 focus:outline-none md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
