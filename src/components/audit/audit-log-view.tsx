'use client';

import Link from 'next/link';
import { AdminResourceTable } from '@/components/admin-resource-table';
import { resolveResourceIcon } from '@/components/shell';
import { Badge } from '@/components/ui/badge';
import { FilterBar } from '@/components/resource-list/filter-bar';
import { useListUrl } from '@/components/resource-list/use-list-url';
import type { ClientResource } from '@/engine/resources/define';
import type { ListResult } from '@/engine/list/run-list';
import { changesSummary } from './changes-summary';
import { cursorPagination } from '@/components/resource-list/cursor-pagination';

type Entry = {
  id: string;
  at: string;
  actor_email: string | null;
  domain?: string | null;
  resource: string | null;
  record_id: string | null;
  action: string;
  outcome: string;
  changes: unknown;
};

const outcomeVariant = (o: string) => (o === 'committed' || o === 'succeeded' ? 'success' : o === 'pending' || o === 'unknown' ? 'warning' : 'destructive');

/** The audit log, newest first: search by operator or record id, filter by action, resource, operator, dates. */
export function AuditLogView({
  resource,
  result,
  domain,
  error,
}: {
  resource: ClientResource;
  result: ListResult;
  domain?: string;
  error?: { title: string; message: string };
}) {
  const { searchParams, update, pending } = useListUrl();
  const page = Number(searchParams.get('pn') ?? 1);
  const value = (key: string) => searchParams.get(key) ?? undefined;
  const recordHref = (e: Entry) => {
    const d = domain ?? e.domain;
    return d && d !== 'hub' && e.resource && e.record_id ? `/d/${d}/${e.resource}/${e.record_id}` : undefined;
  };
  return (
    <AdminResourceTable<Entry>
      title={resource.title}
      subtitle={resource.subtitle}
      icon={resolveResourceIcon('scroll-text')}
      iconColor="rose"
      actions={
        <a
          className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted"
          data-testid="audit-export"
          href={`/api/audit${domain ? `/${encodeURIComponent(domain)}` : ''}/export?${new URLSearchParams([...searchParams.entries()].filter(([k]) => !['after', 'before', 'page', 'pn'].includes(k)).concat([['format', 'csv']])).toString()}`}
        >
          Export CSV
        </a>
      }
      search={{ placeholder: 'Search by operator email or record id…', value: result.search ?? '', onChange: (q) => update({ q, pn: undefined }) }}
      filters={<FilterBar columns={resource.columns} value={value} onChange={(changes) => update({ ...changes, pn: undefined })} />}
      columns={[
        {
          key: 'at',
          header: 'When',
          render: (e) => (
            <time dateTime={e.at} className="whitespace-nowrap tabular-nums">
              {e.at.replace('T', ' ').slice(0, 19)} UTC
            </time>
          ),
        },
        { key: 'actor_email', header: 'Operator', render: (e) => e.actor_email ?? '—' },
        ...(domain ? [] : [{ key: 'domain', header: 'Domain', render: (e: Entry) => e.domain ?? '—' }]),
        {
          key: 'record',
          header: 'Record',
          render: (e) => {
            const href = recordHref(e);
            const label = [e.resource, e.record_id].filter(Boolean).join(' / ') || '—';
            return href ? (
              <Link className="text-primary hover:underline" href={href}>
                {label}
              </Link>
            ) : (
              label
            );
          },
        },
        { key: 'action', header: 'Action', render: (e) => <Badge variant="outline">{e.action.replace(/_/g, ' ')}</Badge> },
        { key: 'outcome', header: 'Outcome', render: (e) => <Badge variant={outcomeVariant(e.outcome)}>{e.outcome}</Badge> },
        { key: 'changes', header: 'Changes', render: (e) => <span className="text-xs text-muted-foreground">{changesSummary(e.changes)}</span> },
      ]}
      rows={result.rows as Entry[]}
      rowKey={(e) => e.id}
      emptyState={{ title: 'No audit entries match' }}
      pagination={cursorPagination(result, page, update)}
      loading={pending}
      error={error}
    />
  );
}
