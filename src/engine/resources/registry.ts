import { can, canSeeDomain } from '../auth/access';
import type { Operator } from '../auth/operator';
import { checkDomain, configuredDomains, type DomainName } from '../config/current';
import { introspectResources } from '../introspect';
import { resolveResource } from './define';
import { linkReferences } from './link-references';
import type { Resource } from './types';
import { HubError } from '../errors';
import { currentHub, type Hub } from '../hub';

export class ResourceNotFoundError extends HubError {
  readonly status = 404;
  constructor(domain: string, name: string) {
    super(`Domain "${domain}" has no resource "${name}".`);
    this.name = 'ResourceNotFoundError';
  }
}

/** Definitions are resolved once per installed hub; introspection runs once per domain. */
interface Cache {
  hub: Hub;
  defined: Map<string, Resource[]>;
}
let cache: Cache | undefined;
const introspected = new Map<string, Promise<Resource[]>>();

/** Hand-written definitions by domain, resolved and checked (a bad one throws at first use, naming itself). */
export function definedResources(): Map<string, Resource[]> {
  const hub = currentHub();
  if (cache?.hub !== hub) {
    const byDomain = new Map<string, Resource[]>();
    for (const def of hub.resources) {
      const resource = resolveResource(def);
      byDomain.set(resource.domain, [...(byDomain.get(resource.domain) ?? []), resource]);
    }
    for (const resources of byDomain.values()) linkReferences(resources);
    cache = { hub, defined: byDomain };
  }
  return cache.defined;
}

/**
 * The resources of a configured domain: its definitions, or, when it has none, its tables
 * read from the catalog (read-only). Introspection runs once per domain per process; a
 * failed attempt (domain down) is forgotten so the next request tries again.
 */
export async function resourcesOf(domain: DomainName): Promise<Resource[]> {
  const defined = definedResources().get(domain);
  if (defined) return defined;
  let pending = introspected.get(domain);
  if (!pending) {
    pending = introspectResources(domain);
    introspected.set(domain, pending);
    pending.catch(() => introspected.delete(domain));
  }
  return pending;
}

/** Looks a resource up from URL segments; unknown domain or resource → 404 errors. */
export async function findResource(domainName: string, resourceName: string): Promise<{ domain: DomainName; resource: Resource }> {
  const domain = checkDomain(domainName);
  const resource = (await resourcesOf(domain)).find((r) => r.name === resourceName);
  if (!resource) throw new ResourceNotFoundError(domainName, resourceName);
  return { domain, resource };
}

/**
 * The domains and resources this operator may see, in configuration order; a domain whose
 * resources could not be read (down, introspection failed) comes with the reason.
 */
export async function navigation(operator: Operator): Promise<{ domain: string; resources: Resource[]; error?: string }[]> {
  const visible = configuredDomains().filter((name) => canSeeDomain(operator, name));
  return Promise.all(
    visible.map(async (name) => {
      try {
        const resources = await resourcesOf(checkDomain(name));
        return { domain: name, resources: resources.filter((r) => can(operator, r, 'read')) };
      } catch (error) {
        return { domain: name, resources: [], error: (error as Error).message };
      }
    }),
  );
}
