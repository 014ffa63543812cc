import { can } from '../auth/access';
import type { Operator } from '../auth/operator';
import { configuredDomains, type DomainName } from '../config/current';
import { parseValue } from '../list/values';
import { labelsByKey } from '../records/reference-labels';
import { resourcesOf } from '../resources/registry';
import type { Resource } from '../resources/types';

/**
 * What the log needs to know about a resource its entries name, to say who changed what in
 * that resource's own words: its title, its columns' labels ("Words", not `word_count`), and
 * whether a record link may be offered (the resource still exists, has keys, and this
 * operator may read it).
 */
export interface AuditSubject {
  title: string;
  singular: string;
  labels: Record<string, string>;
  /** Columns the log stores masked (masks and secrets): shown as stored, said to be masked. */
  masked: string[];
  linkable: boolean;
  /** Record labels by record id for the entries of this page ("20000" → "Hello world"), where the operator may read them. */
  records: Record<string, string>;
}

/** Keyed by `<domain>/<resource>`. */
export type AuditSubjects = Record<string, AuditSubject>;

export const subjectKey = (domain: string, resource: string) => `${domain}/${resource}`;

function describe(operator: Operator, resource: Resource): AuditSubject {
  return {
    title: resource.title,
    singular: resource.singular,
    labels: Object.fromEntries(resource.columns.map((c) => [c.name, c.label])),
    masked: resource.columns.filter((c) => c.mask || c.secret).map((c) => c.name),
    linkable: !resource.keyless && can(operator, resource, 'read'),
    records: {},
  };
}

/**
 * The subjects of a page of entries: one registry lookup per domain named, never one per row.
 * A domain no longer configured, or one whose catalog cannot be read right now, is left out:
 * its entries still show, with humanized column names and no record link.
 */
export async function auditSubjects(operator: Operator, entries: object[]): Promise<AuditSubjects> {
  const configured = new Set(configuredDomains());
  const wanted = new Map<string, Set<string>>();
  const ids = new Map<string, string[]>();
  for (const e of entries as { domain?: unknown; resource?: unknown; record_id?: unknown }[]) {
    if (typeof e.domain !== 'string' || typeof e.resource !== 'string' || !configured.has(e.domain)) continue;
    wanted.set(e.domain, (wanted.get(e.domain) ?? new Set()).add(e.resource));
    if (typeof e.record_id === 'string') ids.set(subjectKey(e.domain, e.resource), [...(ids.get(subjectKey(e.domain, e.resource)) ?? []), e.record_id]);
  }
  const out: AuditSubjects = {};
  await Promise.all(
    [...wanted].map(async ([domain, names]) => {
      const resources = await resourcesOf(domain as DomainName).catch(() => [] as Resource[]);
      await Promise.all(
        resources
          .filter((resource) => names.has(resource.name))
          .map(async (resource) => {
            const key = subjectKey(domain, resource.name);
            out[key] = { ...describe(operator, resource), records: await recordLabels(operator, domain as DomainName, resource, ids.get(key) ?? []) };
          }),
      );
    }),
  );
  return out;
}

/**
 * Labels of the records a page of entries names, one lookup per resource (single-column keys:
 * a stored id is the key's value). Records deleted since have none: the id alone is shown.
 */
async function recordLabels(operator: Operator, domain: DomainName, resource: Resource, ids: string[]): Promise<Record<string, string>> {
  if (resource.primaryKey.length !== 1 || resource.keyless || ids.length === 0) return {};
  const key = resource.columns.find((c) => c.name === resource.primaryKey[0]);
  // Ids that could not be this key (a hand-edited entry) would fail the whole lookup: leave them out.
  const valid = ids.filter((id) => key !== undefined && parseValue(key, decodeURIComponent(id)).ok).map((id) => decodeURIComponent(id));
  const labels = await labelsByKey(operator, domain, resource, resource.primaryKey[0]!, valid);
  return Object.fromEntries(Object.entries(labels).map(([id, label]) => [encodeURIComponent(id), label]));
}
