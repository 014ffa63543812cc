import type { ReactNode } from 'react';
import type { ResourcePagination } from '@/components/admin-resource-table';
import type { ListResult } from '@admin-hub/engine/list/run-list';

type Update = (changes: Record<string, string | undefined>) => void;

/**
 * AdminResourceTable's pagination for a list engine result: previous/next by cursor, the
 * page number the browser shows (`pn`) carried in the URL, and the count as the engine gave
 * it (exact, "about N" or "many"). Every list view pages the same way through this.
 */
export function cursorPagination(
  result: Pick<ListResult, 'pageSize' | 'count' | 'next' | 'previous'>,
  page: number,
  update: Update,
  totalNote?: ReactNode,
): ResourcePagination {
  return {
    page,
    pageSize: result.pageSize,
    total: result.count.exact ? result.count.value : null,
    // An estimate is worded by the table in the reader's language ("about N", or "many" when not
    // even estimated); not counted (`count=none`): no total at all, rather than an empty label.
    estimate: result.count.exact || result.count.label === '' ? undefined : (result.count.value ?? 'many'),
    totalNote,
    onPageChange: (n) => update({ page: String(n), pn: undefined }),
    hasNext: result.next !== null,
    hasPrevious: result.previous !== null,
    onNext: () => result.next && update({ after: result.next, pn: String(page + 1) }),
    onPrevious: () => result.previous && update({ before: result.previous, pn: String(Math.max(1, page - 1)) }),
  };
}
