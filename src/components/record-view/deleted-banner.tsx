import { Trash2 } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { RECORD_MOMENT } from '@/components/renderers/date-time';

/**
 * Says loudly that the record is soft-deleted: hidden from the list, in the trash until
 * restored; when, in the operator's time zone, the zone named.
 */
export function DeletedBanner({ when, trashHref, children }: { when: unknown; trashHref: string; children?: ReactNode }) {
  const t = useTranslations('record');
  const format = useFormatter();
  const at = typeof when === 'string' && !Number.isNaN(Date.parse(when)) ? new Date(when) : undefined;
  const trash = (chunks: ReactNode) => (
    <a className="text-primary underline" href={trashHref}>
      {chunks}
    </a>
  );
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-xl border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
      data-testid="deleted-banner"
    >
      <Trash2 className="size-5 shrink-0 text-destructive" aria-hidden="true" />
      <div className="flex min-w-0 flex-1 flex-col">
        <strong className="font-semibold">{t('deleted.title')}</strong>
        <span className="text-muted-foreground">
          {at ? t.rich('deleted.textOn', { when: format.dateTime(at, RECORD_MOMENT), trash }) : t.rich('deleted.text', { trash })}
        </span>
      </div>
      {children}
    </div>
  );
}
