import { RefreshCw, TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '../ui/button';
import type { ResourceError } from './types';

/** Replaces the table when loading failed; `role="alert"` so screen readers announce it. */
export function ErrorPanel({ title, message, retry, action }: ResourceError) {
  const t = useTranslations('table');
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-4 py-12 text-center" data-testid="error-panel">
      <span className="flex size-10 items-center justify-center rounded-full bg-destructive/15 text-destructive">
        <TriangleAlert aria-hidden="true" className="size-5" />
      </span>
      <h2 className="font-medium text-foreground">{title}</h2>
      <p className="max-w-md text-sm break-words text-muted-foreground">{message}</p>
      {action}
      {retry ? (
        <Button variant="outline" size="sm" className="mt-2" onClick={retry} data-testid="error-retry">
          <RefreshCw aria-hidden="true" />
          {t('tryAgain')}
        </Button>
      ) : null}
    </div>
  );
}
