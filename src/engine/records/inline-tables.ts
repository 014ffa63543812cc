import { can, maskedColumns, resourceAsSeenBy } from '../auth/access';
import type { Operator } from '../auth/operator';
import type { PoolName } from '../db/pools';
import type { Row } from '../db/query';
import { listResource, type ListResult } from '../list/run-list';
import type { SearchParams } from '../list/list-query';
import { inlineColumns } from '../resources/inlines';
import type { Resource } from '../resources/types';

/*
 * Inline related tables on a record page (ResourceDef.inlines): the related resource's rows
 * whose foreign key holds this record's value, through the one list call (listResource), so
 * its access, masks, row scope, default sort and keyset cursors are the list's own.
 */

/** One inline as this operator may see it on one record. */
export interface InlineTable {
  /** Names it in the page's URL (ResolvedInline.key). */
  key: string;
  title: string;
  /** The related resource (as defined; listInline applies the operator's view of it). */
  related: Resource;
  /** Its foreign-key column, and this record's value it must hold. */
  via: string;
  value: string;
  columns: string[];
  pageSize: number;
  /** "View all": the related list filtered by the foreign key, `/d/<domain>/<related>?f.<via>=<value>`. */
  href: string;
}

/** Where an inline's page starts: the list's own cursor parameters (`after`, `before`) or a page number. */
export interface InlinePosition {
  after?: string;
  before?: string;
  page?: string;
}

/**
 * The record's inline tables this operator may see, in the definition's order. Left out: a
 * related resource the operator may not read (not shown at all, not even its title), one
 * whose foreign key is masked for them (filtering by it would reveal it), and any inline
 * when the record's value is masked or empty (nothing can point at it).
 */
export function inlineTables(operator: Operator, resource: Resource, row: Row, all: readonly Resource[]): InlineTable[] {
  const hidden = maskedColumns(operator, resource);
  const out: InlineTable[] = [];
  for (const inline of resource.inlines ?? []) {
    const related = all.find((r) => r.name === inline.resource && r.domain === resource.domain);
    if (!related || !inline.via || !can(operator, related, 'read')) continue;
    if (hidden.has(inline.refColumn) || !resourceAsSeenBy(operator, related).columns.find((c) => c.name === inline.via)?.filter) continue;
    const raw = row[inline.refColumn];
    if (raw === null || raw === undefined) continue;
    const value = String(raw);
    const query = new URLSearchParams({ [`f.${inline.via}`]: value });
    out.push({
      key: inline.key,
      title: inline.title ?? related.title,
      related,
      via: inline.via,
      value,
      columns: inlineColumns(inline, related),
      pageSize: inline.pageSize,
      href: `/d/${related.domain}/${related.name}?${query.toString()}`,
    });
  }
  return out;
}

/** The list parameters of one page of an inline: the foreign-key filter, its columns and page size, and the position. */
export function inlineParams(table: InlineTable, position: InlinePosition = {}): SearchParams {
  const params: SearchParams = { [`f.${table.via}`]: table.value, size: String(table.pageSize), cols: table.columns.join(',') };
  for (const key of ['after', 'before', 'page'] as const) if (position[key] !== undefined && position[key] !== '') params[key] = position[key];
  return params;
}

/**
 * One page of an inline: the list engine's result for the related resource filtered by the
 * foreign key (a 400 for a bad cursor, a 403 if read access went meanwhile, as the list gives).
 */
export function listInline(operator: Operator, domain: PoolName, table: InlineTable, position: InlinePosition = {}): Promise<ListResult> {
  return listResource(operator, domain, table.related, inlineParams(table, position));
}
