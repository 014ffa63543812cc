import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from '../ui/button';

export interface SelectionBarProps {
  count: number;
  bulkActions?: ReactNode;
  onClear: () => void;
}

/** Shown while rows are selected: the count, the page's bulk actions and a way out. */
export function SelectionBar({ count, bulkActions, onClear }: SelectionBarProps) {
  const t = useTranslations('table');
  return (
    <div
      role="region"
      aria-label={t('selection')}
      data-testid="selection-bar"
      className="flex flex-wrap items-center gap-2 border-b bg-accent/60 px-4 py-2 text-sm text-accent-foreground"
    >
      <span className="font-medium" aria-live="polite">
        {t('selectedCount', { count })}
      </span>
      {bulkActions ? <div className="flex flex-wrap items-center gap-2">{bulkActions}</div> : null}
      <Button variant="ghost" size="sm" className="ml-auto" onClick={onClear} data-testid="selection-clear">
        {t('clearSelection')}
      </Button>
    </div>
  );
}
