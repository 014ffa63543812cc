'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Checkbox } from '../ui/checkbox';
import { cn } from '../ui/cn';
import { Skeleton } from '../ui/skeleton';
import { formatCellValue } from './format-cell';
import { headerCellClasses, SortHeader } from './sort-header';
import type { ResourceColumn, ResourceSelection, ResourceSort } from './types';
import { useRowNavigation } from './use-row-navigation';

export interface DataGridProps<Row> {
  label: string;
  columns: Array<ResourceColumn<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
  rowHref?: (row: Row) => string;
  sort?: ResourceSort;
  selection?: ResourceSelection;
  loading?: boolean;
  skeletonRows?: number;
}

// Clicks on these inside a row do their own thing and must not also open the row.
const INTERACTIVE = 'a, button, input, select, textarea, label, summary, [role="button"], [role="link"], [role="checkbox"]';

// grid-* classes live in globals.css: one short name per cell instead of a dozen utilities.
const cellClasses = (extra: string | undefined) => (extra ? `grid-cell ${extra}` : 'grid-cell');
const checkCellClasses = 'grid-check-cell';

/**
 * The table itself. Rows use a roving tabindex: Tab enters the table once, arrows move between
 * rows, Enter opens the row, Space toggles its selection.
 */
export function DataGrid<Row>({ label, columns, rows, rowKey, rowHref, sort, selection, loading = false, skeletonRows = 8 }: DataGridProps<Row>) {
  const t = useTranslations('table');
  const open = useRowNavigation();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, rows.length - 1);
  const focusable = !loading && (rowHref !== undefined || selection !== undefined);

  const selected = new Set(selection?.selected ?? []);
  const pageKeys = rows.map(rowKey);
  const selectedOnPage = pageKeys.filter((k) => selected.has(k)).length;

  function toggleRow(key: string) {
    if (!selection) return;
    selection.onChange(selected.has(key) ? selection.selected.filter((k) => k !== key) : [...selection.selected, key]);
  }

  function toggleAll(checked: boolean) {
    if (!selection) return;
    // Only this page's rows change; selections made on other pages survive.
    const onPage = new Set(pageKeys);
    const kept = selection.selected.filter((k) => !onPage.has(k));
    selection.onChange(checked ? [...kept, ...pageKeys] : kept);
  }

  function focusRow(index: number) {
    const clamped = Math.max(0, Math.min(index, rows.length - 1));
    bodyRef.current?.querySelector<HTMLElement>(`tr[data-row-index="${clamped}"]`)?.focus();
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, row: Row) {
    // Keys typed into a checkbox or a link inside the row belong to that control.
    if (event.target !== event.currentTarget) return;
    switch (event.key) {
      case 'ArrowDown':
        focusRow(index + 1);
        break;
      case 'ArrowUp':
        focusRow(index - 1);
        break;
      case 'Home':
        focusRow(0);
        break;
      case 'End':
        focusRow(rows.length - 1);
        break;
      case 'Enter':
        if (!rowHref) return;
        open(rowHref(row), event.metaKey || event.ctrlKey);
        break;
      case ' ':
        if (!selection) return;
        toggleRow(rowKey(row));
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function onRowClick(event: MouseEvent<HTMLTableRowElement>, row: Row) {
    if (!rowHref || event.defaultPrevented) return;
    const hit = (event.target as Element).closest(INTERACTIVE);
    if (hit && event.currentTarget.contains(hit)) return;
    // Someone selecting text to copy it does not want to leave the page.
    if (window.getSelection()?.toString()) return;
    open(rowHref(row), event.metaKey || event.ctrlKey || event.button === 1);
  }

  return (
    <div
      // The table scrolls inside its card: sideways on phones, and down under a sticky header.
      // `relative` keeps the sr-only texts in cells (absolutely positioned) inside this box;
      // otherwise they escape the overflow clip and widen the whole page on phones.
      className="relative max-h-[max(20rem,calc(100dvh-22rem))] overflow-auto"
      role="region"
      aria-label={t('tableLabel', { label })}
      // A scrollable region must be reachable by keyboard; focusable rows already are.
      tabIndex={focusable ? undefined : 0}
      data-testid="resource-table-scroll"
    >
      <table
        className="w-full border-separate border-spacing-0 text-sm [&_tbody_tr:last-child_td]:border-b-0"
        aria-busy={loading || undefined}
        data-testid="resource-table"
      >
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className={cn(headerCellClasses, 'w-10 pr-0')}>
                <Checkbox
                  aria-label={t('selectAllOnPage')}
                  checked={rows.length > 0 && selectedOnPage === rows.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < rows.length}
                  disabled={loading || rows.length === 0}
                  onChange={(event) => toggleAll(event.target.checked)}
                  data-testid="select-all"
                />
              </th>
            ) : null}
            {columns.map((column) => (
              <SortHeader key={column.key} column={column} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {loading
            ? Array.from({ length: skeletonRows }, (_, i) => (
                <tr key={i} data-testid="skeleton-row">
                  {selection ? (
                    <td className={checkCellClasses}>
                      <Skeleton className="size-4" />
                    </td>
                  ) : null}
                  {columns.map((column) => (
                    <td key={column.key} className={cellClasses(column.className)}>
                      <Skeleton className="h-4 w-24 max-w-full" />
                    </td>
                  ))}
                </tr>
              ))
            : rows.map((row, index) => {
                const key = rowKey(row);
                const isSelected = selected.has(key);
                return (
                  <tr
                    key={key}
                    data-testid="resource-row"
                    data-row-key={key}
                    data-row-index={index}
                    data-selected={isSelected || undefined}
                    tabIndex={focusable ? (index === active ? 0 : -1) : undefined}
                    onFocus={() => setActiveIndex(index)}
                    onKeyDown={focusable ? (event) => onRowKeyDown(event, index, row) : undefined}
                    onClick={rowHref ? (event) => onRowClick(event, row) : undefined}
                    onAuxClick={rowHref ? (event) => event.button === 1 && onRowClick(event, row) : undefined}
                    className={rowHref ? 'grid-row cursor-pointer' : 'grid-row'}
                  >
                    {selection ? (
                      <td className={checkCellClasses}>
                        {/* The label widens the hit area so a near-miss does not open the row. */}
                        <label className="-m-2 flex cursor-pointer p-2">
                          <Checkbox aria-label={t('selectRow', { key })} checked={isSelected} onChange={() => toggleRow(key)} data-testid="row-select" />
                        </label>
                      </td>
                    ) : null}
                    {columns.map((column) => (
                      <td key={column.key} className={cellClasses(column.className)}>
                        {column.render ? column.render(row) : <DefaultCell row={row} columnKey={column.key} />}
                      </td>
                    ))}
                  </tr>
                );
              })}
        </tbody>
      </table>
    </div>
  );
}

function DefaultCell({ row, columnKey }: { row: unknown; columnKey: string }) {
  const t = useTranslations('table');
  const value = formatCellValue(row, columnKey, t('invalidDate'));
  if (value !== null) return <>{value}</>;
  return (
    <span className="text-muted-foreground">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t('empty')}</span>
    </span>
  );
}
