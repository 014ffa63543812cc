import type { SearchParams } from '@admin-hub/engine/list/list-query';
import { renderAuditPage } from '@/web/audit-page';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { superadminMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return superadminMetadata((await getTranslations('audit'))('auditLog'));
}

export default async function AuditPage(props: { searchParams: Promise<SearchParams> }) {
  return renderAuditPage(undefined, await props.searchParams);
}
