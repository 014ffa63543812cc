'use client';

import { RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ClientWidget, WidgetResult } from '@admin-hub/engine/dashboard/types';
import { cn } from '../ui/cn';
import { refreshWidget } from '@/web/dashboard-actions';
import { FailureNotice } from './failure-notice';
import { WidgetChart } from './widget-chart';
import { WidgetFrame } from './widget-frame';
import { WidgetNumber } from './widget-number';
import { WidgetTable } from './widget-table';

/**
 * A loaded widget. It starts from the result the server streamed in; a widget with
 * refreshSeconds asks the server again on that interval (not while the tab is hidden, never
 * two at once) and keeps showing the last result if the network fails in between.
 */
export function WidgetPanel({ widget, initial }: { widget: ClientWidget; initial: WidgetResult }) {
  const t = useTranslations('dashboard');
  const [result, setResult] = useState(initial);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    if (!widget.refreshSeconds) return;
    let busy = false;
    let live = true;
    const timer = setInterval(() => {
      if (busy || document.hidden) return;
      busy = true;
      setRefreshing(true);
      refreshWidget(widget.id)
        .then((next) => live && setResult(next))
        .catch(() => {}) // offline or the server restarting: the next tick tries again
        .finally(() => {
          busy = false;
          if (live) setRefreshing(false);
        });
    }, widget.refreshSeconds * 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [widget.id, widget.refreshSeconds]);

  const aside = widget.refreshSeconds ? (
    <span className="text-muted-foreground" title={t('refreshesEveryShort', { seconds: widget.refreshSeconds })}>
      <RefreshCw aria-hidden="true" className={cn('size-3.5', refreshing && 'animate-spin motion-reduce:animate-none')} />
      <span className="sr-only">{refreshing ? t('refreshing') : t('refreshesEvery', { seconds: widget.refreshSeconds })}</span>
    </span>
  ) : null;

  return (
    <WidgetFrame {...widget} state={result.ok ? 'ok' : 'error'} aside={aside}>
      <div data-ms={result.ms} className="min-w-0">
        {!result.ok ? (
          <FailureNotice reason={result.reason} error={result.error} />
        ) : widget.display.kind === 'number' ? (
          <WidgetNumber display={widget.display} rows={result.rows} />
        ) : widget.display.kind === 'table' ? (
          <WidgetTable display={widget.display} rows={result.rows} />
        ) : (
          <WidgetChart display={widget.display} rows={result.rows} title={widget.title} />
        )}
      </div>
    </WidgetFrame>
  );
}
