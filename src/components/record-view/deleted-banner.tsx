import { Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';

/** Says loudly that the record is soft-deleted: hidden from the list, in the trash until restored. */
export function DeletedBanner({ when, trashHref, children }: { when: unknown; trashHref: string; children?: ReactNode }) {
  const at = typeof when === 'string' && !Number.isNaN(Date.parse(when)) ? new Date(when) : undefined;
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-xl border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
      data-testid="deleted-banner"
    >
      <Trash2 className="size-5 shrink-0 text-destructive" aria-hidden="true" />
      <div className="flex min-w-0 flex-1 flex-col">
        <strong className="font-semibold">This record is deleted.</strong>
        <span className="text-muted-foreground">
          Deleted{at ? ` on ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}. It is hidden from the list and kept in the{' '}
          <a className="text-primary underline" href={trashHref}>
            trash
          </a>{' '}
          until someone restores it.
        </span>
      </div>
      {children}
    </div>
  );
}
