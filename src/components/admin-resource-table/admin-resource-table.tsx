'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Card } from '../ui/card';
import { ColumnChooser } from './column-chooser';
import { DataGrid } from './data-grid';
import { EmptyState } from './empty-state';
import { ErrorPanel } from './error-panel';
import { PaginationBar } from './pagination-bar';
import { ResourceHeader } from './resource-header';
import { SearchBox } from './search-box';
import { SelectionBar } from './selection-bar';
import type { AdminResourceTableProps } from './types';
import { useColumnVisibility } from './use-column-visibility';

/**
 * The list component of every list page: header, search and filters, column chooser,
 * selection with bulk actions, the table, and offset or cursor pagination. It holds no data:
 * the page owns rows, sort, page and search (typically in the URL) and passes callbacks.
 */
export function AdminResourceTable<Row>(props: AdminResourceTableProps<Row>) {
  return props.headersOnly ? <HeaderOnly {...props} /> : <FullTable {...props} />;
}

function Header<Row>({ title, titleId, subtitle, icon, iconColor, actions, headingLevel }: AdminResourceTableProps<Row> & { titleId: string }) {
  return <ResourceHeader title={title} titleId={titleId} subtitle={subtitle} icon={icon} iconColor={iconColor} actions={actions} headingLevel={headingLevel} />;
}

/** A form page's header, matching list pages: no words of its own. */
function HeaderOnly<Row>(props: AdminResourceTableProps<Row>) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="flex min-w-0 flex-col gap-4" data-testid="admin-resource-table">
      <Header {...props} titleId={titleId} />
      {props.children}
    </section>
  );
}

function FullTable<Row>(props: AdminResourceTableProps<Row>) {
  const { title, search, filters, columns, rows, rowKey, rowHref } = props;
  const { sort, visibleColumns, selection, emptyState, pagination, loading = false, error, children } = props;

  const t = useTranslations('table');
  const titleId = useId();
  const { visible, visibleKeys, setVisibleKeys } = useColumnVisibility(columns, visibleColumns);

  const header = <Header {...props} titleId={titleId} />;

  const showChooser = columns.length > 1;
  const showToolbar = search !== undefined || filters !== undefined || showChooser;
  const empty = !loading && !error && rows.length === 0;
  // Past the last page the list is empty but the reader still needs the way back.
  const showPagination = pagination !== undefined && !error && (!empty || pagination.page > 1);

  return (
    <section aria-labelledby={titleId} className="flex min-w-0 flex-col gap-4" data-testid="admin-resource-table">
      {header}
      <Card className="min-w-0">
        {showToolbar ? (
          <div className="flex flex-wrap items-center gap-2 border-b p-3" data-testid="filter-bar">
            {search ? <SearchBox {...search} label={t('searchLabel', { title })} /> : null}
            {filters ? <div className="flex flex-wrap items-center gap-2">{filters}</div> : null}
            {showChooser ? (
              <div className="ml-auto">
                <ColumnChooser columns={columns} visibleKeys={visibleKeys} onChange={setVisibleKeys} />
              </div>
            ) : null}
          </div>
        ) : null}
        {selection && selection.selected.length > 0 ? (
          <SelectionBar count={selection.selected.length} bulkActions={selection.bulkActions} onClear={() => selection.onChange([])} />
        ) : null}
        {error ? (
          <ErrorPanel {...error} />
        ) : empty ? (
          <EmptyState
            {...(emptyState ?? {
              title: t('noRows'),
              description: search?.value ? t('noSearchMatch') : undefined,
            })}
          />
        ) : (
          <DataGrid
            label={title}
            columns={visible}
            rows={rows}
            rowKey={rowKey}
            rowHref={rowHref}
            sort={sort}
            selection={selection}
            loading={loading}
            skeletonRows={Math.min(pagination?.pageSize ?? 8, 10)}
          />
        )}
        {showPagination ? <PaginationBar pagination={pagination} rowCount={rows.length} loading={loading} /> : null}
      </Card>
      {children}
    </section>
  );
}
