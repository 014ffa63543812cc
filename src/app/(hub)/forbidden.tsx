import { Lock } from 'lucide-react';
import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/shell/status-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('status'))('forbiddenTitle') };
}

/** A page the operator's roles do not include, inside the shell (its <main> is the shell's). */
export default function HubForbidden() {
  const t = useTranslations('status');
  return (
    <StatusPage icon={Lock} code="403" title={t('forbiddenTitle')} testId="forbidden">
      <p>{t('forbiddenText')}</p>
    </StatusPage>
  );
}
