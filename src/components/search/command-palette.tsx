'use client';

import { Command } from 'cmdk';
import { ArrowRight, Clock, Plus, Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { matchCommands } from './match-commands';
import { PaletteItem } from './palette-item';
import { PaletteResults } from './palette-results';
import type { PaletteCommand } from './palette-types';
import { readRecent, rememberRecent } from './recent-items';
import { useSearch } from './use-search';

const groupClasses =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground';

/**
 * Ctrl/Cmd-K: commands ("Open Orders", "New order"), recent items and a search of every domain
 * the operator may see. A Radix Dialog (modal overlay over the whole page, focus trapped, Escape
 * closes, focus goes back where it was) around cmdk (a combobox: arrows move, Enter opens).
 * `commands` come from the server, already limited to what the operator may do.
 */
export function CommandPalette({ commands = [] }: { commands?: PaletteCommand[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState('');
  const [recent, setRecent] = useState<PaletteCommand[]>([]);
  const { results, busy } = useSearch(open ? term : '');
  // Where focus was when the palette opened (by shortcut, from anywhere): it goes back there.
  const returnFocus = useRef<HTMLElement | null>(null);

  const show = (next: boolean) => {
    if (next) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setRecent(readRecent());
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

  const openItem = (item: { label: string; href: string; hint?: string }) => {
    rememberRecent(item);
    returnFocus.current = null; // the new page takes focus, not the old trigger
    setOpen(false);
    setTerm('');
    router.push(item.href);
  };

  const matching = matchCommands(commands, term);
  const trimmed = term.trim();

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
        <Search className="size-4" aria-hidden="true" /> Search everything <kbd className="rounded border px-1 text-xs">Ctrl K</kbd>
      </button>
      <Dialog open={open} onOpenChange={show}>
        <DialogContent
          showClose={false}
          className="max-w-xl gap-0 p-0"
          data-testid="palette"
          onCloseAutoFocus={(event) => {
            const back = returnFocus.current;
            if (back?.isConnected) {
              event.preventDefault();
              back.focus();
            }
          }}
        >
          <DialogTitle className="sr-only">Search and commands</DialogTitle>
          <DialogDescription className="sr-only">Type to search every domain; arrow keys choose, Enter opens, Escape closes.</DialogDescription>
          <Command label="Search and commands" shouldFilter={false} loop className="flex min-h-0 flex-col">
            <div className="flex items-center gap-2 border-b px-3">
              <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              <Command.Input
                value={term}
                onValueChange={setTerm}
                placeholder="Search records, or type a command…"
                className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
                data-testid="palette-input"
              />
            </div>
            <Command.List className={`max-h-[60vh] overflow-y-auto p-2 ${groupClasses}`} data-testid="palette-list">
              {busy ? (
                <Command.Loading>
                  <p className="px-2 py-1.5 text-sm text-muted-foreground">Searching…</p>
                </Command.Loading>
              ) : null}
              <Command.Empty className="px-2 py-6 text-center text-sm text-muted-foreground">
                {trimmed.length < 2 ? 'Type at least two characters to search records.' : busy ? 'Searching…' : 'Nothing found.'}
              </Command.Empty>
              {trimmed === '' && recent.length > 0 ? (
                <Command.Group heading="Recent" data-testid="palette-recent">
                  {recent.map((r) => (
                    <PaletteItem key={r.id} item={r} icon={<Clock aria-hidden="true" />} onOpen={openItem} />
                  ))}
                </Command.Group>
              ) : null}
              {matching.length > 0 ? (
                <Command.Group heading="Commands" data-testid="palette-commands">
                  {matching.slice(0, trimmed === '' ? 8 : 20).map((c) => (
                    <PaletteItem
                      key={c.id}
                      item={c}
                      icon={c.id.startsWith('new:') ? <Plus aria-hidden="true" /> : <ArrowRight aria-hidden="true" />}
                      onOpen={openItem}
                    />
                  ))}
                </Command.Group>
              ) : null}
              <PaletteResults results={results} onOpen={openItem} />
            </Command.List>
          </Command>
        </DialogContent>
      </Dialog>
    </>
  );
}
