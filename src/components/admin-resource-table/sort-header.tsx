import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { cn } from '../ui/cn';
import type { ResourceColumn, ResourceSort, SortDirection } from './types';

// Sticky cells lose a collapsed border while scrolling, so the divider is an inset shadow.
export const headerCellClasses =
  'sticky top-0 z-10 h-10 bg-card px-4 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground shadow-[inset_0_-1px_0_var(--color-border)]';

/** The direction a click asks for: flip the active column, start others ascending. */
export function nextSortDirection(sort: ResourceSort, key: string): SortDirection {
  if (sort.key !== key) return 'asc';
  return sort.direction === 'asc' ? 'desc' : 'asc';
}

export function SortHeader<Row>({ column, sort }: { column: ResourceColumn<Row>; sort?: ResourceSort }) {
  const sortable = column.sortable === true && sort !== undefined;
  if (!sortable) {
    return (
      <th scope="col" className={cn(headerCellClasses, column.className)}>
        {column.header}
      </th>
    );
  }

  const active = sort.key === column.key;
  const Icon = !active ? ChevronsUpDown : sort.direction === 'asc' ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={cn(headerCellClasses, column.className)}>
      <button
        type="button"
        data-testid={`sort-${column.key}`}
        onClick={() => sort.onSortChange(column.key, nextSortDirection(sort, column.key))}
        className={cn(
          '-mx-2 inline-flex cursor-pointer items-center gap-1 rounded-sm px-2 py-1 hover:bg-accent hover:text-accent-foreground',
          active && 'text-foreground',
        )}
      >
        {column.header}
        <Icon aria-hidden="true" className={cn('size-3.5', !active && 'opacity-50')} />
      </button>
    </th>
  );
}
