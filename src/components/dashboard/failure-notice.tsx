import { Clock, Lock, TriangleAlert, Unplug } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { FailureReason } from '@admin-hub/engine/dashboard/types';
import { RetryButton } from './retry-button';

const ICONS = { timeout: Clock, unavailable: Unplug, forbidden: Lock, failed: TriangleAlert } as const;

/** The reason a card or widget has no data (the engine's message, safe to show) and a Retry button. */
export function FailureNotice({ reason, error, retry = true }: { reason: FailureReason; error: string; retry?: boolean }) {
  const t = useTranslations('dashboard');
  const Icon = ICONS[reason];
  return (
    <div role="alert" className="flex flex-col items-start gap-3" data-testid="dashboard-error" data-reason={reason}>
      <div className="flex items-start gap-3">
        <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-destructive/15 text-destructive">
          <Icon aria-hidden="true" className="size-4" />
        </span>
        <div className="min-w-0">
          <div className="text-sm font-medium text-foreground">{t(`failure.${reason}`)}</div>
          <p className="text-sm break-words text-muted-foreground" data-testid="dashboard-error-message">
            {error}
          </p>
        </div>
      </div>
      {retry && reason !== 'forbidden' ? <RetryButton /> : null}
    </div>
  );
}
