'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { isCursorPaging, pageCount, pageWindow, rangeText } from './pagination-math';
import type { ResourcePagination } from './types';

export interface PaginationBarProps {
  pagination: ResourcePagination;
  rowCount: number;
  loading?: boolean;
}

/**
 * Offset paging shows page numbers; cursor paging (`onNext`/`onPrevious`) only knows its
 * neighbours, so it shows previous/next and the page it is on. Both offer "go to page".
 */
export function PaginationBar({ pagination: p, rowCount, loading = false }: PaginationBarProps) {
  const t = useTranslations('table');
  const format = useFormatter();
  const cursor = isCursorPaging(p);
  const pages = pageCount(p.total, p.pageSize);
  // Without explicit flags: a known total decides; otherwise a full page suggests there is more.
  const hasPrevious = p.hasPrevious ?? p.page > 1;
  const hasNext = p.hasNext ?? (pages !== null && !cursor ? p.page < pages : rowCount >= p.pageSize);

  const goPrevious = () => (cursor ? p.onPrevious?.() : p.onPageChange(p.page - 1));
  const goNext = () => (cursor ? p.onNext?.() : p.onPageChange(p.page + 1));

  return (
    <nav
      aria-label={t('pagination')}
      data-testid="pagination"
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t px-4 py-3 text-sm"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className="text-muted-foreground tabular-nums" aria-live="polite" data-testid="pagination-range">
          {loading ? t('paginationLoading') : rangeText(p, rowCount, t, format)}
        </p>
        {p.totalNote && !loading ? p.totalNote : null}
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <Button variant="outline" size="sm" disabled={loading || !hasPrevious} onClick={goPrevious} data-testid="pagination-previous">
          <ChevronLeft aria-hidden="true" />
          {t('previous')}
        </Button>
        {!cursor && pages !== null && pages > 1 ? (
          <PageButtons page={p.page} pages={pages} disabled={loading} onPageChange={p.onPageChange} />
        ) : (
          <span className="px-2 text-muted-foreground tabular-nums" data-testid="pagination-page">
            {pages !== null ? t('pageOf', { page: p.page, pages }) : t('page', { page: p.page })}
          </span>
        )}
        <Button variant="outline" size="sm" disabled={loading || !hasNext} onClick={goNext} data-testid="pagination-next">
          {t('next')}
          <ChevronRight aria-hidden="true" />
        </Button>
        {/* By number in cursor mode too: the one place a list pages by OFFSET, only when asked. */}
        {pages !== 1 ? <JumpToPage page={p.page} pages={pages} disabled={loading} onPageChange={p.onPageChange} /> : null}
      </div>
    </nav>
  );
}

interface PageButtonsProps {
  page: number;
  pages: number;
  disabled: boolean;
  onPageChange: (page: number) => void;
}

function PageButtons({ page, pages, disabled, onPageChange }: PageButtonsProps) {
  const t = useTranslations('table');
  const format = useFormatter();
  return (
    // Phones get "Page N of M" instead: seven buttons do not fit next to previous/next.
    <>
      <span className="px-2 text-muted-foreground tabular-nums sm:hidden">{t('pageOf', { page, pages })}</span>
      <ul className="hidden items-center gap-1 sm:flex">
        {pageWindow(page, pages).map((slot, i) =>
          slot === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted-foreground">
              …
            </li>
          ) : (
            <li key={slot}>
              <Button
                variant={slot === page ? 'default' : 'ghost'}
                size="sm"
                className="min-w-8 px-2 tabular-nums"
                aria-current={slot === page ? 'page' : undefined}
                aria-label={t('pageButton', { page: slot })}
                disabled={disabled}
                onClick={() => slot !== page && onPageChange(slot)}
                data-testid={`pagination-page-${slot}`}
              >
                {format.number(slot)}
              </Button>
            </li>
          ),
        )}
      </ul>
    </>
  );
}

interface JumpToPageProps {
  page: number;
  pages: number | null;
  disabled: boolean;
  onPageChange: (page: number) => void;
}

/** "Go to page": clamped to the known page count; unbounded when the total is only estimated. */
function JumpToPage({ page, pages, disabled, onPageChange }: JumpToPageProps) {
  const t = useTranslations('table');
  const [draft, setDraft] = useState('');
  const inputId = useId();
  return (
    <form
      className="ml-1 flex items-center gap-1"
      data-testid="pagination-jump"
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = Number.parseInt(draft, 10);
        if (!Number.isFinite(wanted)) return;
        const target = Math.max(1, pages === null ? wanted : Math.min(wanted, pages));
        setDraft('');
        if (target !== page) onPageChange(target);
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {t('goToPage')}
      </label>
      <Input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={1}
        max={pages ?? undefined}
        placeholder={t('pagePlaceholder')}
        value={draft}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        className="h-8 w-20"
        data-testid="pagination-jump-input"
      />
      <Button type="submit" variant="outline" size="sm" disabled={disabled || draft === ''} data-testid="pagination-jump-submit">
        {t('go')}
      </Button>
    </form>
  );
}
