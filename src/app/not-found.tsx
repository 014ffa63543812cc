import { SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/shell/status-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('status'))('notFoundTitle') };
}

/**
 * Not found outside the hub's pages. An address no route matches is answered inside the hub
 * ((hub)/[...missing] and (hub)/not-found.tsx, with the sidebar and search for a signed-in
 * operator); this plain page is what is left, and it says nothing about what exists. It renders
 * no hub shell: this page belongs to the root layout, so the shell's client components would be
 * in the first load of every page, the sign-in page included (issue 18).
 */
export default function NotFound() {
  const t = useTranslations('status');
  return (
    <main className="p-6">
      <StatusPage icon={SearchX} code="404" title={t('notFoundTitle')} testId="not-found">
        <p>{t('notFoundHere')}</p>
      </StatusPage>
    </main>
  );
}
