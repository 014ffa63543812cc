import type { SearchParams } from '@admin-hub/engine/list/list-query';
import { renderAuditPage } from '@/web/audit-page';
import type { Metadata } from 'next';
import { superadminMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return superadminMetadata('Audit log');
}

export default async function AuditPage(props: { searchParams: Promise<SearchParams> }) {
  return renderAuditPage(undefined, await props.searchParams);
}
