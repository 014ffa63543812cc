import { forbidden, notFound } from 'next/navigation';
import { ResourceListView } from '@/components/resource-list/resource-list-view';
import { can, resourceAsSeenBy } from '@/engine/auth/access';
import { ForbiddenError } from '@/engine/auth/errors';
import { toHttpError } from '@/engine/http/errors';
import { listResource, type ListResult } from '@/engine/list/run-list';
import { bulkCapabilities } from '@/engine/records/bulk';
import type { SearchParams } from '@/engine/list/list-query';
import { toClientResource } from '@/engine/resources/define';
import { findResource } from '@/engine/resources/registry';
import { requirePageOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

const empty = (pageSize: number): ListResult => ({
  rows: [],
  columns: [],
  sort: { column: '', direction: 'asc' },
  search: undefined,
  pageSize,
  page: undefined,
  next: null,
  previous: null,
  count: { value: 0, exact: true, label: '0' },
  trash: false,
});

/** A bad link or an unavailable domain is shown in the page, with what was wrong. */
function describeListError(error: unknown, mayRefresh: boolean): { title: string; message: string; refreshable?: boolean } {
  const { status, body } = toHttpError(error);
  const message = body.problems?.map((p) => `${p.param}: ${p.message}`).join('\n') ?? body.error;
  const titles: Record<number, string> = { 400: 'This link has invalid list parameters', 403: 'No access', 503: 'The domain is unavailable' };
  const title = titles[status] ?? 'The list could not be loaded';
  const notPopulated = status === 409 && /has not been populated yet/.test(message);
  return { title: notPopulated ? 'Not populated yet' : title, message, refreshable: notPopulated && mayRefresh };
}

/** The generic list page of every defined or introspected resource. */
export default async function ResourceListPage(props: { params: Promise<{ domain: string; resource: string }>; searchParams: Promise<SearchParams> }) {
  const [{ domain: domainName, resource: resourceName }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const operator = await requirePageOperator(`/d/${domainName}/${resourceName}`);
  const found = await findResource(domainName, resourceName).catch((error) => {
    if (toHttpError(error).status === 404) notFound();
    throw error;
  });
  const outcome = await listResource(operator, found.domain, found.resource, searchParams).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => {
      if (error instanceof ForbiddenError) forbidden(); // a real 403, same for every row (a missing database grant is shown in the page)
      return { result: undefined, error: describeListError(error, can(operator, found.resource, 'hardDelete')) };
    },
  );
  const result = outcome.result ?? { ...empty(found.resource.pageSize), sort: found.resource.defaultSort };
  // Row checkboxes only for an operator who may run a bulk action here.
  const bulk = bulkCapabilities(operator, found.resource);
  return <ResourceListView resource={toClientResource(resourceAsSeenBy(operator, found.resource))} result={result} bulk={bulk} error={outcome.error} />;
}
