'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef, type MouseEvent } from 'react';
import { AdminResourceTable } from '@/components/admin-resource-table';
import { resolveResourceIcon } from '@/components/shell';
import { Badge } from '@/components/ui/badge';
import { FilterBar } from '@/components/resource-list/filter-bar';
import { useListUrl } from '@/components/resource-list/use-list-url';
import { cursorPagination } from '@/components/resource-list/cursor-pagination';
import type { AuditEntryDetail } from '@admin-hub/engine/audit/entry';
import type { AuditSubjects } from '@admin-hub/engine/audit/subjects';
import type { ClientResource } from '@admin-hub/engine/resources/define';
import type { ListResult } from '@admin-hub/engine/list/run-list';
import { POSITION_PARAMS } from '@admin-hub/engine/shared/list-params';
import { useAuditActionWords, useOutcomeWords } from './action-words';
import { AuditEntrySheet, type SheetEntry } from './audit-entry-sheet';
import { AuditTimeRange } from './audit-time-range';
import { ChangesSummary } from './changes-summary';
import { linkClass, operatorHref, recordHref, recordName, subjectOf } from './entry-links';
import { useEntryDrawer } from './use-entry-drawer';
import { ZonedTime } from './zoned-time';

const outcomeVariant = (o: string) => (o === 'committed' || o === 'succeeded' ? 'success' : o === 'pending' || o === 'unknown' ? 'warning' : 'destructive');

/** Parameters of the page that are not the list's filters: the export link leaves them out. */
const NOT_FILTERS: readonly string[] = [...POSITION_PARAMS, 'entry'];

/**
 * The audit log, newest first: who changed what, with each entry's changes summarised in the
 * changed resource's labels, links to the record and the operator, filters (the time range in
 * whole days of the operator's zone), and a detail drawer with the full diff (`?entry=<id>`).
 */
