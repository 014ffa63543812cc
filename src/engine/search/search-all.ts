import { can, canSeeDomain, maskedColumns, resourceAsSeenBy } from '../auth/access';
import type { Operator } from '../auth/operator';
import { checkDomain, configuredDomains, type DomainName } from '../config/current';
import { DbUnavailableError } from '../db/errors';
import { reportError } from '../http/errors';
import { listResource } from '../list/run-list';
import { encodeRecordId } from '../records/record-id';
import { resourcesOf } from '../resources/registry';
import { formatRecordLabel } from '../resources/record-label';
import type { Resource } from '../resources/types';

export interface SearchHit {
  id: string;
  label: string;
  href: string;
}

export interface SearchGroup {
  resource: string;
  title: string;
  hits: SearchHit[];
  /** Why this resource was left out of the results (the rest of its domain still answered). */
  note?: string;
}

export interface DomainResults {
  domain: string;
  /** ok, or why this domain's results are missing: they are never silently dropped. */
  status: 'ok' | 'timeout' | 'error';
  error?: string;
  groups: SearchGroup[];
}

/** "Ada Lovelace (#12)": the record label unless a column of it is masked for this operator, then the key. */
function labelOf(operator: Operator, resource: Resource, row: Record<string, unknown>): string {
  const label = resource.recordLabel;
  const masked = maskedColumns(operator, resource);
  const text = label && !label.columns.some((c) => masked.has(c)) ? formatRecordLabel(label, row) : undefined;
  if (resource.keyless) return text ?? '(no text)';
  const key = resource.primaryKey.map((k) => String(row[k])).join(', ');
  return text ? `${text} (#${key})` : `#${key}`;
}

async function searchDomain(operator: Operator, domain: DomainName, term: string, perResource: number): Promise<SearchGroup[]> {
  const resources = (await resourcesOf(domain))
    .filter((r) => can(operator, r, 'read'))
    .map((r) => resourceAsSeenBy(operator, r))
    .filter((r) => r.columns.some((c) => c.searchable));
  const groups = await Promise.all(
    resources.map(async (resource): Promise<SearchGroup> => {
      let result;
      try {
        // The label's columns are read whether or not the list shows them.
        const cols = [...new Set([...resource.columns.filter((c) => c.list).map((c) => c.name), ...(resource.recordLabel?.columns ?? [])])].join(',');
        result = await listResource(operator, domain, resource, { q: term, size: String(perResource), cols }, { count: false, labels: false });
      } catch (error) {
        if (error instanceof DbUnavailableError) throw error; // the whole domain is down: said once, for the domain
        // One resource that cannot be read (a materialized view never refreshed, a lost grant)
        // is left out with its reason; the other resources of the domain still answer.
        const { body } = reportError(error); // logged once when unexpected, with the reference the note shows
        return { resource: resource.name, title: resource.title, hits: [], note: `Left out: ${body.error}` };
      }
      return {
        resource: resource.name,
        title: resource.title,
        hits: result.rows.map((row, i) => {
          // A keyless row has no page of its own: its hit opens the list searched for the term.
          if (resource.keyless)
            return { id: `#${i}`, label: labelOf(operator, resource, row), href: `/d/${domain}/${resource.name}?${new URLSearchParams({ q: term })}` };
          const id = encodeRecordId(resource, row);
          return { id, label: labelOf(operator, resource, row), href: `/d/${domain}/${resource.name}/${id}` };
        }),
      };
    }),
  );
  return groups.filter((g) => g.hits.length > 0 || g.note);
}

/**
 * Looks a term up in the searchable columns of every resource the operator may read, in all
 * domains at once. Each domain gets its own time budget; a domain that is down or too slow
 * comes back marked (timeout / error) with the reason, so missing results are visible.
 */
export async function searchEverywhere(operator: Operator, term: string, options: { budgetMs?: number; perResource?: number } = {}): Promise<DomainResults[]> {
  const q = term.trim();
  if (q.length < 2) return [];
  const budget = options.budgetMs ?? 2_000;
  const domains = configuredDomains().filter((d) => canSeeDomain(operator, d));
  return Promise.all(
    domains.map(async (name): Promise<DomainResults> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), budget)));
      try {
        const outcome = await Promise.race([searchDomain(operator, checkDomain(name), q.slice(0, 200), options.perResource ?? 5), timeout]);
        if (outcome === 'timeout') return { domain: name, status: 'timeout', error: `No answer within ${budget} ms.`, groups: [] };
        return { domain: name, status: 'ok', groups: outcome };
      } catch (error) {
        const message = error instanceof DbUnavailableError ? error.message : `Search failed in ${name}: ${reportError(error).body.error}`;
        return { domain: name, status: 'error', error: message, groups: [] };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
