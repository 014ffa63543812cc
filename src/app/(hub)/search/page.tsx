import { ResourceHeader } from '@/components/admin-resource-table';
import { SearchResults } from '@/components/search/search-results';
import { Input } from '@/components/ui/input';
import { searchEverywhere } from '@admin-hub/engine/search/search-all';
import { requirePageOperator } from '@/web/operator';
import type { Metadata } from 'next';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Search' };

/** The search page: the same search as the palette, as a shareable URL (/search?q=…). */
export default async function SearchPage(props: { searchParams: Promise<{ q?: string | string[] }> }) {
  const operator = await requirePageOperator('/search');
  const raw = (await props.searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const results = await searchEverywhere(operator, q);
  return (
    <div className="flex flex-col gap-4">
      <ResourceHeader title="Search" subtitle="Every domain you can see, at once" />
      <form action="/search" className="max-w-xl">
        <Input name="q" defaultValue={q} placeholder="Search…" aria-label="Search" />
      </form>
      <SearchResults results={results} />
    </div>
  );
}
