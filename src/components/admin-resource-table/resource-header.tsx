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
}

/** Icon, title, subtitle and action buttons; wraps onto two lines on narrow screens. */
export function ResourceHeader({ title, titleId, subtitle, icon: Icon, iconColor = 'blue', actions }: ResourceHeaderProps) {
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
          <h1 id={titleId} className="truncate text-xl font-semibold tracking-tight text-foreground">
            {title}
          </h1>
          {subtitle ? <p className="text-sm text-muted-foreground">{subtitle}</p> : null}
        </div>
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
