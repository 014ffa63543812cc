'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ListCount } from '@admin-hub/engine/list/run-list';

/**
 * The list's count, and the exact one once it streams in: the page renders with what was
 * known at once (an estimate) and hands the exact count (`count=exact`) over as a promise;
 * the rows never wait for it. A newer page with its own promise starts over from its estimate.
 */
export function useStreamedCount(initial: ListCount, pending: Promise<ListCount> | undefined): { count: ListCount; counting: boolean } {
  const [streamed, setStreamed] = useState<{ from: Promise<ListCount>; count: ListCount | null } | undefined>(undefined);
  useEffect(() => {
    if (!pending) return;
    let current = true;
    pending.then(
      (count) => current && setStreamed({ from: pending, count }),
      // The count failed (e.g. the database went away): the estimate stays, without "Counting…".
      () => current && setStreamed({ from: pending, count: null }),
    );
    return () => {
      current = false;
    };
  }, [pending]);
  const settled = pending !== undefined && streamed?.from === pending;
  return { count: (settled && streamed.count) || initial, counting: pending !== undefined && !settled };
}

export interface CountNoteProps {
  count: ListCount;
  /** The exact count is on its way (streamed after the rows). */
  counting: boolean;
  /** Asks for the same list with `count=exact`. */
  onCountExactly: () => void;
}

/**
 * Beside "Rows 1–50 of about 600,000": "Counting…" while the exact count streams in; otherwise,
 * for an estimate (or "many"), a "Count exactly" control and, when the planner may be badly
 * off, why the number is only an estimate. Nothing for an exact count, or no count at all.
 */
export function CountNote({ count, counting, onCountExactly }: CountNoteProps) {
  const t = useTranslations('list');
  if (counting)
    return (
      <span className="text-muted-foreground text-xs" role="status" data-testid="count-pending">
        {t('countingExactly')}
      </span>
    );
  if (count.exact || count.label === '') return null;
  return (
    <span className="flex flex-wrap items-center gap-x-1 text-xs" data-testid="count-note">
      {count.caution ? (
        <span className="text-muted-foreground" data-testid="count-caution">
          {count.caution.replace(/ ?Count exactly \(count=exact\) for the real number\.$/, '')}
        </span>
      ) : null}
      <Button variant="ghost" size="sm" className="h-7 px-2" onClick={onCountExactly} data-testid="count-exactly">
        {t('countExactly')}
      </Button>
    </span>
  );
}
