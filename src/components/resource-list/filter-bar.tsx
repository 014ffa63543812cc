'use client';

import { ChevronDown, ListFilter, X } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import type { RelatedResource, ResolvedColumn } from '@admin-hub/engine/resources/types';
import { chipText, filterKeys, relatedChipText } from './filters/chip-text';
import { FilterControl, preloadReferenceFilter, RelatedControl, type FilterChange, type FilterValue } from './filters/filter-controls';

export { dayBoundary } from './filters/days';

interface FilterBarProps {
  columns: ResolvedColumn[];
  value: FilterValue;
  onChange: FilterChange;
  /** The list's domain: a foreign-key filter searches the referenced resource in it. */
  domain: string;
  /** Labels of referenced rows the page already has, per column ("79" → "Ada Lovelace"), for chips. */
  labels?: Record<string, Record<string, string>>;
  /** Resources that refer to this one and the operator may read: "has related rows" filters. */
  related?: RelatedResource[];
}

/** At most this many "has related rows" chips: more would crowd the row (the URL takes any). */
const MAX_RELATED_CHIPS = 2;

/** One filter: its chip text, whether it is set, the URL keys it writes, and its control. */
interface FilterEntry {
  name: string;
  text: string;
  active: boolean;
  keys: string[];
  control: (apply: FilterChange) => ReactNode;
}

/** One filter as a chip: its current value in words; a click opens its control, × removes it. */
function FilterChip({ entry, onChange }: { entry: FilterEntry; onChange: FilterChange }) {
  const t = useTranslations('list');
  const [open, setOpen] = useState(false);
  const apply: FilterChange = (changes) => {
    setOpen(false);
    onChange(changes);
  };
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full border text-sm',
        entry.active ? 'border-primary/40 bg-primary/10 text-foreground' : 'text-muted-foreground',
      )}
    >
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger
          className="inline-flex max-w-80 cursor-pointer items-center gap-1 rounded-full py-1 pr-2 pl-3 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          data-testid={`filter-${entry.name}`}
        >
          <span className="truncate">{entry.text}</span>
          {entry.active ? null : <ChevronDown className="size-3.5" aria-hidden="true" />}
        </PopoverTrigger>
        <PopoverContent align="start" className="w-80" aria-label={t('filterLabel', { text: entry.text })}>
          {entry.control(apply)}
        </PopoverContent>
      </Popover>
      {entry.active ? (
        <button
          type="button"
          className="mr-1 cursor-pointer rounded-full p-1 text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          aria-label={t('removeFilter', { text: entry.text })}
          onClick={() => onChange(Object.fromEntries(entry.keys.map((k) => [k, undefined])))}
          data-testid={`filter-clear-${entry.name}`}
        >
          <X className="size-3.5" aria-hidden="true" />
        </button>
      ) : null}
    </span>
  );
}

/**
 * The filters a resource declares, as one row of chips (each opens its control in a popover);
 * on a phone, one "Filters" button opens them all in a sheet. Each control writes its own URL
 * parameters, so a filtered list is a link.
 */
export function FilterBar({ columns, value, onChange, domain, labels, related = [] }: FilterBarProps) {
  const t = useTranslations('list');
  const format = useFormatter();
  const words = { t, format };
  const [sheetOpen, setSheetOpen] = useState(false);
  const referenced = columns.some((c) => c.filter && c.references);
  // A foreign-key filter's picker is loaded on demand; fetch it once the page is idle.
  useEffect(() => {
    if (!referenced) return;
    const timer = setTimeout(preloadReferenceFilter, 300);
    return () => clearTimeout(timer);
  }, [referenced]);
  const labelOf = (column: ResolvedColumn) => {
    const id = value(`f.${column.name}`);
    return id !== undefined ? labels?.[column.name]?.[id] : undefined;
  };
  const entries: FilterEntry[] = [
    ...columns
      .filter((c) => c.filter)
      .map((column) => ({
        name: column.name,
        ...chipText(words, column, value, labelOf(column)),
        keys: filterKeys(column),
        control: (apply: FilterChange) => <FilterControl column={column} value={value} onChange={apply} domain={domain} />,
      })),
    // A related filter that is set always shows, whatever the limit: the list is filtered by it.
    ...related
      .filter((r, i) => i < MAX_RELATED_CHIPS || value(`has.${r.key}`) !== undefined)
      .map((r) => ({
        name: `has-${r.key}`,
        ...relatedChipText(words, r, value),
        keys: [`has.${r.key}`],
        control: (apply: FilterChange) => <RelatedControl related={r} value={value} onChange={apply} />,
      })),
  ];
  if (entries.length === 0) return null;
  const active = entries.flatMap((e) => e.keys).filter((k) => value(k) !== undefined);
  const activeCount = entries.filter((e) => e.active).length;
  const clearAll = () => onChange(Object.fromEntries(active.map((k) => [k, undefined])));
  return (
    <>
      <div className="hidden flex-wrap items-center gap-2 sm:flex" data-testid="filter-bar">
        {entries.map((entry) => (
          <FilterChip key={entry.name} entry={entry} onChange={onChange} />
        ))}
        {active.length > 0 ? (
          <Button variant="ghost" size="sm" onClick={clearAll} data-testid="filters-clear-all">
            {t('clearAll')}
          </Button>
        ) : null}
      </div>
      <div className="sm:hidden">
        <Sheet open={sheetOpen} onOpenChange={setSheetOpen}>
          <SheetTrigger asChild>
            <Button variant="outline" size="sm" data-testid="filters-sheet-open">
              <ListFilter aria-hidden="true" /> {t('filtersButton', { count: activeCount })}
            </Button>
          </SheetTrigger>
          <SheetContent side="bottom" className="gap-5">
            <SheetTitle>{t('filters')}</SheetTitle>
            <SheetDescription>{t('filtersHelp')}</SheetDescription>
            {entries.map((entry) => (
              <section key={entry.name} className="flex flex-col gap-1 border-b pb-4 last:border-b-0">
                <h3 className="text-sm font-medium">{entry.text}</h3>
                {entry.control(onChange)}
              </section>
            ))}
            {active.length > 0 ? (
              <Button variant="outline" onClick={clearAll}>
                <X aria-hidden="true" /> {t('clearAllFilters')}
              </Button>
            ) : null}
          </SheetContent>
        </Sheet>
      </div>
    </>
  );
}
