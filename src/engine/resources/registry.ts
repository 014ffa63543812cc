import { can, canSeeDomain } from '../auth/access';
import type { Operator } from '../auth/operator';
import { checkDomain, configuredDomains, type DomainName } from '../config/current';
import { introspectResources } from '../introspect';
import { readCatalog } from '../introspect/catalog';
import { resolveResource } from './define';
import { linkReferences } from './link-references';
import { isOverlay, overlayDomain, type DriftProblem, type OverlaidDomain } from './overlay';
import type { Resource, ResourceDef } from './types';
import { HubError } from '../errors';
import { requestLocale, say } from '../i18n/say';
import { inLocale } from './localize';
import { currentHub, type Hub } from '../hub';

export class ResourceNotFoundError extends HubError {
  readonly status = 404;
  constructor(domain: string, name: string) {
    super(say('resources.notFound', { domain, name }));
    this.name = 'ResourceNotFoundError';
  }
}

/** A resource whose definition the domain's database no longer matches (its table is gone): a 409 in words, never a 500. */
export class DefinitionDriftError extends HubError {
  readonly status = 409;
  constructor(domain: string, name: string, reason: string) {
    super(
      `The definition of "${name}" in ${domain} does not match its database, so it cannot be shown: ${reason} (\`npm run doctor\` lists every difference.)`,
    );
    this.name = 'DefinitionDriftError';
  }
}

/**
 * Definitions are resolved once per installed hub; introspection runs once per domain; a
 * domain's catalog is read once per process for its definitions (overlay and drift).
 */
interface Cache {
  hub: Hub;
  defined: Map<string, Resource[]>;
}
let cache: Cache | undefined;
const introspected = new Map<string, Promise<Resource[]>>();
const overlaid = new Map<string, { hub: Hub; pending: Promise<OverlaidDomain>; settled?: OverlaidDomain }>();

/** The hub's definitions of one domain, as written. */
function definitionsOf(domain: string): ResourceDef<string>[] {
  return currentHub().resources.filter((d) => d.domain === domain);
}

/**
 * Hand-written definitions in the full form (every column typed) by domain, resolved and
 * checked without the database (a bad one throws at first use, naming itself). A domain with
 * an overlay definition is left out: it is resolved against its catalog (definitionsChecked).
 */
export function definedResources(): Map<string, Resource[]> {
  const hub = currentHub();
  if (cache?.hub !== hub) {
    const byDomain = new Map<string, Resource[]>();
    const overlays = new Set(hub.resources.filter(isOverlay).map((d) => d.domain));
    for (const def of hub.resources) {
      if (overlays.has(def.domain)) continue;
      const resource = resolveResource(def);
      byDomain.set(resource.domain, [...(byDomain.get(resource.domain) ?? []), resource]);
    }
    for (const resources of byDomain.values()) linkReferences(resources);
    cache = { hub, defined: byDomain };
  }
  return cache.defined;
}

/**
 * A defined domain's definitions laid over its catalog (read once per process; a failed read,
 * the domain down, is forgotten so the next call tries again): what is served, what cannot be,
 * and the drift. Start-up and `npm run doctor` call it; requests use it once it is known.
 */
export function definitionsChecked(domain: DomainName): Promise<OverlaidDomain> {
  const hub = currentHub();
  const known = overlaid.get(domain);
  if (known?.hub === hub) return known.pending;
  const entry: { hub: Hub; pending: Promise<OverlaidDomain>; settled?: OverlaidDomain } = {
    hub,
    pending: readCatalog(domain).then((tables) => overlayDomain(definitionsOf(domain), tables)),
  };
  overlaid.set(domain, entry);
  entry.pending.then(
    (result) => (entry.settled = result),
    () => overlaid.get(domain) === entry && overlaid.delete(domain),
  );
  return entry.pending;
}

/** Forgets what was read of the catalogs (a domain's, or all), so the next call reads them again: after a migration, in tests. */
export function forgetDefinitionChecks(domain?: string): void {
  if (domain === undefined) overlaid.clear();
  else overlaid.delete(domain);
}

/** Every difference between a domain's definitions and its database (none for a domain without definitions). */
export async function definitionDrift(domain: DomainName): Promise<DriftProblem[]> {
  return definitionsOf(domain).length === 0 ? [] : (await definitionsChecked(domain)).drift;
}

/**
 * The served state of a defined domain: from the catalog when it is known (or needed: an
 * overlay cannot be served without it), else the full-form definitions as written, which need
 * no database (a domain down still lists its resources).
 */
async function definedState(domain: DomainName): Promise<Pick<OverlaidDomain, 'resources' | 'unavailable'> | undefined> {
  const defs = definitionsOf(domain);
  if (defs.length === 0) return undefined;
  const known = overlaid.get(domain);
  if (known?.hub === currentHub() && known.settled) return known.settled;
  if (defs.some(isOverlay)) return definitionsChecked(domain);
  return { resources: definedResources().get(domain) ?? [], unavailable: new Map() };
}

/**
 * The resources of a configured domain: its definitions, or, when it has none, its tables
 * read from the catalog (read-only). Introspection runs once per domain per process; a
 * failed attempt (domain down) is forgotten so the next request tries again. A defined
 * resource whose table is gone is left out (findResource says why).
 */
export async function resourcesOf(domain: DomainName): Promise<Resource[]> {
  // In the request's language: its titles, labels and help where the definitions give them.
  return inLocale(await servedResources(domain), requestLocale());
}

async function servedResources(domain: DomainName): Promise<Resource[]> {
  const defined = await definedState(domain);
  if (defined) return defined.resources;
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
  const unavailable = (await definedState(domain))?.unavailable.get(resourceName);
  if (unavailable) throw new DefinitionDriftError(domainName, resourceName, unavailable);
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
