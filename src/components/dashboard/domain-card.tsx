import { Database, Layers } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { PoolStats } from '@admin-hub/engine/db/pools';
import type { DomainCardData, DomainCardResult } from '@admin-hub/engine/dashboard/types';
import { humanize } from '@admin-hub/engine/resources/define';
import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';
import { Skeleton } from '../ui/skeleton';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../ui/card';
import { useAuditActionWords } from '../audit/action-words';
import { FailureNotice } from './failure-notice';
import { useDashboardFormat } from './format';

function CardShell({
  domain,
  state,
  ms,
  badge,
  description,
  children,
}: {
  domain: string;
  state: 'loading' | 'ok' | 'error';
  ms?: number;
  badge?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      data-testid={`domain-${domain}`}
      data-state={state}
      data-ms={ms}
      aria-busy={state === 'loading' || undefined}
      aria-labelledby={`domain-${domain}-title`}
      role="region"
      className="min-w-0"
    >
      <CardHeader className="flex-row items-start justify-between gap-3 pb-3 sm:pb-4">
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-muted text-muted-foreground">
            <Database aria-hidden="true" className="size-4.5" />
          </span>
          <div className="flex min-w-0 flex-col gap-1">
            <CardTitle id={`domain-${domain}-title`} className="text-base">
              {humanize(domain)}
            </CardTitle>
            {description ? <CardDescription className="text-xs">{description}</CardDescription> : null}
          </div>
        </div>
        {badge}
      </CardHeader>
      <CardContent className="flex flex-col gap-5">{children}</CardContent>
    </Card>
  );
}

function PoolLine({ pool }: { pool: PoolStats }) {
  const t = useTranslations('dashboard');
  const inUse = Math.max(0, pool.total - pool.idle);
  return (
    <span className="tabular-nums" data-testid="domain-pool" title={t('connectionsOpen', { total: pool.total, max: pool.max })}>
      {t('poolUse', { inUse, idle: pool.idle, waiting: pool.waiting })}
    </span>
  );
}

