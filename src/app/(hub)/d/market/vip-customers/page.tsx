import { forbidden } from 'next/navigation';
import { can } from '@admin-hub/engine/auth/access';
import { ForbiddenError } from '@admin-hub/engine/auth/errors';
import { listResource } from '@admin-hub/engine/list/run-list';
import type { SearchParams } from '@admin-hub/engine/list/list-query';
import { rowsOf } from '@admin-hub/engine/resources/rows';
import { requirePageOperator } from '@/web/operator';
import { describePageError } from '@/web/page-guard';
import { pageResource } from '@/web/page-resource';
import { VipCustomersView } from './vip-customers-view';
import { domainTitle } from '@/app/page-titles';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: t('inDomain', { page: t('vip.title'), domain: domainTitle('market') }) };
}

/**
 * A custom page: VIP customers only, with a hand-made layout. It reads through the same
 * engine as the generic list (so paging, search and the 400s behave the same) and renders
 * with the same AdminResourceTable; only the columns and the fixed filter are its own.
 */
export default async function VipCustomersPage(props: { searchParams: Promise<SearchParams> }) {
  const operator = await requirePageOperator('/d/market/vip-customers');
  const { domain, resource } = await pageResource('market', 'customers'); // a 404 where market is not configured
  const params = await props.searchParams;
  if (!can(operator, resource, 'read')) forbidden();
  const t = await getTranslations('common');
  // A bad link (a cursor from another list, a repeated or unreadable parameter) is shown in the page, as on every list.
  const outcome = await listResource(operator, domain, resource, { q: params.q, after: params.after, before: params.before, 'f.vip': 'true' }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => {
      if (error instanceof ForbiddenError) forbidden();
      const { status, message } = describePageError(error);
      return { result: undefined, error: { title: status === 400 ? t('vip.invalidListParameters') : t('vip.listNotLoaded'), message } };
    },
  );
  const { result, error } = outcome;
  return (
    <VipCustomersView
      rows={rowsOf(resource, 'market', 'customers', result?.rows ?? [])}
      next={result?.next ?? null}
      previous={result?.previous ?? null}
      search={result?.search ?? (typeof params.q === 'string' ? params.q : '')}
      total={result?.count.label ?? '0'}
      error={error}
    />
  );
}
