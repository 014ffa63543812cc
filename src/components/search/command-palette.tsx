'use client';

import { Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Input } from '@/components/ui/input';
import type { DomainResults } from '@/engine/search/search-all';
import { SearchResults } from './search-results';

/** Ctrl/Cmd-K: search every domain the operator may see, from anywhere in the hub. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState('');
  const [results, setResults] = useState<DomainResults[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  useEffect(() => {
    if (term.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setBusy(true);
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(term)}`, { signal: controller.signal });
        if (response.ok) setResults(((await response.json()) as { results: DomainResults[] }).results);
      } catch {
        // aborted by the next keystroke
      } finally {
        setBusy(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [term]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm text-muted-foreground hover:bg-muted"
        data-testid="open-palette"
      >
        <Search className="size-4" aria-hidden="true" /> Search everything <kbd className="rounded border px-1 text-xs">Ctrl K</kbd>
      </button>
      {open ? (
        <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 p-4 pt-24" onClick={() => setOpen(false)}>
          <div
            role="dialog"
            aria-label="Search"
            className="w-full max-w-xl rounded-lg border bg-background p-4 shadow-lg"
            onClick={(e) => e.stopPropagation()}
            data-testid="palette"
          >
            <Input
              ref={input}
              value={term}
              onChange={(e) => setTerm(e.target.value)}
              placeholder="Search posts, customers, orders…"
              data-testid="palette-input"
            />
            <div className="mt-3 max-h-[60vh] overflow-y-auto">
              {busy ? (
                <p className="text-sm text-muted-foreground">Searching…</p>
              ) : (
                <SearchResults results={term.trim().length < 2 ? [] : results} onNavigate={() => setOpen(false)} />
              )}
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
