import { getTranslations } from 'next-intl/server';
import { ResourceHeader } from '@/components/admin-resource-table';
import { ErrorPanel } from '@/components/admin-resource-table/error-panel';
import { RecordForm } from '@/components/record-form/record-form';
import { referenceInfos, resourceFor } from '@/web/record-load';
import { resolveResourceIcon } from '@/components/shell';
import { Card } from '@/components/ui/card';
import { maskedColumns } from '@admin-hub/engine/auth/access';
import { writableColumns } from '@admin-hub/engine/records/input-schema';
import { toClientResource } from '@admin-hub/engine/resources/define';
import { saveRecordAction } from '@/web/record-actions';
import { requirePageOperator } from '@/web/operator';
import type { Metadata } from 'next';
import { newRecordMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: { params: Promise<{ domain: string; resource: string }> }): Promise<Metadata> {
  return newRecordMetadata(await props.params);
}

/**
 * The create form. `?<column>=<value>` pre-fills a writable column ("New post" from an
 * author's page can pass author_id).
 */
export default async function NewRecordPage(props: {
  params: Promise<{ domain: string; resource: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, searchParams] = await Promise.all([props.params, props.searchParams]);
  const operator = await requirePageOperator(`/d/${params.domain}/${params.resource}/new`);
  const { domain, resource } = await resourceFor(operator, params.domain, params.resource, 'create');
  const base = `/d/${domain}/${resource.name}`;
  const t = await getTranslations('record');
  if (resource.readOnly) {
    return (
      <section className="flex flex-col gap-4">
        <ResourceHeader title={resource.title} icon={resolveResourceIcon(resource.icon)} iconColor={resource.iconColor} />
        <Card>
          <ErrorPanel title={t('readOnlyTitle')} message={t('cannotCreate', { resource: resource.title })} />
        </Card>
      </section>
    );
  }
  const initial: Record<string, string> = {};
  for (const column of writableColumns(resource)) {
    const given = searchParams[column.name];
    if (typeof given === 'string') initial[column.name] = given;
  }
  return (
    <RecordForm
      mode="create"
      resource={toClientResource(resource)}
      initial={initial}
      masked={[...maskedColumns(operator, resource)]}
      references={await referenceInfos(operator, domain, resource, initial)}
      action={saveRecordAction}
      title={t('newTitle', { resource: resource.singular })}
      subtitle={resource.subtitle ?? `${resource.table.schema}.${resource.table.name}`}
      cancelHref={base}
    />
  );
}