export function AuditLogView({
  resource,
  result,
  domain,
  error,
  subjects: pageSubjects,
  canSeeOperators,
  initialEntry,
}: {
  resource: ClientResource;
  result: ListResult;
  domain?: string;
  error?: { title: string; message: string };
  subjects: AuditSubjects;
  canSeeOperators: boolean;
  initialEntry?: { id: string; entry?: AuditEntryDetail; subjects: AuditSubjects };
}) {
  const t = useTranslations('audit');
  const auditActionWords = useAuditActionWords();
  const outcomeWords = useOutcomeWords();
  const { searchParams, update, pending } = useListUrl();
  const drawer = useEntryDrawer(domain, initialEntry);
  // The element focus goes back to when the drawer closes (the row's "When" button).
  const opener = useRef<HTMLElement | null>(null);
  const openButton = (id: string) => document.querySelector<HTMLElement>(`[data-testid="audit-entry-open"][data-entry-id="${CSS.escape(id)}"]`);
  const openEntry = (id: string) => {
    opener.current = openButton(id);
    drawer.open(id);
  };
  const closeEntry = () => {
    // A drawer opened from a shared link goes back to its row's button, when the row is on this page.
    opener.current ??= drawer.entryId ? openButton(drawer.entryId) : null;
    drawer.close();
  };
  const subjects = { ...pageSubjects, ...drawer.subjects };
  const rows = result.rows as unknown as SheetEntry[];
  const page = Number(searchParams.get('pn') ?? 1);
  const value = (key: string) => searchParams.get(key) ?? undefined;
  // The time filter is the log's own control (whole days of the operator's zone), not the generic bar's.
  const filterColumns = resource.columns.map((c) => (c.name === 'at' ? { ...c, filter: undefined } : c));
  const shown = drawer.full ?? rows.find((r) => r.id === drawer.entryId);

  /** A click anywhere on a row opens its entry, as its "When" button does; links and buttons in it keep their own job. */
  function onTableClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target as Element;
    if (target.closest('a, button, input, select, textarea, label, [role="dialog"]')) return;
    const row = target.closest<HTMLElement>('tr[data-row-key]');
    if (!row?.dataset.rowKey || window.getSelection()?.toString()) return;
    openEntry(row.dataset.rowKey);
  }

  return (
    <div onClick={onTableClick} className="min-w-0">
      <AdminResourceTable<SheetEntry>
        title={resource.title}
        subtitle={resource.subtitle}
        icon={resolveResourceIcon('scroll-text')}
        iconColor="rose"
        actions={
          <a
            className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted"
            data-testid="audit-export"
            href={`/api/audit${domain ? `/${encodeURIComponent(domain)}` : ''}/export?${new URLSearchParams([...searchParams.entries()].filter(([k]) => !NOT_FILTERS.includes(k)).concat([['format', 'csv']])).toString()}`}
          >
            {t('exportCsv')}
          </a>
        }
        search={{ placeholder: t('searchPlaceholder'), value: result.search ?? '', onChange: (q) => update({ q, pn: undefined }) }}
        filters={
          <div className="flex flex-wrap items-center gap-2">
            <FilterBar columns={filterColumns} domain={resource.domain} value={value} onChange={(changes) => update({ ...changes, pn: undefined })} />
            <AuditTimeRange value={value} onChange={(changes) => update({ ...changes, pn: undefined })} />
          </div>
        }
        columns={[
          {
            key: 'at',
            header: t('when'),
            render: (e) => (
              <button
                type="button"
                className="cursor-pointer rounded-sm text-left whitespace-nowrap tabular-nums underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                aria-haspopup="dialog"
                onClick={() => openEntry(e.id)}
                data-testid="audit-entry-open"
                data-entry-id={e.id}
              >
                <ZonedTime iso={e.at} />
                <span className="sr-only">{t('entryDetails', { id: e.id })}</span>
              </button>
            ),
          },
          {
            key: 'actor_email',
            header: t('operator'),
            render: (e) => {
              const href = operatorHref(canSeeOperators, e);
              return href ? (
                <Link className={linkClass} href={href} data-testid="audit-operator-link">
                  {e.actor_email ?? e.actor_id}
                </Link>
              ) : (
                (e.actor_email ?? '—')
              );
            },
          },
          ...(domain ? [] : [{ key: 'domain', header: t('domain'), render: (e: SheetEntry) => e.domain ?? '—' }]),
          {
            key: 'record',
            header: t('record'),
            render: (e) => {
              const href = recordHref(subjects, domain, e);
              const label = recordName(subjects, domain, e);
              // A long record label is cut to one short line (whole on hover): the Changes column stays in view.
              return href ? (
                <Link className={`${linkClass} inline-block max-w-56 truncate align-bottom`} href={href} title={label} data-testid="audit-record-link">
                  {label}
                </Link>
              ) : (
                <span className="inline-block max-w-56 truncate align-bottom" title={label}>
                  {label}
                </span>
              );
            },
          },
          { key: 'action', header: t('action'), render: (e) => <Badge variant="outline">{auditActionWords(e)}</Badge> },
          { key: 'outcome', header: t('outcome'), render: (e) => <Badge variant={outcomeVariant(e.outcome)}>{outcomeWords(e.outcome)}</Badge> },
          {
            key: 'changes',
            header: t('changes'),
            render: (e) => <ChangesSummary changes={e.changes} labels={subjectOf(subjects, domain, e)?.labels} />,
          },
        ]}
        rows={rows}
        rowKey={(e) => e.id}
        emptyState={{ title: t('noEntries') }}
        pagination={cursorPagination(result, page, update)}
        loading={pending}
        error={error}
      />
      <AuditEntrySheet
        entryId={drawer.entryId}
        entry={shown}
        loading={drawer.loading}
        error={drawer.error}
        subjects={subjects}
        domain={domain}
        canSeeOperators={canSeeOperators}
        onClose={closeEntry}
        returnFocus={() => opener.current}
      />
    </div>
  );
}