function Stat({ label, children, testId, className }: { label: string; children: ReactNode; testId?: string; className?: string }) {
  // The <div> that groups a <dt> with its <dd> must be the <dl>'s own child: no wrapper around it.
  return (
    <div className={cn('flex min-w-0 flex-col gap-0.5', className)}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium text-foreground" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function SectionTitle({ children }: { children: ReactNode }) {
  return <h4 className="mb-1.5 text-xs font-medium tracking-wide text-muted-foreground uppercase">{children}</h4>;
}

function LoadedCard({ data, ms }: { data: DomainCardData; ms: number }) {
  const t = useTranslations('dashboard');
  const f = useDashboardFormat();
  const auditActionWords = useAuditActionWords();
  return (
    <CardShell
      domain={data.domain}
      state="ok"
      ms={ms}
      badge={
        <Badge variant="success" data-testid="domain-health">
          {t('reachable', { latency: f.milliseconds(data.latencyMs) })}
        </Badge>
      }
    >
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-[auto_auto_1fr]">
        <Stat label={t('roundTrip')} testId="domain-latency">
          {f.milliseconds(data.latencyMs)}
        </Stat>
        <Stat label={t('databaseSize')} testId="domain-size">
          {f.bytes(data.databaseBytes)}
        </Stat>
        <Stat label={t('poolMax', { max: data.pool.max })} className="col-span-2 sm:col-span-1">
          <PoolLine pool={data.pool} />
        </Stat>
      </dl>

      <section aria-label={t('largestTables')}>
        <SectionTitle>{t('largestTablesTitle')}</SectionTitle>
        {data.largestTables.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('noTables')}</p>
        ) : (
          <ul className="divide-y text-sm" data-testid="domain-tables">
            {data.largestTables.map((table) => {
              const name = table.schema === 'public' ? table.name : `${table.schema}.${table.name}`;
              return (
                <li key={`${table.schema}.${table.name}`} className="flex items-center justify-between gap-3 py-1.5" data-testid="domain-table">
                  <span className="flex min-w-0 items-center gap-2">
                    {table.href ? (
                      <Link href={table.href} className="truncate font-medium text-foreground underline-offset-4 hover:underline" data-value="">
                        {name}
                      </Link>
                    ) : (
                      <span className="truncate font-medium text-foreground" data-value="">
                        {name}
                      </span>
                    )}
                    {table.partitioned ? (
                      <Badge variant="secondary" title={t('partitionedTitle')}>
                        <Layers aria-hidden="true" />
                        {t('partitioned')}
                      </Badge>
                    ) : null}
                  </span>
                  <span className="flex shrink-0 items-baseline gap-3 tabular-nums">
                    <span className="text-foreground" data-testid="domain-table-rows">
                      {table.estimatedRows === null ? t('notAnalysed') : t('estimatedRows', { rows: f.integer(table.estimatedRows) })}
                    </span>
                    <span className="w-16 text-right text-xs text-muted-foreground">{f.bytes(table.totalBytes)}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-label={t('latestChanges')}>
        <SectionTitle>{t('latestChanges')}</SectionTitle>
        {!data.audit.visible ? (
          <p className="text-sm text-muted-foreground" data-testid="domain-audit-hidden">
            {data.audit.reason}
          </p>
        ) : !data.audit.ok ? (
          <p className="text-sm text-muted-foreground" role="alert" data-testid="domain-audit-error">
            {data.audit.error}
          </p>
        ) : data.audit.events.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="domain-audit-empty">
            {t('nothingChanged')}
          </p>
        ) : (
          <ul className="divide-y text-sm" data-testid="domain-audit">
            {data.audit.events.map((e) => (
              <li key={e.id} className="flex items-center justify-between gap-3 py-1.5" data-testid="domain-audit-event">
                <span className="flex min-w-0 items-center gap-2">
                  <Badge variant="outline">{auditActionWords(e)}</Badge>
                  <span className="truncate text-foreground" data-value="">
                    {e.resource ?? '—'}
                    {e.recordId ? <span className="text-muted-foreground"> #{e.recordId}</span> : null}
                  </span>
                </span>
                <span className="shrink-0 text-right text-xs text-muted-foreground">
                  <span className="block max-w-44 truncate">{e.actorEmail ?? t('system')}</span>
                  <time dateTime={e.at}>{f.dateTime(e.at)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </CardShell>
  );
}

/** One domain: health, pool, size, largest tables and latest changes; or why they are missing. */
export function DomainCardView({ domain, result }: { domain: string; result: DomainCardResult }) {
  const t = useTranslations('dashboard');
  if (result.ok) return <LoadedCard data={result.data} ms={result.ms} />;
  return (
    <CardShell
      domain={domain}
      state="error"
      ms={result.ms}
      description={
        result.pool ? (
          <>
            {t('poolMaxLead', { max: result.pool.max })} <PoolLine pool={result.pool} />
          </>
        ) : undefined
      }
      badge={
        <Badge variant="destructive" data-testid="domain-health">
          {result.reason === 'timeout' ? t('noAnswer') : result.reason === 'forbidden' ? t('notAllowed') : t('unreachable')}
        </Badge>
      }
    >
      <FailureNotice reason={result.reason} error={result.error} />
    </CardShell>
  );
}

/** The card's place while it loads: same size and test id, so the page does not jump. */
export function DomainCardSkeleton({ domain }: { domain: string }) {
  const t = useTranslations('dashboard');
  return (
    <CardShell domain={domain} state="loading" badge={<Skeleton className="h-5 w-28" />}>
      <div className="grid grid-cols-3 gap-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="flex flex-col gap-1.5">
            <Skeleton className="h-3 w-16" />
            <Skeleton className="h-4 w-20" />
          </div>
        ))}
      </div>
      {[0, 1].map((section) => (
        <div key={section} className="flex flex-col gap-2">
          <Skeleton className="h-3 w-40" />
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      ))}
      <span className="sr-only">{t('loadingName', { name: domain })}</span>
    </CardShell>
  );
}
