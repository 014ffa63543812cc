import { ResourceHeader } from '@/components/admin-resource-table';
import { SearchResults } from '@/components/search/search-results';
import { Input } from '@/components/ui/input';
import { searchEverywhere } from '@admin-hub/engine/search/search-all';
import { requirePageOperator } from '@/web/operator';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('search'))('title') };
}

/** The search page: the same search as the palette, as a shareable URL (/search?q=…). */
export default async function SearchPage(props: { searchParams: Promise<{ q?: string | string[] }> }) {
  const operator = await requirePageOperator('/search');
  const raw = (await props.searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const [results, t] = await Promise.all([searchEverywhere(operator, q), getTranslations('search')]);
  return (
    <div className="flex flex-col gap-4">
      <ResourceHeader title={t('title')} subtitle={t('subtitle')} />
      <form action="/search" className="max-w-xl">
        <Input name="q" defaultValue={q} placeholder={t('placeholder')} aria-label={t('title')} />
      </form>
      <SearchResults results={results} />
    </div>
  );
}
