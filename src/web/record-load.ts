import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can, maskedColumns, resourceAsSeenBy } from '@admin-hub/engine/auth/access';
import type { Operator } from '@admin-hub/engine/auth/operator';
import type { Action } from '@admin-hub/engine/auth/roles';
import type { DomainName } from '@admin-hub/engine/config/current';
import { getRecord, referencedBy, type LoadedRecord } from '@admin-hub/engine/records/read-record';
import { inlineTables, listInline, type InlinePosition, type InlineTable } from '@admin-hub/engine/records/inline-tables';
import type { ListResult } from '@admin-hub/engine/list/run-list';
import { encodeRecordId } from '@admin-hub/engine/records/record-id';
import { decodeSegment, displayRecordId } from '@admin-hub/engine/shared/record-id';
import { labelsByKey } from '@admin-hub/engine/records/reference-labels';
import { formatRecordLabel } from '@admin-hub/engine/resources/record-label';
import { findResource, resourcesOf } from '@admin-hub/engine/resources/registry';
import { describePageError, guardPage, pageAnswerOf, refusePage } from '@/web/page-guard';
import type { Resource, ResolvedColumn } from '@admin-hub/engine/resources/types';
import type { ReferenceInfo } from '@/components/record-form/fields/types';
import type { ReferrerGroup } from '@/components/record-view/referenced-by';

/*
 * Server-side helpers of the record pages (detail, new, edit). Server code only: the pages
 * import it, client components never do.
 */

/**
 * The record id (encodeRecordId's form) of the page's URL. Next.js hands pages a normalised
 * param, each segment decoded and encoded again as a whole, so the "," between the values of
 * a composite key arrives as "%2C", just like a comma inside a value. The proxy passes the
 * path as requested (x-hub-path), from which the segment is taken when it agrees with the
 * param; otherwise the param is split on every comma (exact for single-column keys, and for
 * composite keys whose values contain none).
 */
export async function recordIdOf(
  params: { domain: string; resource: string; id: string },
  resource: Pick<Resource, 'primaryKey'>,
  segmentsAfterId = 0,
): Promise<string> {
  const canonical = (raw: string) =>
    raw
      .split(',')
      .map((part) => encodeURIComponent(decodeSegment(part)))
      .join(',');
  const decodedParam = decodeSegment(params.id);
  if (resource.primaryKey.length === 1) return encodeURIComponent(decodedParam);
  const path = (await headers()).get('x-hub-path')?.split('?')[0]?.split('/') ?? [];
  const raw = path[path.length - 1 - segmentsAfterId];
  const agrees = path.length === 5 + segmentsAfterId && path[1] === 'd' && raw !== undefined && decodeSegment(raw) === decodedParam;
  return canonical(agrees ? raw : decodedParam);
}

/** The id as an operator reads and types it: the key values, joined by ",". */
export const displayIdOf = displayRecordId;

/** The key's columns as the page names them (their labels, in the page's language): "ID", "Order, Line". */
export function keyLabelOf(resource: Pick<Resource, 'primaryKey' | 'columns'>): string {
  return resource.primaryKey.map((name) => resource.columns.find((c) => c.name === name)?.label ?? name).join(', ');
}

/** The resource in the URL, 404 when there is none, and 403 unless the operator may do `action` on it. */
export async function resourceFor(
  operator: Operator,
  domainName: string,
  resourceName: string,
  action: Action,
): Promise<{ domain: DomainName; resource: Resource }> {
  const found = await guardPage(findResource(domainName, resourceName));
  if (!can(operator, found.resource, action)) forbidden();
  return found;
}

export type Loaded = { ok: true; record: LoadedRecord } | { ok: false; title: string; message: string };

/** The record, 404 when it does not exist; a database that is down is a message (in the page's language), not a crash. */
export async function loadRecord(operator: Operator, domain: DomainName, resource: Resource, id: string): Promise<Loaded> {
  try {
    return { ok: true, record: await getRecord(operator, domain, resource, id) };
  } catch (error) {
    if (pageAnswerOf(error) !== 'error') return refusePage(error); // 404, 403, signed out
    const { status, message } = describePageError(error);
    const t = await getTranslations('record.loadError');
    return { ok: false, title: status === 503 ? t('unavailable') : t('failed'), message };
  }
}

/** The record label's columns, unless one of them is masked for this operator (a label must not unmask). */
function visibleLabel(operator: Operator, resource: Resource): Resource['recordLabel'] {
  const masked = maskedColumns(operator, resource);
  return resource.recordLabel && !resource.recordLabel.columns.some((c) => masked.has(c)) ? resource.recordLabel : undefined;
}

