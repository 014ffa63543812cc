'use client';

import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { PaletteCommand } from './palette-types';
import { readRecent, rememberRecent } from './recent-items';

/**
 * The dialog (Radix Dialog and cmdk) is loaded on demand: fetched once the page is idle, or
 * when the palette is first opened, so it is in no page's first-load JavaScript (issue 18).
 */
const loadDialog = () => import('./palette-dialog');
const PaletteDialog = lazy(() => loadDialog().then((m) => ({ default: m.PaletteDialog })));

/**
 * Ctrl/Cmd-K: commands ("Open Orders", "New order"), recent items and a search of every domain
 * the operator may see. This is the trigger, the shortcut and the palette's state; the dialog is
 * palette-dialog.tsx. `commands` come from the server, already limited to what the operator may do.
 */
export function CommandPalette({ commands: given = [] }: { commands?: PaletteCommand[] }) {
  const router = useRouter();
  const t = useTranslations('search');
  /** A command in the operator's language: the palette's own words from the catalog, names and titles as given. */
  const localize = (c: PaletteCommand): PaletteCommand => ({
    ...c,
    label: c.say ? t(`commands.${c.say.key}`, c.say.values) : c.label,
    hint: c.hintIsDomainWord ? t('domainHint') : c.hint,
  });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- t changes with the language, as `given` does with the page
  const commands = useMemo(() => given.map(localize), [given, t]);
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so closing keeps Radix's focus return and later opens are instant.
  const [wanted, setWanted] = useState(false);
  const [term, setTerm] = useState('');
  const [recent, setRecent] = useState<PaletteCommand[]>([]);
  // Where focus was when the palette opened (by shortcut, from anywhere): it goes back there.
  const returnFocus = useRef<HTMLElement | null>(null);

  const show = (next: boolean) => {
    if (next) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setRecent(readRecent().map(localize));
      setWanted(true);
    }
    // Every opening starts from an empty term.
    setTerm('');
    setOpen(next);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        show(!open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Fetch the dialog's code once the page is idle, so the first Ctrl-K does not wait for it.
  useEffect(() => {
    const preload = () => void loadDialog().catch(() => undefined);
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = setTimeout(preload, 200);
      return () => clearTimeout(timer);
    }
    const id = window.requestIdleCallback(preload, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }, []);

  const openItem = (item: PaletteCommand | { label: string; href: string; hint?: string }) => {
    rememberRecent(item);
    returnFocus.current = null; // the new page takes focus, not the old trigger
    setOpen(false);
    setTerm('');
    router.push(item.href);
  };

  return (
    <>
      <button
        type="button"
        onClick={() => show(true)}
        className="flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm text-muted-foreground hover:bg-muted"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="open-palette"
      >
        <Search className="size-4" aria-hidden="true" /> {t('searchEverything')} <kbd className="rounded border px-1 text-xs">{t('shortcut')}</kbd>
      </button>
      {wanted ? (
        <Suspense fallback={null}>
          <PaletteDialog
            open={open}
            show={show}
            term={term}
            setTerm={setTerm}
            commands={commands}
            recent={recent}
            returnFocus={returnFocus}
            openItem={openItem}
          />
        </Suspense>
      ) : null}
    </>
  );
}
