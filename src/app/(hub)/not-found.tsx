import { SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/shell/status-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('status'))('notFoundTitle') };
}

/** A missing record, resource or domain inside the hub: shown in the shell, with its sidebar and search. */
export default function HubNotFound() {
  const t = useTranslations('status');
  return (
    <StatusPage icon={SearchX} code="404" title={t('notFoundTitle')} testId="not-found">
      <p>{t('notFoundInHub')}</p>
    </StatusPage>
  );
}
