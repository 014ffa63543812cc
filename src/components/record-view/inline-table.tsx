'use client';

import { ArrowRight } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useTransition } from 'react';
import { AdminResourceTable, type ResourceColumn } from '@/components/admin-resource-table';
import { Cell } from '@/components/resource-list/cell';
import { cursorPagination } from '@/components/resource-list/cursor-pagination';
import { resolveResourceIcon } from '@/components/shell';
import { Button, buttonVariants } from '@/components/ui/button';
import type { ListResult } from '@admin-hub/engine/list/run-list';
import type { ClientResource } from '@admin-hub/engine/resources/define';
import { encodeRecordId } from '@admin-hub/engine/shared/record-id';
import { INLINE_PARAMS, inlineParam, type InlineParam } from './inline-table-params';

type Row = Record<string, unknown>;

export interface InlineTableProps {
  /** ResolvedInline.key: names the table's parameters in the page's URL. */
  inlineKey: string;
  title: string;
  /** The related resource (toClientResource). */
  resource: ClientResource;
  /** One page of its rows that point at this record; absent when it could not be loaded (`error`). */
  result?: Pick<ListResult, 'rows' | 'columns' | 'labels' | 'next' | 'previous' | 'count' | 'pageSize'>;
  /** The page number shown (the URL's `inline.<key>.pn`). */
  page: number;
  /** The related list filtered by the foreign key. */
  viewAllHref: string;
  /** "this author" in the page's language: what the empty state says the rows would refer to. */
  recordNoun: string;
  error?: { title: string; message: string };
}

const NUMERIC = new Set(['integer', 'bigint', 'number', 'money_cents']);

/**
 * One inline related table on a record page (ResourceDef.inlines): the related resource's rows
 * that point here, in AdminResourceTable, paged by cursor through the page's URL (its own
 * `inline.<key>.*` parameters, so the record and the other inlines keep their place), with
 * "View all N" opening the related list filtered by the foreign key.
 */
export function InlineTable({ inlineKey, title, resource, result, page, viewAllHref, recordNoun, error }: InlineTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const t = useTranslations('record');
  const count = result?.count;
  // "View all 97", "View all (about 12,000)", or "View all" when the count is only "many".
  const viewAll =
    !count || count.value === null
      ? t('inline.viewAll')
      : count.exact
        ? t('inline.viewAllCount', { count: count.value })
        : t('inline.viewAllAbout', { count: count.value });

  // Only this table's parameters change; a "Saved." notice of an earlier save is not repeated.
  const update = useCallback(
    (changes: Partial<Record<InlineParam, string>>) => {
      const next = new URLSearchParams(searchParams.toString());
      next.delete('saved');
      for (const name of INLINE_PARAMS) next.delete(inlineParam(inlineKey, name));
      for (const name of INLINE_PARAMS) if (changes[name]) next.set(inlineParam(inlineKey, name), changes[name]);
      const query = next.toString();
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [inlineKey, pathname, router, searchParams],
  );

  const columns = useMemo<ResourceColumn<Row>[]>(
    () =>
      (result?.columns ?? [])
        .map((name) => resource.columns.find((c) => c.name === name))
        .filter((c) => c !== undefined)
        .map((column) => ({
          key: column.name,
          header: column.label,
          className: NUMERIC.has(column.type) ? 'text-right' : undefined,
          render: (row: Row) => (
            <Cell column={column} value={row[column.name]} domain={resource.domain} label={result?.labels?.[column.name]?.[String(row[column.name])]} />
          ),
        })),
    [resource, result],
  );

  const base = `/d/${resource.domain}/${resource.name}`;
  const rows = result?.rows ?? [];
  return (
    <div data-testid={`inline-${inlineKey}`}>
      <AdminResourceTable<Row>
        title={title}
        headingLevel={2}
        icon={resolveResourceIcon(resource.icon)}
        iconColor={resource.iconColor}
        actions={
          <Link href={viewAllHref} className={buttonVariants({ variant: 'outline', size: 'sm' })} data-testid={`inline-view-all-${inlineKey}`}>
            {viewAll} <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        }
        columns={columns}
        rows={rows}
        // Keyless rows have no identity (duplicates are possible): keyed by place, and not links.
        rowKey={resource.keyless ? (row) => String(rows.indexOf(row)) : (row) => encodeRecordId(resource.primaryKey, row)}
        rowHref={resource.keyless ? undefined : (row) => `${base}/${encodeRecordId(resource.primaryKey, row)}`}
        emptyState={{
          title: page > 1 ? t('inline.noMoreRows') : t('inline.empty', { table: title.toLowerCase() }),
          description: page > 1 ? undefined : t('inline.emptyDescription', { resource: resource.title.toLowerCase(), record: recordNoun }),
          action:
            page > 1 ? (
              <Button variant="outline" size="sm" onClick={() => update({})}>
                {t('inline.firstPage')}
              </Button>
            ) : undefined,
        }}
        pagination={result ? cursorPagination(result, page, update) : undefined}
        loading={pending}
        error={
          error
            ? {
                ...error,
                action: (
                  <Button variant="outline" size="sm" className="mt-2" onClick={() => update({})} data-testid={`inline-first-page-${inlineKey}`}>
                    {t('inline.firstPage')}
                  </Button>
                ),
              }
            : undefined
        }
      />
    </div>
  );
}
