import { useTranslations } from 'next-intl';
import { Card } from '../ui/card';
import { Skeleton } from '../ui/skeleton';
import { ResourceHeader } from './resource-header';
import type { IconColor } from './types';
import type { LucideIcon } from 'lucide-react';

export interface AdminResourceTableSkeletonProps {
  /** Known while the data is not, e.g. in a route's loading.tsx; a bar is drawn without it. */
  title?: string;
  subtitle?: string;
  icon?: LucideIcon;
  iconColor?: IconColor;
  columns?: number;
  rows?: number;
  /** Placeholder for a form page instead of a list. */
  headersOnly?: boolean;
}

/**
 * Suspense / loading.tsx fallback shaped like AdminResourceTable, so the page does not jump
 * when the data arrives. Renders on the server too (next-intl's useTranslations works in server components).
 */
export function AdminResourceTableSkeleton({ title, subtitle, icon, iconColor, columns = 5, rows = 8, headersOnly = false }: AdminResourceTableSkeletonProps) {
  const t = useTranslations('table');
  return (
    <section
      className="flex min-w-0 flex-col gap-4"
      aria-busy="true"
      aria-label={title ? t('loadingTitle', { title }) : t('loading')}
      data-testid="admin-resource-table-skeleton"
    >
      {title ? (
        <ResourceHeader title={title} subtitle={subtitle} icon={icon} iconColor={iconColor} />
      ) : (
        <div className="flex items-center gap-3">
          <Skeleton className="size-10 rounded-lg" />
          <div className="flex flex-col gap-2">
            <Skeleton className="h-6 w-48" />
            <Skeleton className="h-4 w-72 max-w-[60vw]" />
          </div>
        </div>
      )}
      {headersOnly ? (
        <Card className="gap-4 p-6">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="flex flex-col gap-2">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-9 w-full" />
            </div>
          ))}
        </Card>
      ) : (
        <Card className="min-w-0 overflow-hidden">
          <div className="flex flex-wrap items-center gap-2 border-b p-3">
            <Skeleton className="h-9 w-full sm:w-64" />
            <Skeleton className="ml-auto h-8 w-24" />
          </div>
          <div className="flex flex-col">
            {Array.from({ length: rows + 1 }, (_, r) => (
              <div key={r} className="flex gap-6 border-b px-4 py-3 last:border-b-0">
                {Array.from({ length: columns }, (_, c) => (
                  <Skeleton key={c} className={r === 0 ? 'h-3 flex-1' : 'h-4 flex-1'} />
                ))}
              </div>
            ))}
          </div>
        </Card>
      )}
    </section>
  );
}
