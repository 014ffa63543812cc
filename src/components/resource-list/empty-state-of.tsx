import { Button } from '@/components/ui/button';
import type { ResourceEmptyState } from '@/components/admin-resource-table';
import type { ListResult } from '@admin-hub/engine/list/run-list';
import type { ClientResource as Resource } from '@admin-hub/engine/resources/define';
import type { ListWords } from './filters/chip-text';

type Update = (changes: Record<string, string | undefined>) => void;

/**
 * What an empty page says, and the way on: a page past the end says so and offers the last
 * page (or the first, when the total is only estimated); a filter or search that matches
 * nothing says that; an empty table or trash says that.
 */
export function emptyStateOf(
  { t }: ListWords,
  resource: Resource,
  result: ListResult,
  pageNumber: number,
  searchParams: URLSearchParams,
  update: Update,
): ResourceEmptyState {
  const pastTheEnd = result.rows.length === 0 && (pageNumber > 1 || result.previous !== null) && (result.count.value ?? 1) > 0;
  if (pastTheEnd) {
    const last = result.count.exact && result.count.value !== null ? Math.max(1, Math.ceil(result.count.value / result.pageSize)) : undefined;
    return {
      title: t('pastTheEnd', { page: pageNumber }),
      description: last ? t('pastTheEndPages', { pages: last, rows: result.count.value ?? 0 }) : t('fewerRows'),
      action: (
        <Button
          variant="outline"
          size="sm"
          onClick={() => update({ page: last && last > 1 ? String(last) : undefined, after: undefined, before: undefined, pn: undefined })}
          data-testid="go-to-last-page"
        >
          {last ? t('goToPage', { page: last }) : t('goToFirstPage')}
        </Button>
      ),
    };
  }
  if (result.search || [...searchParams.keys()].some((k) => k.startsWith('f.') || k.startsWith('has.'))) {
    return { title: t('nothingMatches'), description: result.search ? t('noRowMatchesSearch', { search: result.search }) : t('noRowMatchesFilters') };
  }
  return { title: result.trash ? t('trashEmpty') : t('noneYet', { title: resource.title.toLowerCase() }) };
}
