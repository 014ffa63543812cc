import { ArrowLeft, CircleCheck } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { AdminResourceTableSkeleton, ResourceHeader } from '@/components/admin-resource-table';
import { ErrorPanel } from '@/components/admin-resource-table/error-panel';
import { resolveResourceIcon } from '@/components/shell';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { DeletedBanner } from '@/components/record-view/deleted-banner';
import { RecordFields } from '@/components/record-view/detail-value';
import {
  displayIdOf,
  keyLabelOf,
  loadInline,
  loadRecord,
  recordIdOf,
  recordInlines,
  recordName,
  referenceInfos,
  referrerGroups,
  resourceFor,
} from '@/web/record-load';
import { RecordButtons, type RecordButtonsProps } from '@/components/record-view/record-buttons';
import { ReferencedBy } from '@/components/record-view/referenced-by';
import { InlineTable } from '@/components/record-view/inline-table';
import { inlinePositionOf } from '@/components/record-view/inline-table-params';
import { can, maskedColumns } from '@admin-hub/engine/auth/access';
import { roleOn, type Operator } from '@admin-hub/engine/auth/operator';
import type { DomainName } from '@admin-hub/engine/config/current';
import type { InlineTable as InlineTableData } from '@admin-hub/engine/records/inline-tables';
import { atLeast, type DomainRole } from '@admin-hub/engine/auth/roles';
import { toClientResource } from '@admin-hub/engine/resources/define';
import { recordHistory } from '@admin-hub/engine/audit/history';
import { RecordHistory } from '@/components/audit/record-history';
import { InternalActions } from '@/components/internal-actions';
import { customRecordAction, hardDeleteRecordAction, restoreRecordAction, softDeleteRecordAction } from '@/web/record-actions';
import { requirePageOperator } from '@/web/operator';
import type { Metadata } from 'next';
import { recordMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: { params: Promise<{ domain: string; resource: string; id: string }> }): Promise<Metadata> {
  return recordMetadata(await props.params);
}

/** One inline related table, loaded on its own behind its Suspense boundary: a slow one does not hold the page. */
async function InlineSection(props: {
  operator: Operator;
  domain: DomainName;
  table: InlineTableData;
  searchParams: Record<string, string | string[] | undefined>;
  recordNoun: string;
}) {
  const { operator, domain, table } = props;
  const { pageNumber, ...position } = inlinePositionOf(props.searchParams, table.key);
  const { result, error } = await loadInline(operator, domain, table, position);
  return (
    <InlineTable
      inlineKey={table.key}
      title={table.title}
      resource={toClientResource(table.related)}
      result={
        result && {
          rows: result.rows,
          columns: result.columns,
          labels: result.labels,
          next: result.next,
          previous: result.previous,
          count: result.count,
          pageSize: result.pageSize,
        }
      }
      page={pageNumber}
      viewAllHref={table.href}
      recordNoun={props.recordNoun}
      error={error}
    />
  );
}

