import { ArrowDownRight, ArrowRight, ArrowUpRight } from 'lucide-react';
import type { NumberDisplay, WidgetRow } from '@admin-hub/engine/dashboard/types';
import { useTranslations } from 'next-intl';
import { cn } from '../ui/cn';
import { change, toNumber, useDashboardFormat } from './format';

/** One big figure from the first row, and its change against a previous figure when declared. */
export function WidgetNumber({ display, rows }: { display: NumberDisplay; rows: WidgetRow[] }) {
  const t = useTranslations('dashboard');
  const f = useDashboardFormat();
  const row = rows[0];
  const value = toNumber(row?.[display.valueColumn]);
  const previous = display.previousColumn ? toNumber(row?.[display.previousColumn]) : null;
  const delta = value === null ? null : change(value, previous);
  const format = display.format ?? 'decimal';
  const Arrow = delta === null || delta === 0 ? ArrowRight : delta > 0 ? ArrowUpRight : ArrowDownRight;
  return (
    <div className="flex flex-col gap-2">
      <div className="text-4xl font-semibold tracking-tight text-foreground tabular-nums" data-testid="widget-value">
        {value === null ? '—' : f.cell(row?.[display.valueColumn], format)}
      </div>
      {display.previousColumn ? (
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground" data-testid="widget-change">
          {delta !== null ? (
            <span
              className={cn(
                'inline-flex items-center gap-0.5 rounded-md px-1.5 py-0.5 font-medium text-foreground tabular-nums',
                delta > 0 ? 'bg-success/15' : delta < 0 ? 'bg-destructive/15' : 'bg-muted',
              )}
            >
              <Arrow aria-hidden="true" className="size-3.5" />
              {f.signedPercent(delta)}
            </span>
          ) : null}
          <span>
            {previous === null
              ? t('nothingToCompare')
              : display.previousLabel
                ? t('versusLabel', { value: f.cell(row?.[display.previousColumn], format), label: display.previousLabel })
                : t('versus', { value: f.cell(row?.[display.previousColumn], format) })}
          </span>
        </div>
      ) : null}
    </div>
  );
}
