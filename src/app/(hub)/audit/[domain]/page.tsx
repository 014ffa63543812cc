import type { SearchParams } from '@admin-hub/engine/list/list-query';
import { renderAuditPage } from '@/web/audit-page';
import type { Metadata } from 'next';
import { domainAuditMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: { params: Promise<{ domain: string }> }): Promise<Metadata> {
  return domainAuditMetadata((await props.params).domain);
}

export default async function DomainAuditPage(props: { params: Promise<{ domain: string }>; searchParams: Promise<SearchParams> }) {
  const [{ domain }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return renderAuditPage(domain, searchParams);
}