/** One record: every column by type, what refers to it, and the buttons the operator's role allows. */
export default async function RecordPage(props: {
  params: Promise<{ domain: string; resource: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, searchParams] = await Promise.all([props.params, props.searchParams]);
  const operator = await requirePageOperator(`/d/${params.domain}/${params.resource}/${params.id}`);
  const { domain, resource } = await resourceFor(operator, params.domain, params.resource, 'read');
  const id = await recordIdOf(params, resource);
  const base = `/d/${domain}/${resource.name}`;
  const loaded = await loadRecord(operator, domain, resource, id);
  const client = toClientResource(resource);
  const icon = resolveResourceIcon(resource.icon);
  if (!loaded.ok) {
    return (
      <section className="flex flex-col gap-4">
        <ResourceHeader title={resource.title} icon={icon} iconColor={resource.iconColor} />
        <Card>
          <ErrorPanel title={loaded.title} message={loaded.message} />
        </Card>
      </section>
    );
  }

  const t = await getTranslations('record');
  const { row } = loaded.record;
  const { name, label } = await recordName(operator, resource, row, id);
  const shownId = displayIdOf(id);
  const deleted = resource.softDelete !== undefined && row[resource.softDelete] !== null && row[resource.softDelete] !== undefined;
  const writable = !resource.readOnly;
  const [inlines, groups, references, history] = await Promise.all([
    recordInlines(operator, domain, resource, row),
    referrerGroups(operator, domain, resource, row),
    referenceInfos(operator, domain, resource, row),
    recordHistory(operator, resource, id).catch(() => []),
  ]);
  const referenceLabels = Object.fromEntries(Object.entries(references).map(([column, info]) => [column, info.currentLabel]));
  const role = roleOn(operator, domain);
  const buttons: RecordButtonsProps = {
    target: { domain, resource: resource.name, id },
    displayId: shownId,
    name,
    editHref: writable && can(operator, resource, 'update') ? `${base}/${id}/edit` : undefined,
    softDelete: writable && resource.softDelete && !deleted && can(operator, resource, 'delete') ? softDeleteRecordAction : undefined,
    restore: writable && deleted && can(operator, resource, 'restore') ? restoreRecordAction : undefined,
    undoDelete: writable && resource.softDelete && can(operator, resource, 'restore') ? restoreRecordAction : undefined,
    hardDelete:
      writable && can(operator, resource, 'hardDelete')
        ? {
            action: hardDeleteRecordAction,
            referrers: groups.map((g) => {
              const words = { count: g.count, resource: g.title.toLowerCase(), column: g.columnLabel.toLowerCase() };
              return g.capped ? t('referencedBy.inDialogCapped', words) : t('referencedBy.inDialog', { ...words, singular: g.singular.toLowerCase() });
            }),
          }
        : undefined,
    customActions: writable
      ? Object.entries(client.actions)
          .filter(([, a]) => atLeast(role, a.role as DomainRole))
          .map(([actionName, a]) => ({ name: actionName, label: a.label, confirm: a.confirm, action: customRecordAction }))
      : [],
  };
  const saved = searchParams.saved === 'created' || searchParams.saved === 'updated' ? t(`saved.${searchParams.saved}`) : undefined;

  return (
    <section className="flex min-w-0 flex-col gap-4" data-testid="record-detail" data-record-id={id}>
      <Link href={base} className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" /> {resource.title}
      </Link>
      <ResourceHeader
        title={label ?? t('name', { resource: resource.singular, id: shownId })}
        subtitle={t(resource.readOnly ? 'subtitleReadOnly' : 'subtitle', { resource: resource.title, key: keyLabelOf(resource), id: shownId })}
        icon={icon}
        iconColor={resource.iconColor}
        actions={<RecordButtons {...buttons} />}
      />
      {saved ? (
        <p role="status" className="flex items-center gap-2 rounded-md border border-success/30 bg-success/10 px-3 py-2 text-sm" data-testid="record-saved">
          <CircleCheck className="size-4 text-success" aria-hidden="true" /> {saved}
        </p>
      ) : null}
      {deleted ? <DeletedBanner when={row[resource.softDelete!]} trashHref={`${base}?trash=1`} /> : null}
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <RecordFields
            columns={client.columns}
            row={row}
            domain={domain}
            masked={[...maskedColumns(operator, resource)]}
            referenceLabels={referenceLabels}
            fieldsets={client.fieldsets}
          />
        </CardContent>
      </Card>
      {Object.keys(resource.internalActions).length > 0 && can(operator, resource, 'internal') ? (
        <InternalActions
          domain={domain}
          resource={resource.name}
          recordId={id}
          actions={Object.fromEntries(Object.entries(resource.internalActions).map(([n, a]) => [n, { label: a.label, scope: a.scope, confirm: a.confirm }]))}
        />
      ) : null}
      {inlines.map((table) => (
        <Suspense key={table.key} fallback={<AdminResourceTableSkeleton rows={Math.min(table.pageSize, 10)} columns={Math.min(table.columns.length, 6)} />}>
          <InlineSection
            operator={operator}
            domain={domain}
            table={table}
            searchParams={searchParams}
            recordNoun={t('thisRecord', { resource: resource.singular.toLowerCase() })}
          />
        </Suspense>
      ))}
      <ReferencedBy groups={groups} />
      <RecordHistory entries={history} canRevert={writable && can(operator, resource, 'update')} target={{ domain, resource: resource.name, id }} />
      <div>
        <Link href={base} className={buttonVariants({ variant: 'ghost', size: 'sm' })}>
          {t('backTo', { resource: resource.title.toLowerCase() })}
        </Link>
      </div>
    </section>
  );
}
