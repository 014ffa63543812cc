import { Lock } from 'lucide-react';
import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/shell/status-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('status'))('forbiddenTitle') };
}

/** Outside the hub's pages (its own forbidden.tsx covers those): a page of its own, with one <main>. */
export default function Forbidden() {
  const t = useTranslations('status');
  return (
    <main className="p-6">
      <StatusPage icon={Lock} code="403" title={t('forbiddenTitle')} testId="forbidden">
        <p>{t('forbiddenText')}</p>
      </StatusPage>
    </main>
  );
}
