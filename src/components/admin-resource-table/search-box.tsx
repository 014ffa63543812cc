'use client';

import { Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Input } from '../ui/input';
import type { ResourceSearch } from './types';

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Search field that reports after typing pauses, so a list backed by the database is not
 * queried on every keystroke. Enter reports at once.
 */
export function SearchBox({ placeholder, value, onChange, label }: ResourceSearch & { label: string }) {
  const t = useTranslations('table');
  const [draft, setDraft] = useState(value);
  // The last value we reported, and the last prop we saw. A new prop equal to what we reported
  // is our own echo (it may arrive late, after a navigation) and must not overwrite newer typing;
  // any other new prop (e.g. "clear filters") replaces the draft.
  const [sync, setSync] = useState({ reported: value, seen: value });
  if (value !== sync.seen) {
    if (value !== sync.reported) setDraft(value);
    setSync({ reported: value, seen: value });
  }

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => cancel(), []);

  function cancel() {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }

  function report(next: string) {
    cancel();
    setSync((s) => ({ ...s, reported: next }));
    if (next !== value) onChange(next);
  }

  return (
    <div className="relative w-full min-w-0 sm:max-w-xs">
      <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder ?? t('searchPlaceholder')}
        value={draft}
        data-testid="resource-search"
        className="pl-8"
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          cancel();
          timer.current = setTimeout(() => report(next), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            report(draft);
          }
        }}
      />
    </div>
  );
}
