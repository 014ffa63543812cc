import Link from 'next/link';

export interface ReferrerGroup {
  key: string;
  /** "Posts", and the column that refers here: "Author". */
  title: string;
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

const number = new Intl.NumberFormat('en-US');

/** "Referenced by": the rows of other resources whose foreign key points at this record. */
export function ReferencedBy({ groups }: { groups: ReferrerGroup[] }) {
  return (
    <section aria-labelledby="referenced-by" className="flex flex-col gap-3" data-testid="referenced-by">
      <h2 id="referenced-by" className="text-base font-semibold">
        Referenced by
      </h2>
      {groups.length === 0 ? (
        <p className="text-sm text-muted-foreground">No other rows refer to this one.</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {groups.map((g) => (
            <li key={g.key} className="flex flex-col gap-1 rounded-lg border bg-card p-3 text-sm" data-testid={`referrer-${g.key}`}>
              <Link href={g.href} className="font-medium text-primary hover:underline" data-testid={`referrer-link-${g.key}`}>
                {number.format(g.count)}
                {g.capped ? '+' : ''} {g.title.toLowerCase()}
              </Link>
              <span className="text-xs text-muted-foreground">
                by {g.columnLabel.toLowerCase()}
                {g.filtered ? '' : ' · the list cannot filter by it, so these are some of them:'}
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
