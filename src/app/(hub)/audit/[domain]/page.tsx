import type { SearchParams } from '@/engine/list/list-query';
import { renderAuditPage } from '@/web/audit-page';

export const dynamic = 'force-dynamic';

export default async function DomainAuditPage(props: { params: Promise<{ domain: string }>; searchParams: Promise<SearchParams> }) {
  const [{ domain }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return renderAuditPage(domain, searchParams);
}
