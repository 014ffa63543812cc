import { getTranslations } from 'next-intl/server';
import { ResourceHeader } from '@/components/admin-resource-table';
import { ErrorPanel } from '@/components/admin-resource-table/error-panel';
import { RecordForm } from '@/components/record-form/record-form';
import { formValuesOf } from '@/components/record-form/values';
import { DeletedBanner } from '@/components/record-view/deleted-banner';
import { displayIdOf, keyLabelOf, loadRecord, recordIdOf, recordName, referenceInfos, resourceFor } from '@/web/record-load';
import { resolveResourceIcon } from '@/components/shell';
import { Card } from '@/components/ui/card';
import { maskedColumns } from '@admin-hub/engine/auth/access';
import { toClientResource } from '@admin-hub/engine/resources/define';
import { saveRecordAction } from '@/web/record-actions';
import { requirePageOperator } from '@/web/operator';
import type { Metadata } from 'next';
import { recordMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: { params: Promise<{ domain: string; resource: string; id: string }> }): Promise<Metadata> {
  return recordMetadata(await props.params, 'Edit');
}

/** The edit form: the record's values, its version in a hidden field, saved by a Server Action. */
export default async function EditRecordPage(props: { params: Promise<{ domain: string; resource: string; id: string }> }) {
  const params = await props.params;
  const operator = await requirePageOperator(`/d/${params.domain}/${params.resource}/${params.id}/edit`);
  const { domain, resource } = await resourceFor(operator, params.domain, params.resource, 'update');
  const id = await recordIdOf(params, resource, 1);
  const base = `/d/${domain}/${resource.name}`;
  const loaded = await loadRecord(operator, domain, resource, id);
  const t = await getTranslations('record');
  if (!loaded.ok || resource.readOnly) {
    return (
      <section className="flex flex-col gap-4">
        <ResourceHeader title={resource.title} icon={resolveResourceIcon(resource.icon)} iconColor={resource.iconColor} />
        <Card>
          {loaded.ok ? (
            <ErrorPanel title={t('readOnlyTitle')} message={t('cannotChange', { resource: resource.title })} />
          ) : (
            <ErrorPanel title={loaded.title} message={loaded.message} />
          )}
        </Card>
      </section>
    );
  }
  const { row, version } = loaded.record;
  const { label } = await recordName(operator, resource, row, id);
  const deleted = resource.softDelete !== undefined && row[resource.softDelete] != null;
  return (
    <div className="flex flex-col gap-4">
      {deleted ? <DeletedBanner when={row[resource.softDelete!]} trashHref={`${base}?trash=1`} /> : null}
      <RecordForm
        // A new version (after "Keep theirs") remounts the form with the saved values.
        key={version ?? ''}
        mode="update"
        resource={toClientResource(resource)}
        id={id}
        version={version}
        initial={formValuesOf(resource.columns, row)}
        masked={[...maskedColumns(operator, resource)]}
        references={await referenceInfos(operator, domain, resource, row)}
        action={saveRecordAction}
        title={t('editTitle', { name: label ?? t('name', { resource: resource.singular, id: displayIdOf(id) }) })}
        subtitle={t('subtitle', { resource: resource.title, key: keyLabelOf(resource), id: displayIdOf(id) })}
        cancelHref={`${base}/${id}`}
      />
    </div>
  );
}
