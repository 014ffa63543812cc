import { LayoutDashboard } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Suspense } from 'react';
import type { Operator } from '@admin-hub/engine/auth/operator';
import { toClientWidget } from '@admin-hub/engine/dashboard';
import type { Widget } from '@admin-hub/engine/dashboard/types';
import { ResourceHeader } from '../admin-resource-table';
import { DomainCardSkeleton } from './domain-card';
import { DomainCardSlot, HubHealthSkeleton, HubHealthSlot, WidgetSlot } from './slots';
import { WidgetSkeleton } from './widget-skeleton';

export interface DashboardProps {
  operator: Operator;
  /** The domains this operator may see, in configuration order. */
  domains: string[];
  /** The widgets this operator may see (visibleWidgets), in declaration order. */
  widgets: Widget[];
}

/**
 * The home page: KPI widgets, then one card per domain. The shell and every skeleton are sent
 * at once; each widget and card streams in behind its own Suspense boundary as its queries
 * finish, all of them started in parallel.
 */
export function Dashboard({ operator, domains, widgets }: DashboardProps) {
  const t = useTranslations('dashboard');
  const noRole = domains.length === 0 && !operator.superadmin;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" data-testid="dashboard">
      <ResourceHeader
        title={t('title')}
        subtitle={t('subtitle')}
        icon={LayoutDashboard}
        iconColor="blue"
        actions={
          operator.superadmin ? (
            <Suspense fallback={<HubHealthSkeleton />}>
              <HubHealthSlot />
            </Suspense>
          ) : undefined
        }
      />

      {noRole ? (
        <p className="rounded-lg border bg-card p-4 text-sm" data-testid="no-access">
          {t('noRole')}
        </p>
      ) : null}
      {!noRole && domains.length === 0 ? (
        <p className="rounded-lg border bg-card p-4 text-sm" data-testid="no-domains">
          {t('noDomains')}
        </p>
      ) : null}

      {widgets.length > 0 ? (
        <section aria-labelledby="dashboard-widgets" className="flex flex-col gap-3">
          <h2 id="dashboard-widgets" className="sr-only">
            {t('keyFigures')}
          </h2>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="widget-grid">
            {widgets.map((w) => (
              <Suspense key={w.id} fallback={<WidgetSkeleton widget={toClientWidget(w)} />}>
                <WidgetSlot operator={operator} widget={w} />
              </Suspense>
            ))}
          </div>
        </section>
      ) : null}

      {domains.length > 0 ? (
        <section aria-labelledby="dashboard-domains" className="flex flex-col gap-3">
          <h2 id="dashboard-domains" className="text-sm font-medium text-muted-foreground">
            {t('domains')}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2" data-testid="domain-list">
            {domains.map((d) => (
              <Suspense key={d} fallback={<DomainCardSkeleton domain={d} />}>
                <DomainCardSlot operator={operator} domain={d} />
              </Suspense>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
