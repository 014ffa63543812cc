import type { SearchParams } from '@/engine/list/list-query';
import { renderAuditPage } from '@/web/audit-page';
import type { Metadata } from 'next';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage(props: { searchParams: Promise<SearchParams> }) {
  return renderAuditPage(undefined, await props.searchParams);
}