/** The column a foreign-key picker shows beside the key: the record label's first column. */
export function labelColumnOf(operator: Operator, resource: Resource): ResolvedColumn | undefined {
  const name = visibleLabel(operator, resource)?.columns[0];
  return name ? resource.columns.find((c) => c.name === name) : undefined;
}

/** "Author 12 (Ada Lovelace)" in the page's language, and the label alone for titles. */
export async function recordName(
  operator: Operator,
  resource: Resource,
  row: Record<string, unknown>,
  id: string,
): Promise<{ name: string; label: string | undefined }> {
  const t = await getTranslations('record');
  const recordLabel = visibleLabel(operator, resource);
  const label = recordLabel ? formatRecordLabel(recordLabel, row) : undefined;
  const named = { resource: resource.singular, id: displayIdOf(id) };
  return { name: label ? t('nameLabelled', { ...named, label }) : t('name', named), label };
}

/** For each foreign-key column: what its picker searches, and the label of the row it points to now. */
export async function referenceInfos(
  operator: Operator,
  domain: DomainName,
  resource: Resource,
  row?: Record<string, unknown>,
): Promise<Record<string, ReferenceInfo>> {
  const all = await resourcesOf(domain);
  const out: Record<string, ReferenceInfo> = {};
  await Promise.all(
    resource.columns.map(async (column) => {
      if (!column.references) return;
      const target = all.find((r) => r.name === column.references!.resource);
      if (!target) return;
      const key = target.columns.find((c) => c.name === column.references!.column);
      const readable = can(operator, target, 'read');
      const labelColumn = readable ? labelColumnOf(operator, target) : undefined;
      const info: ReferenceInfo = {
        resource: target.name,
        title: target.title,
        keyColumn: column.references.column,
        keyType: key?.type ?? column.type,
        labelColumn: labelColumn?.name,
        searchable: readable && resourceAsSeenBy(operator, target).columns.some((c) => c.searchable),
        readable,
      };
      const value = row?.[column.name];
      if (readable && value !== null && value !== undefined) {
        // A dangling or unreadable reference has no label: the id alone is shown.
        const label = (await labelsByKey(operator, domain, target, column.references.column, [value]))[String(value)];
        if (label !== undefined) info.currentLabel = label;
      }
      out[column.name] = info;
    }),
  );
  return out;
}

/** "Referenced by", as links: each group to the referrer's list filtered by its column when it can be. */
export async function referrerGroups(operator: Operator, domain: DomainName, resource: Resource, row: Record<string, unknown>): Promise<ReferrerGroup[]> {
  const referrers = await referencedBy(operator, domain, resource, row, await resourcesOf(domain));
  return referrers.map((r) => {
    const seen = resourceAsSeenBy(operator, r.resource);
    const column = seen.columns.find((c) => c.name === r.column)!;
    const value = String(row[column.references!.column]);
    const base = `/d/${domain}/${r.resource.name}`;
    const params = new URLSearchParams();
    if (column.filter === 'equals' || column.filter === 'oneOf') params.set(`f.${column.name}`, value);
    else if (column.filter === 'range') {
      params.set(`f.${column.name}.min`, value);
      params.set(`f.${column.name}.max`, value);
    }
    const query = params.toString();
    return {
      key: `${r.resource.name}-${r.column}`,
      title: r.resource.title,
      singular: r.resource.singular,
      columnLabel: column.label,
      count: r.count,
      capped: r.count >= 1000,
      href: query ? `${base}?${query}` : base,
      filtered: query !== '',
      samples: r.sample.map((s) => {
        const id = encodeRecordId(r.resource, s);
        return { href: `${base}/${id}`, label: displayIdOf(id) };
      }),
    };
  });
}

/** The record's inline related tables (ResourceDef.inlines) this operator may see: those of resources they may read. */
export async function recordInlines(operator: Operator, domain: DomainName, resource: Resource, row: Record<string, unknown>): Promise<InlineTable[]> {
  return inlineTables(operator, resource, row, await resourcesOf(domain));
}

/**
 * One page of an inline table, or why it could not be loaded (a cursor from another list, the
 * domain down) in words for the table's place: the record page itself is already shown.
 */
export async function loadInline(
  operator: Operator,
  domain: DomainName,
  table: InlineTable,
  position: InlinePosition,
): Promise<{ result: ListResult; error?: undefined } | { result?: undefined; error: { title: string; message: string } }> {
  try {
    return { result: await listInline(operator, domain, table, position) };
  } catch (error) {
    const { status, message } = describePageError(error);
    const t = await getTranslations('record.loadError');
    const title = status === 400 ? t('inlinePage') : status === 503 ? t('unavailable') : t('inlineFailed', { table: table.title });
    return { error: { title, message } };
  }
}
