import { useTranslations } from 'next-intl';
import type { ClientWidget } from '@admin-hub/engine/dashboard/types';
import { Skeleton } from '../ui/skeleton';
import { WidgetFrame } from './widget-frame';

/** A widget's place while its query runs: its real title and size, a pulsing body. */
export function WidgetSkeleton({ widget }: { widget: ClientWidget }) {
  const t = useTranslations('dashboard');
  const { kind } = widget.display;
  return (
    <WidgetFrame {...widget} state="loading">
      {kind === 'number' ? (
        <div className="flex flex-col gap-2">
          <Skeleton className="h-10 w-24" />
          <Skeleton className="h-4 w-48" />
        </div>
      ) : kind === 'table' ? (
        <div className="flex flex-col gap-2.5">
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      ) : (
        <Skeleton className="h-60 w-full" />
      )}
      <span className="sr-only">{t('loadingName', { name: widget.title })}</span>
    </WidgetFrame>
  );
}
