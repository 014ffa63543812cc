import { readRefusal } from '@admin-hub/engine/db/read-refusals';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ResourceListView } from '@/components/resource-list/resource-list-view';
import { SavedViewsMenu } from '@/components/saved-views';
import { can, resourceAsSeenBy } from '@admin-hub/engine/auth/access';
import { ForbiddenError } from '@admin-hub/engine/auth/errors';
import { listResource, type ListResult } from '@admin-hub/engine/list/run-list';
import { bulkCapabilities } from '@admin-hub/engine/records/bulk';
import type { SearchParams } from '@admin-hub/engine/list/list-query';
import { toClientResource } from '@admin-hub/engine/resources/define';
import { findResource } from '@admin-hub/engine/resources/registry';
import { logger } from '@admin-hub/engine/log';
import type { Operator } from '@admin-hub/engine/auth/operator';
import type { Resource } from '@admin-hub/engine/resources/types';
import { rememberColumns, rememberedColumns } from '@admin-hub/engine/views/column-preferences';
import { listSavedViews, type SavedView } from '@admin-hub/engine/views/saved-views';
import { requirePageOperator } from '@/web/operator';
import { describePageError, guardPage } from '@/web/page-guard';

export const dynamic = 'force-dynamic';

const log = logger('list-page');

/** Saved views and remembered columns are conveniences: their failure is logged, the list still shows. */
function listViews(operator: Operator, resource: Resource): Promise<SavedView[]> {
  return listSavedViews(operator, resource).catch((error: Error) => {
    log.warn(`saved views of ${resource.domain}/${resource.name} not read: ${error.message}`);
    return [];
  });
}

const empty = (pageSize: number): ListResult => ({
  rows: [],
  columns: [],
  sort: [],
  search: undefined,
  pageSize,
  page: undefined,
  next: null,
  previous: null,
  count: { value: 0, exact: true, label: '0' },
  trash: false,
});

type ListWords = Awaited<ReturnType<typeof getTranslations<'list'>>>;

/** A bad link or an unavailable domain is shown in the page, with what was wrong (the engine's words, in the operator's language). */
function describeListError(t: ListWords, error: unknown, mayRefresh: boolean): { title: string; message: string; refreshable?: boolean } {
  const { status, message } = describePageError(error);
  const titles: Record<number, string> = { 400: t('errorInvalidParams'), 403: t('errorNoAccess'), 503: t('errorDomainUnavailable') };
  const title = titles[status] ?? t('errorNotLoaded');
  // A materialized view never refreshed (PostgreSQL's 55000): the engine says so by a reason, not by its words, which are the operator's language.
  const notPopulated = status === 409 && readRefusal(error)?.reason === 'not-populated';
  return { title: notPopulated ? t('errorNotPopulated') : title, message, refreshable: notPopulated && mayRefresh };
}

/** The generic list page of every defined or introspected resource. */
export default async function ResourceListPage(props: { params: Promise<{ domain: string; resource: string }>; searchParams: Promise<SearchParams> }) {
  const [{ domain: domainName, resource: resourceName }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const operator = await requirePageOperator(`/d/${domainName}/${resourceName}`);
  const t = await getTranslations('list');
  const found = await guardPage(findResource(domainName, resourceName));
  const views = listViews(operator, found.resource);
  // Columns: the URL's when it names them (remembered below), else the operator's last choice.
  const cols = searchParams.cols;
  const remembered = cols === undefined ? await rememberedColumns(operator, found.resource).catch(() => undefined) : undefined;
  const params = remembered ? { ...searchParams, cols: remembered.join(',') } : searchParams;
  // An exact count the URL asks for (`count=exact`) never holds the page up: it streams in after the rows.
  const outcome = await listResource(operator, found.domain, found.resource, params, { deferExactCount: true }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => {
      if (error instanceof ForbiddenError) forbidden(); // a real 403, same for every row (a missing database grant is shown in the page)
      return { result: undefined, error: describeListError(t, error, can(operator, found.resource, 'hardDelete')) };
    },
  );
  // Only a choice the list accepted; one statement that writes only when the choice changed.
  if (outcome.result && typeof cols === 'string') {
    await rememberColumns(operator, found.resource, cols).catch((error: Error) =>
      log.warn(`columns of ${found.resource.name} not remembered: ${error.message}`),
    );
  }
  const { exactCount, ...result } = outcome.result ?? { ...empty(found.resource.pageSize), sort: found.resource.defaultSort };
  // Row checkboxes only for an operator who may run a bulk action here.
  const bulk = bulkCapabilities(operator, found.resource);
  return (
    <ResourceListView
      resource={toClientResource(resourceAsSeenBy(operator, found.resource))}
      result={result}
      exactCount={exactCount}
      bulk={bulk}
      error={outcome.error}
      views={<SavedViewsMenu domain={found.domain} resource={found.resource.name} views={await views} impliedColumns={remembered?.join(',')} />}
    />
  );
}
