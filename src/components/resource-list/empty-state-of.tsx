import { Button } from '@/components/ui/button';
import type { ResourceEmptyState } from '@/components/admin-resource-table';
import type { ListResult } from '@admin-hub/engine/list/run-list';
import type { ClientResource as Resource } from '@admin-hub/engine/resources/define';

type Update = (changes: Record<string, string | undefined>) => void;

/**
 * What an empty page says, and the way on: a page past the end says so and offers the last
 * page (or the first, when the total is only estimated); a filter or search that matches
 * nothing says that; an empty table or trash says that.
 */
export function emptyStateOf(resource: Resource, result: ListResult, pageNumber: number, searchParams: URLSearchParams, update: Update): ResourceEmptyState {
  const pastTheEnd = result.rows.length === 0 && (pageNumber > 1 || result.previous !== null) && (result.count.value ?? 1) > 0;
  if (pastTheEnd) {
    const last = result.count.exact && result.count.value !== null ? Math.max(1, Math.ceil(result.count.value / result.pageSize)) : undefined;
    return {
      title: `Page ${pageNumber.toLocaleString('en-US')} is past the end`,
      description: last
        ? `There ${last === 1 ? 'is 1 page' : `are ${last.toLocaleString('en-US')} pages`} of ${result.count.label} rows.`
        : 'There are fewer rows than that.',
      action: (
        <Button
          variant="outline"
          size="sm"
          onClick={() => update({ page: last && last > 1 ? String(last) : undefined, after: undefined, before: undefined, pn: undefined })}
          data-testid="go-to-last-page"
        >
          {last ? `Go to page ${last.toLocaleString('en-US')}` : 'Go to the first page'}
        </Button>
      ),
    };
  }
  if (result.search || [...searchParams.keys()].some((k) => k.startsWith('f.') || k.startsWith('has.'))) {
    return { title: 'Nothing matches', description: result.search ? `No row matches “${result.search}”.` : 'No row matches these filters.' };
  }
  return { title: result.trash ? 'The trash is empty' : `No ${resource.title.toLowerCase()} yet` };
}
