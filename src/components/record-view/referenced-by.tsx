import Link from 'next/link';
import { useTranslations } from 'next-intl';

export interface ReferrerGroup {
  key: string;
  /** "Posts" (and "Post", for one), and the column that refers here: "Author". */
  title: string;
  singular: string;
  columnLabel: string;
  count: number;
  /** 1,000 means "at least". */
  capped: boolean;
  /** The referrer's list, filtered by the column when that list has a filter for it. */
  href: string;
  filtered: boolean;
  /** Links to a few referring rows (always given; shown when the list link is unfiltered). */
  samples: { href: string; label: string }[];
}

/** "Referenced by": the rows of other resources whose foreign key points at this record. */
export function ReferencedBy({ groups }: { groups: ReferrerGroup[] }) {
  const t = useTranslations('record');
  return (
    <section aria-labelledby="referenced-by" className="flex flex-col gap-3" data-testid="referenced-by">
      <h2 id="referenced-by" className="text-base font-semibold">
        {t('referencedBy.title')}
      </h2>
      {groups.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('referencedBy.none')}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {groups.map((g) => (
            <li key={g.key} className="flex flex-col gap-1 rounded-lg border bg-card p-3 text-sm" data-testid={`referrer-${g.key}`}>
              <Link href={g.href} className="font-medium text-primary hover:underline" data-testid={`referrer-link-${g.key}`}>
                {g.capped
                  ? t('referencedBy.countCapped', { count: g.count, resource: g.title.toLowerCase() })
                  : t('referencedBy.count', { count: g.count, resource: g.title.toLowerCase(), singular: g.singular.toLowerCase() })}
              </Link>
              <span className="text-xs text-muted-foreground">
                {g.filtered
                  ? t('referencedBy.by', { column: g.columnLabel.toLowerCase() })
                  : t('referencedBy.byUnfiltered', { column: g.columnLabel.toLowerCase() })}
              </span>
              {!g.filtered ? (
                <span className="flex flex-wrap gap-x-2 gap-y-1">
                  {g.samples.map((s) => (
                    <Link key={s.href} href={s.href} className="font-mono text-xs text-primary hover:underline">
                      {s.label}
                    </Link>
                  ))}
                  {g.count > g.samples.length ? <span className="text-xs text-muted-foreground">…</span> : null}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
