import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { DomainResults } from '@admin-hub/engine/search/search-all';

/** Results grouped by domain and resource; a domain that could not answer says so. */
export function SearchResults({ results, onNavigate }: { results: DomainResults[]; onNavigate?: () => void }) {
  const t = useTranslations('search');
  if (results.length === 0) return <p className="text-sm text-muted-foreground">{t('typeTwo')}</p>;
  return (
    <div className="flex flex-col gap-4" data-testid="search-results">
      {results.map((d) => (
        <section key={d.domain} data-testid={`search-domain-${d.domain}`}>
          <h2 className="mb-1 flex items-center gap-2 text-sm font-semibold">
            {d.domain}
            {d.status !== 'ok' ? (
              <Badge variant="warning" data-testid={`search-missing-${d.domain}`}>
                {t('resultsMissing', { status: t(`status.${d.status}`) })}
              </Badge>
            ) : null}
          </h2>
          {d.error ? <p className="text-xs text-muted-foreground">{d.error}</p> : null}
          {d.status === 'ok' && d.groups.every((g) => g.hits.length === 0) ? <p className="text-xs text-muted-foreground">{t('noMatches')}</p> : null}
          {d.groups.map((g) => (
            <div key={g.resource} className="mb-2">
              <div className="text-xs uppercase tracking-wide text-muted-foreground">{g.title}</div>
              {g.note ? (
                <p className="text-xs text-muted-foreground" data-testid={`search-note-${d.domain}-${g.resource}`}>
                  {g.note}
                </p>
              ) : null}
              <ul>
                {g.hits.map((h) => (
                  <li key={h.id}>
                    <Link href={h.href} onClick={onNavigate} className="block rounded px-2 py-1 text-sm hover:bg-muted focus:bg-muted focus:outline-none">
                      {h.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
