import { forbidden } from 'next/navigation';
import { can } from '@/engine/auth/access';
import { listResource } from '@/engine/list/run-list';
import type { SearchParams } from '@/engine/list/list-query';
import { requirePageOperator } from '@/web/operator';
import { pageResource } from '@/web/page-resource';
import { VipCustomersView } from './vip-customers-view';

export const dynamic = 'force-dynamic';

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
  const result = await listResource(operator, domain, resource, { q: params.q, after: params.after, before: params.before, 'f.vip': 'true' });
  return <VipCustomersView rows={result.rows} next={result.next} previous={result.previous} search={result.search ?? ''} total={result.count.label} />;
}
