'use client';

import { Command } from 'cmdk';
import { ArrowRight, Clock, Plus, Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { matchCommands } from './match-commands';
import { PaletteItem } from './palette-item';
import { PaletteResults } from './palette-results';
import type { PaletteCommand } from './palette-types';
import { useSearch } from './use-search';

const groupClasses =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground';

export interface PaletteDialogProps {
  open: boolean;
  show: (open: boolean) => void;
  term: string;
  setTerm: (term: string) => void;
  commands: PaletteCommand[];
  recent: PaletteCommand[];
  returnFocus: RefObject<HTMLElement | null>;
  openItem: (item: { label: string; href: string; hint?: string }) => void;
}

/**
 * The palette itself: a Radix Dialog (modal overlay over the whole page, focus trapped, Escape
 * closes, focus goes back where it was) around cmdk (a combobox: arrows move, Enter opens).
 * Loaded on demand by CommandPalette, so neither library is in any page's first load.
 */
export function PaletteDialog({ open, show, term, setTerm, commands, recent, returnFocus, openItem }: PaletteDialogProps) {
  const t = useTranslations('search');
  const { results, busy } = useSearch(open ? term : '');
  const matching = matchCommands(commands, term);
  const trimmed = term.trim();

  return (
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
        <DialogTitle className="sr-only">{t('paletteTitle')}</DialogTitle>
        <DialogDescription className="sr-only">{t('paletteDescription')}</DialogDescription>
        <Command label={t('paletteTitle')} shouldFilter={false} loop className="flex min-h-0 flex-col">
          <div className="flex items-center gap-2 border-b px-3">
            <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <Command.Input
              value={term}
              onValueChange={setTerm}
              placeholder={t('palettePlaceholder')}
              className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              data-testid="palette-input"
            />
          </div>
          <Command.List label={t('resultsLabel')} className={`max-h-[60vh] overflow-y-auto p-2 ${groupClasses}`} data-testid="palette-list">
            {busy ? (
              <Command.Loading label={t('searching')}>
                <p className="px-2 py-1.5 text-sm text-muted-foreground">{t('searching')}</p>
              </Command.Loading>
            ) : null}
            <Command.Empty className="px-2 py-6 text-center text-sm text-muted-foreground">
              {trimmed.length < 2 ? t('typeTwoToSearchRecords') : busy ? t('searching') : t('nothingFound')}
            </Command.Empty>
            {trimmed === '' && recent.length > 0 ? (
              <Command.Group heading={t('recent')} data-testid="palette-recent">
                {recent.map((r) => (
                  <PaletteItem key={r.id} item={r} icon={<Clock aria-hidden="true" />} onOpen={openItem} />
                ))}
              </Command.Group>
            ) : null}
            {matching.length > 0 ? (
              <Command.Group heading={t('commandsHeading')} data-testid="palette-commands">
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
  );
}
