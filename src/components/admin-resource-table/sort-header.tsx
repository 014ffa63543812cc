import type { MouseEvent } from 'react';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { cn } from '../ui/cn';
import type { ResourceColumn, ResourceSort, SortDirection, SortKey } from './types';

// Sticky cells lose a collapsed border while scrolling, so the divider is an inset shadow.
export const headerCellClasses =
  'sticky top-0 z-10 h-10 bg-card px-4 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground shadow-[inset_0_-1px_0_var(--color-border)]';

const DEFAULT_MAX_KEYS = 3;

/** The direction a click asks for: flip the active column, start others ascending. */
export function nextSortDirection(sort: ResourceSort, key: string): SortDirection {
  if (sort.key !== key) return 'asc';
  return sort.direction === 'asc' ? 'desc' : 'asc';
}

/** Every sort column in order, the primary one first. */
export function sortKeysOf(sort: ResourceSort): SortKey[] {
  return sort.keys && sort.keys.length > 0 ? sort.keys : [{ key: sort.key, direction: sort.direction }];
}

/**
 * The sort a shift-click asks for: a column already sorted by flips its direction in place;
 * another is added last, ascending (replacing the last one when the sort is full).
 */
export function nextSortKeys(keys: readonly SortKey[], key: string, max = DEFAULT_MAX_KEYS): SortKey[] {
  if (keys.some((k) => k.key === key)) return keys.map((k) => (k.key === key ? { key, direction: k.direction === 'asc' ? 'desc' : 'asc' } : k));
  return [...keys.slice(0, Math.max(0, max - 1)), { key, direction: 'asc' }];
}

const ORDINALS = ['ordinal1', 'ordinal2', 'ordinal3', 'ordinal4', 'ordinal5'] as const;

export function SortHeader<Row>({ column, sort }: { column: ResourceColumn<Row>; sort?: ResourceSort }) {
  const t = useTranslations('table');
  const sortable = column.sortable === true && sort !== undefined;
  if (!sortable) {
    return (
      <th scope="col" className={cn(headerCellClasses, column.className)}>
        {column.header}
      </th>
    );
  }

  const keys = sortKeysOf(sort);
  const index = keys.findIndex((k) => k.key === column.key);
  const sorted = index >= 0 ? keys[index]! : undefined;
  const primary = index === 0;
  const multi = keys.length > 1;
  const Icon = !sorted ? ChevronsUpDown : sorted.direction === 'asc' ? ArrowUp : ArrowDown;
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (event.shiftKey && sort.onSortKeysChange) sort.onSortKeysChange(nextSortKeys(keys, column.key, sort.maxKeys));
    else sort.onSortChange(column.key, nextSortDirection(sort, column.key));
  };
  return (
    // aria-sort marks one column, the primary one; the others say their place in words.
    <th
      scope="col"
      aria-sort={primary ? (sorted!.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cn(headerCellClasses, column.className)}
    >
      <button
        type="button"
        data-testid={`sort-${column.key}`}
        onClick={onClick}
        title={sort.onSortKeysChange ? t('sortTitle') : undefined}
        className={cn(
          '-mx-2 inline-flex cursor-pointer items-center gap-1 rounded-sm px-2 py-1 hover:bg-accent hover:text-accent-foreground',
          sorted && 'text-foreground',
        )}
      >
        {column.header}
        <Icon aria-hidden="true" className={cn('size-3.5', !sorted && 'opacity-50')} />
        {multi && sorted ? (
          <>
            <span aria-hidden="true" data-testid={`sort-position-${column.key}`} className="text-[0.65rem] tabular-nums">
              {index + 1}
            </span>
            <span className="sr-only">
              {t(sorted.direction === 'asc' ? 'sortedAsc' : 'sortedDesc', {
                ordinal: index < ORDINALS.length ? t(ORDINALS[index]!) : t('ordinalN', { position: index + 1 }),
              })}
            </span>
          </>
        ) : null}
      </button>
    </th>
  );
}
