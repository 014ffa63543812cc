import { can } from '../auth/access';
import type { Operator } from '../auth/operator';
import { configuredDomains, type DomainName } from '../config/current';
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
  for (const e of entries as { domain?: unknown; resource?: unknown }[]) {
    if (typeof e.domain !== 'string' || typeof e.resource !== 'string' || !configured.has(e.domain)) continue;
    wanted.set(e.domain, (wanted.get(e.domain) ?? new Set()).add(e.resource));
  }
  const out: AuditSubjects = {};
  await Promise.all(
    [...wanted].map(async ([domain, names]) => {
      const resources = await resourcesOf(domain as DomainName).catch(() => [] as Resource[]);
      for (const resource of resources) if (names.has(resource.name)) out[subjectKey(domain, resource.name)] = describe(operator, resource);
    }),
  );
  return out;
}
