import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { Operator } from '@admin-hub/engine/auth/operator';
import { loadDomainCard, runWidget, toClientWidget } from '@admin-hub/engine/dashboard';
import type { Widget } from '@admin-hub/engine/dashboard/types';
import { hubHealth } from '@/web/hub-health';
import { Badge } from '../ui/badge';
import { Skeleton } from '../ui/skeleton';
import { DomainCardView } from './domain-card';
import { useDashboardFormat } from './format';
import { WidgetPanel } from './widget-panel';

/*
 * The async pieces of the dashboard. Each awaits one engine loader, which answers within its
 * own budget and never throws, so each Suspense boundary resolves on its own: a slow domain
 * holds back only its own card.
 */

export async function WidgetSlot({ operator, widget }: { operator: Operator; widget: Widget }) {
  const result = await runWidget(operator, widget);
  // Keyed by the result's time: a router.refresh() replaces the client state with the new result.
  return <WidgetPanel key={result.at} widget={toClientWidget(widget)} initial={result} />;
}

export async function DomainCardSlot({ operator, domain }: { operator: Operator; domain: string }) {
  const result = await loadDomainCard(operator, domain);
  return <DomainCardView domain={domain} result={result} />;
}

export async function HubHealthSlot() {
  // Superadmins only (the dashboard decides).
  const [hub, t] = await Promise.all([hubHealth(), getTranslations('dashboard')]);
  const inUse = Math.max(0, hub.pool.total - hub.pool.idle);
  return (
    <div className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="domain-hub" data-state={hub.ok ? 'ok' : 'error'} title={hub.error}>
      <span>{t('hubDatabase')}</span>
      <HubLatency ok={hub.ok} latencyMs={hub.latencyMs} />
      <span className="tabular-nums">{t('hubPoolUse', { inUse, idle: hub.pool.idle, waiting: hub.pool.waiting })}</span>
    </div>
  );
}

function HubLatency({ ok, latencyMs }: { ok: boolean; latencyMs: number | null }) {
  const t = useTranslations('dashboard');
  const f = useDashboardFormat();
  return <Badge variant={ok ? 'success' : 'destructive'}>{ok ? t('reachable', { latency: f.milliseconds(latencyMs ?? 0) }) : t('unreachable')}</Badge>;
}

export function HubHealthSkeleton() {
  return (
    <div className="flex items-center gap-2" data-testid="domain-hub" data-state="loading" aria-busy="true">
      <Skeleton className="h-4 w-64" />
    </div>
  );
}
