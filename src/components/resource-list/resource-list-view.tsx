'use client';

import { RefreshViewButton } from './refresh-view-button';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { AdminResourceTable, type ResourceColumn, type ResourceSort, type SortKey } from '@/components/admin-resource-table';
import { resolveResourceIcon } from '@/components/shell';
import { Button } from '@/components/ui/button';
import type { ListCount, ListResult } from '@admin-hub/engine/list/run-list';
import type { BulkCapabilities } from '@admin-hub/engine/records/bulk';
import type { ClientResource as Resource } from '@admin-hub/engine/resources/define';
import { BulkBar, offersBulk } from './bulk-bar';
import { Cell } from './cell';
import { ExportMenu } from './export-menu';
import { FilterBar } from './filter-bar';
import { filterQuery } from './streams';
import { POSITION_PARAMS, PRESENTATION_PARAMS } from '@admin-hub/engine/shared/list-params';
import { encodeRecordId } from '@admin-hub/engine/shared/record-id';
import { formatSortParam, MAX_SORT_COLUMNS } from '@admin-hub/engine/shared/sort-param';
import { BulkRunPanel, ExportPanel } from './task-panel';
import { useBulkRun, type BulkRunState } from './use-bulk-run';
import { useExport } from './use-export';
import { useListUrl } from './use-list-url';
import { cursorPagination } from './cursor-pagination';
import { emptyStateOf } from './empty-state-of';
import { CountNote, useStreamedCount } from './count-note';

type Row = Record<string, unknown>;

export interface ResourceListViewProps {
  resource: Resource;
  result: ListResult;
  /**
   * The bulk actions this operator may run here (from the server). Without any, the list has no
   * row checkboxes and no bulk bar: selecting rows would lead nowhere.
   */
  bulk?: BulkCapabilities;
  /** Saved views of this list (the server renders them): shown first among the list's actions. */
  views?: ReactNode;
  /**
   * The exact count when the URL asks for one (`count=exact`): the page renders at once with
   * `result.count` (an estimate) and this streams in after the rows.
   */
  exactCount?: Promise<ListCount>;
  /** Shown instead of the rows when the request could not be served (bad parameter, domain down). */
  /** `refreshable`: a materialized view not populated yet, and the operator may refresh it. */
  error?: { title: string; message: string; refreshable?: boolean };
}

/** What an export asks for: the list's filters and sort, and the columns it shows (remembered ones too, which the URL may not name). */
function exportQuery(searchParams: URLSearchParams, columns: string[]): URLSearchParams {
  const query = filterQuery(searchParams);
  if (!query.has('cols') && columns.length > 0) query.set('cols', columns.join(','));
  return query;
}

/** The table's sort from the result's (one to three columns): a click sorts by one column, a shift-click adds one (`sort=-status,total_cents`). */
function listSort(result: ListResult, update: ReturnType<typeof useListUrl>['update']): ResourceSort {
  const keys = result.sort.map((s) => ({ key: s.column, direction: s.direction }));
  const write = (sort: SortKey[]) => update({ sort: formatSortParam(sort.map((s) => ({ column: s.key, direction: s.direction }))), pn: undefined });
  return {
    key: keys[0]?.key ?? '',
    direction: keys[0]?.direction ?? 'asc',
    keys,
    onSortChange: (key, direction) => write([{ key, direction }]),
    onSortKeysChange: write,
    maxKeys: MAX_SORT_COLUMNS,
  };
}

function recordId(resource: Resource, row: Row): string {
  return encodeRecordId(resource.primaryKey, row);
}

/**
 * The generic list page's client half: the Server Component hands it one page of rows and
 * it turns every interaction (search, sort, filters, paging, columns) into a URL change.
 */
