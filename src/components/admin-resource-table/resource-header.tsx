import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../ui/cn';
import { iconColorClasses } from './icon-colors';
import type { IconColor } from './types';

export interface ResourceHeaderProps {
  title: string;
  titleId?: string;
  subtitle?: string;
  icon?: LucideIcon;
  iconColor?: IconColor;
  actions?: ReactNode;
  /** The title's heading level: 1 for a page's own header (default), 2 for a table inside a page (a record's inline tables). */
  headingLevel?: 1 | 2;
}

/** Icon, title, subtitle and action buttons; wraps onto two lines on narrow screens. */
export function ResourceHeader({ title, titleId, subtitle, icon: Icon, iconColor = 'blue', actions, headingLevel = 1 }: ResourceHeaderProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h1';
  return (
    <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-3" data-testid="resource-header">
      <div className="flex min-w-0 items-center gap-3">
        {Icon ? (
          <span
            className={cn('flex size-10 shrink-0 items-center justify-center rounded-lg ring-1 ring-inset', iconColorClasses[iconColor])}
            data-testid="resource-icon"
          >
            <Icon aria-hidden="true" className="size-5" />
          </span>
        ) : null}
        <div className="min-w-0">
          <Heading id={titleId} className={cn('truncate font-semibold tracking-tight text-foreground', headingLevel === 2 ? 'text-base' : 'text-xl')}>
            {title}
          </Heading>
          {subtitle ? <p className="text-sm text-muted-foreground">{subtitle}</p> : null}
        </div>
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
