'use client';

import { ChevronDown, ListFilter, X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import type { ResolvedColumn } from '@/engine/resources/types';
import { chipText, filterKeys } from './filters/chip-text';
import { FilterControl, type FilterChange, type FilterValue } from './filters/filter-controls';

export { dayBoundary } from './filters/days';

interface FilterBarProps {
  columns: ResolvedColumn[];
  value: FilterValue;
  onChange: FilterChange;
  /** The list's domain: a foreign-key filter searches the referenced resource in it. */
  domain: string;
  /** Labels of referenced rows the page already has, per column ("79" → "Ada Lovelace"), for chips. */
  labels?: Record<string, Record<string, string>>;
}

/** One filter as a chip: its current value in words; a click opens its control. */
function FilterChip({
  column,
  value,
  onChange,
  domain,
  label,
}: {
  column: ResolvedColumn;
  value: FilterValue;
  onChange: FilterChange;
  domain: string;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const { text, active } = chipText(column, value, label);
  const apply: FilterChange = (changes) => {
    setOpen(false);
    onChange(changes);
  };
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full border text-sm',
        active ? 'border-primary/40 bg-primary/10 text-foreground' : 'text-muted-foreground',
      )}
    >
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger
          className="inline-flex max-w-80 cursor-pointer items-center gap-1 rounded-full py-1 pr-2 pl-3 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          data-testid={`filter-${column.name}`}
        >
          <span className="truncate">{text}</span>
          {active ? null : <ChevronDown className="size-3.5" aria-hidden="true" />}
        </PopoverTrigger>
        <PopoverContent align="start" className="w-80">
          <FilterControl column={column} value={value} onChange={apply} domain={domain} />
        </PopoverContent>
      </Popover>
      {active ? (
        <button
          type="button"
          className="mr-1 cursor-pointer rounded-full p-1 text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          aria-label={`Remove filter ${text}`}
          onClick={() => onChange(Object.fromEntries(filterKeys(column).map((k) => [k, undefined])))}
          data-testid={`filter-clear-${column.name}`}
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
export function FilterBar({ columns, value, onChange, domain, labels }: FilterBarProps) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const filterable = columns.filter((c) => c.filter);
  if (filterable.length === 0) return null;
  const active = filterable.flatMap(filterKeys).filter((k) => value(k) !== undefined);
  const activeColumns = filterable.filter((c) => filterKeys(c).some((k) => value(k) !== undefined)).length;
  const clearAll = () => onChange(Object.fromEntries(active.map((k) => [k, undefined])));
  const labelOf = (column: ResolvedColumn) => {
    const id = value(`f.${column.name}`);
    return id !== undefined ? labels?.[column.name]?.[id] : undefined;
  };
  return (
    <>
      <div className="hidden flex-wrap items-center gap-2 sm:flex" data-testid="filter-bar">
        {filterable.map((column) => (
          <FilterChip key={column.name} column={column} value={value} onChange={onChange} domain={domain} label={labelOf(column)} />
        ))}
        {active.length > 0 ? (
          <Button variant="ghost" size="sm" onClick={clearAll} data-testid="filters-clear-all">
            Clear all
          </Button>
        ) : null}
      </div>
      <div className="sm:hidden">
        <Sheet open={sheetOpen} onOpenChange={setSheetOpen}>
          <SheetTrigger asChild>
            <Button variant="outline" size="sm" data-testid="filters-sheet-open">
              <ListFilter aria-hidden="true" /> Filters{activeColumns > 0 ? ` (${activeColumns})` : ''}
            </Button>
          </SheetTrigger>
          <SheetContent side="bottom" className="gap-5">
            <SheetTitle>Filters</SheetTitle>
            <SheetDescription>Each filter applies when you choose or press Apply.</SheetDescription>
            {filterable.map((column) => (
              <section key={column.name} className="flex flex-col gap-1 border-b pb-4 last:border-b-0">
                <h3 className="text-sm font-medium">{chipText(column, value, labelOf(column)).text}</h3>
                <FilterControl column={column} value={value} onChange={onChange} domain={domain} />
              </section>
            ))}
            {active.length > 0 ? (
              <Button variant="outline" onClick={clearAll}>
                <X aria-hidden="true" /> Clear all filters
              </Button>
            ) : null}
          </SheetContent>
        </Sheet>
      </div>
    </>
  );
}
