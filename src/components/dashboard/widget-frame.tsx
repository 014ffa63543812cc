import type { ReactNode } from 'react';
import type { WidgetDisplay } from '@admin-hub/engine/dashboard/types';
import { Badge } from '../ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../ui/card';
import { cn } from '../ui/cn';

/** Charts take two grid columns, figures and tables one. */
export function widgetSpan(display: WidgetDisplay): string {
  return display.kind === 'line' || display.kind === 'bar' ? 'md:col-span-2' : '';
}

export interface WidgetFrameProps {
  id: string;
  title: string;
  description?: string;
  domain: string;
  display: WidgetDisplay;
  state: 'loading' | 'ok' | 'error';
  /** Right of the domain badge: refresh state, timing. */
  aside?: ReactNode;
  children: ReactNode;
}

/** The card around a widget, the same while loading, loaded and failed, so nothing jumps. */
export function WidgetFrame({ id, title, description, domain, display, state, aside, children }: WidgetFrameProps) {
  return (
    <Card
      className={cn('min-w-0', widgetSpan(display))}
      data-testid={`widget-${id}`}
      data-state={state}
      data-kind={display.kind}
      aria-busy={state === 'loading' || undefined}
      aria-labelledby={`widget-${id}-title`}
      role="region"
    >
      <CardHeader className="flex-row items-start justify-between gap-3 pb-3 sm:pb-4">
        <div className="flex min-w-0 flex-col gap-1.5">
          <CardTitle id={`widget-${id}-title`} className="text-base">
            {title}
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {aside}
          <Badge variant="outline" data-value="">
            {domain}
          </Badge>
        </div>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col justify-center">{children}</CardContent>
    </Card>
  );
}
