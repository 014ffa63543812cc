import type { useFormatter, useTranslations } from 'next-intl';
import type { ResourcePagination } from './types';

/** The table's words (`useTranslations('table')`) and the request's formats (`useFormatter()`): the same on server and browser, so hydration agrees. */
export type TableWords = ReturnType<typeof useTranslations<'table'>>;
export type Formatter = ReturnType<typeof useFormatter>;

/** Number of pages, or null when the total is not known exactly. */
export function pageCount(total: number | null, pageSize: number): number | null {
  if (total === null || pageSize <= 0) return null;
  return Math.max(1, Math.ceil(total / pageSize));
}

/** True when previous/next come from a cursor (`onNext`/`onPrevious`) rather than page numbers. */
export function isCursorPaging(p: ResourcePagination): boolean {
  return p.onNext !== undefined || p.onPrevious !== undefined;
}

/** The total in words: an estimate ("about 1,000,000", "many"), the page's own label, the exact count, or null when unknown. */
export function totalText(p: Pick<ResourcePagination, 'total' | 'totalLabel' | 'estimate'>, t: TableWords, format: Formatter): string | null {
  if (p.estimate === 'many') return t('many');
  if (p.estimate !== undefined) return t('aboutCount', { count: p.estimate });
  return p.totalLabel ?? (p.total === null ? null : format.number(p.total));
}

/**
 * "Rows 26–50 of 1,234". Uses the rows actually shown (a last page is short) and the label
 * when the total is estimated ("of about 1,000,000") or unknown ("of many"), else no total.
 */
export function rangeText(
  p: Pick<ResourcePagination, 'page' | 'pageSize' | 'total' | 'totalLabel' | 'estimate'>,
  rowCount: number,
  t: TableWords,
  format: Formatter,
): string {
  const total = totalText(p, t, format);
  if (rowCount <= 0) {
    if (p.page <= 1 || p.total === 0) return t('rangeNoRows');
    return total === null ? t('rangeNoRowsOnPage') : t('rangeNoRowsOnPageOf', { total });
  }
  const from = (Math.max(1, p.page) - 1) * p.pageSize + 1;
  const to = from + rowCount - 1;
  return total === null ? t('range', { from, to }) : t('rangeOf', { from, to, total });
}

export type PageSlot = number | 'gap';

/** Page buttons to show: first, last, and the current page with one neighbour on each side. */
export function pageWindow(page: number, count: number): PageSlot[] {
  const wanted = new Set([1, count, page - 1, page, page + 1].filter((n) => n >= 1 && n <= count));
  const sorted = [...wanted].sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  let previous = 0;
  for (const n of sorted) {
    // A gap of exactly one page shows that page instead of an ellipsis standing for it.
    if (n - previous === 2) slots.push(n - 1);
    else if (n - previous > 2) slots.push('gap');
    slots.push(n);
    previous = n;
  }
  return slots;
}