export function ResourceListView({ resource, result: given, bulk: capabilities, views, exactCount, error }: ResourceListViewProps) {
  const t = useTranslations('list');
  const format = useFormatter();
  const { searchParams, update, pending } = useListUrl();
  const streamed = useStreamedCount(given.count, exactCount);
  const result = streamed.count === given.count ? given : { ...given, count: streamed.count };
  const [selected, setSelected] = useState<string[]>([]);
  const value = (key: string) => searchParams.get(key) ?? undefined;
  const pageNumber = Number(value('pn') ?? value('page') ?? 1);
  const router = useRouter();

  // Bulk actions and export: progress and results in a panel that outlives the selection.
  const onBulkFinished = useCallback(
    (state: BulkRunState) => {
      // Rows that failed stay selected, to fix and retry; the list reloads either way.
      if (state.status === 'done') setSelected(state.request.ids ? state.failed.map((f) => f.id) : []);
      router.refresh();
    },
    [router],
  );
  const bulk = useBulkRun(resource, onBulkFinished);
  const exporter = useExport(resource);
  const bulkRunning = bulk.state?.status === 'running';
  const exportRunning = exporter.state?.status === 'running';
  const pageKeys = result.rows.map((row) => recordId(resource, row));
  const wholePageSelected = pageKeys.length > 0 && pageKeys.every((key) => selected.includes(key));

  const columns = useMemo<ResourceColumn<Row>[]>(
    () =>
      resource.columns.map((column) => ({
        key: column.name,
        header: column.label,
        sortable: column.sortable,
        hidden: !result.columns.includes(column.name),
        className: ['integer', 'bigint', 'number', 'money_cents'].includes(column.type) ? 'text-right' : undefined,
        render: (row: Row) => (
          <Cell column={column} value={row[column.name]} domain={resource.domain} label={result.labels?.[column.name]?.[String(row[column.name])]} />
        ),
      })),
    [resource, result.columns, result.labels],
  );

  const base = `/d/${resource.domain}/${resource.name}`;
  // No row checkboxes for an operator who may run no bulk action here: they would lead nowhere.
  const selection =
    capabilities && !resource.readOnly && offersBulk(capabilities, result.trash)
      ? {
          selected,
          onChange: setSelected,
          bulkActions: (
            <BulkBar
              resource={resource}
              capabilities={capabilities}
              selected={selected}
              query={filterQuery(searchParams, [...POSITION_PARAMS, ...PRESENTATION_PARAMS, 'sort']).toString()}
              offerAllMatching={wholePageSelected && (result.next !== null || result.previous !== null)}
              trash={result.trash}
              running={bulkRunning}
              onRun={(request) => void bulk.start(request)}
            />
          ),
        }
      : undefined;
  return (
    <>
      <AdminResourceTable<Row>
        title={result.trash ? t('trashTitle', { title: resource.title }) : resource.title}
        subtitle={resource.subtitle ?? (resource.introspected ? t('introspectedSubtitle', { readOnly: resource.readOnly ? 'yes' : 'no' }) : undefined)}
        icon={resolveResourceIcon(resource.icon)}
        iconColor={resource.iconColor}
        actions={
          <div className="flex items-center gap-2">
            {views}
            {resource.softDelete ? (
              <Button
                variant={result.trash ? 'default' : 'outline'}
                size="sm"
                onClick={() => update({ trash: result.trash ? undefined : '1' })}
                data-testid="toggle-trash"
              >
                <Trash2 className="size-4" aria-hidden="true" /> {result.trash ? t('leaveTrash') : t('trash')}
              </Button>
            ) : null}
            {error ? null : (
              <ExportMenu
                running={exportRunning}
                onExport={(format, toFile) => void exporter.start(format, exportQuery(searchParams, result.columns), result.count, toFile)}
              />
            )}
          </div>
        }
        search={
          resource.columns.some((c) => c.searchable)
            ? {
                placeholder: t('searchPlaceholder', { title: resource.title.toLowerCase() }),
                value: result.search ?? '',
                onChange: (q) => update({ q, pn: undefined }),
              }
            : undefined
        }
        filters={
          <FilterBar
            columns={resource.columns}
            value={value}
            onChange={(changes) => update({ ...changes, pn: undefined, page: undefined })}
            domain={resource.domain}
            labels={result.labels}
            related={resource.referrers}
          />
        }
        columns={columns}
        rows={result.rows}
        // Keyless rows have no identity (duplicates are possible): keyed by place, and not links.
        rowKey={resource.keyless ? (row) => String(result.rows.indexOf(row)) : (row) => recordId(resource, row)}
        rowHref={resource.keyless ? undefined : (row) => `${base}/${recordId(resource, row)}`}
        sort={listSort(result, update)}
        visibleColumns={{ keys: result.columns, onChange: (keys) => update({ cols: keys.join(',') }, { keepPosition: true }) }}
        selection={selection}
        emptyState={emptyStateOf({ t, format }, resource, result, pageNumber, searchParams, update)}
        pagination={cursorPagination(
          result,
          pageNumber,
          update,
          <CountNote count={result.count} counting={streamed.counting} onCountExactly={() => update({ count: 'exact' }, { keepPosition: true })} />,
        )}
        loading={pending}
        error={
          error ? { ...error, action: error.refreshable ? <RefreshViewButton domain={resource.domain} resource={resource.name} /> : undefined } : undefined
        }
      />
      {bulk.state || exporter.state ? (
        <div className="fixed right-4 bottom-4 z-40 flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-2">
          {bulk.state ? <BulkRunPanel state={bulk.state} base={base} onCancel={bulk.cancel} onDismiss={bulk.dismiss} /> : null}
          {exporter.state ? <ExportPanel state={exporter.state} onCancel={exporter.cancel} onDismiss={exporter.dismiss} /> : null}
        </div>
      ) : null}
    </>
  );
}
