import type { SearchParams } from '@/engine/list/list-query';
import { renderAuditPage } from '@/web/audit-page';

export const dynamic = 'force-dynamic';

export default async function AuditPage(props: { searchParams: Promise<SearchParams> }) {
  return renderAuditPage(undefined, await props.searchParams);
}
