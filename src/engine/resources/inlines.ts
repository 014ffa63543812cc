import { englishOf } from './label';
import { ResourceDefinitionError } from './errors';
import type { InlineDef, ResolvedInline, Resource } from './types';

/*
 * Inline related tables (ResourceDef.inlines): what a definition says is checked twice. On its
 * own when it is resolved (a name, columns named once, a page size), and against the domain's
 * other resources once they are all known (linkInlines, from linkReferences): the related
 * resource exists and has a foreign key to this one, `via` names one, and the columns are its
 * own. Either way a mistake fails when the definitions are resolved, naming the resource.
 */

export const INLINE_PAGE_SIZE = 10;
const MAX_INLINE_PAGE_SIZE = 100;

/** ResourceDef.inlines with their defaults; `via` and `refColumn` wait for linkInlines. */
export function resolveInlines(id: string, defs: readonly InlineDef[] | undefined): ResolvedInline[] {
  if (defs === undefined) return [];
  if (!Array.isArray(defs)) throw new ResourceDefinitionError(id, 'inlines must be a list of { resource, via?, columns?, pageSize?, title? }.');
  const out = defs.map((def: InlineDef, i): ResolvedInline => {
    const what = `inline ${i + 1}${typeof def?.resource === 'string' ? ` ("${def.resource}")` : ''}`;
    if (typeof def?.resource !== 'string' || def.resource === '') throw new ResourceDefinitionError(id, `${what} needs the related resource's name.`);
    if (def.via !== undefined && (typeof def.via !== 'string' || def.via === ''))
      throw new ResourceDefinitionError(id, `${what}: via must name a foreign-key column of ${def.resource}.`);
    const size = def.pageSize ?? INLINE_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_INLINE_PAGE_SIZE)
      throw new ResourceDefinitionError(id, `${what}: pageSize must be a whole number from 1 to ${MAX_INLINE_PAGE_SIZE}.`);
    if (def.columns !== undefined) {
      if (!Array.isArray(def.columns) || def.columns.length === 0 || def.columns.some((c) => typeof c !== 'string'))
        throw new ResourceDefinitionError(id, `${what}: columns must be a non-empty list of ${def.resource}'s column names.`);
      const twice = def.columns.find((c, j) => def.columns!.indexOf(c) !== j);
      if (twice !== undefined) throw new ResourceDefinitionError(id, `${what}: columns names "${twice}" twice.`);
    }
    return {
      key: def.resource,
      resource: def.resource,
      via: def.via ?? '',
      refColumn: '',
      columns: def.columns ? [...def.columns] : undefined,
      pageSize: size,
      title: englishOf(def.title),
    };
  });
  // A resource shown twice (by two foreign keys) is told apart in the URL by its column.
  for (const inline of out) {
    if (out.filter((o) => o.resource === inline.resource).length > 1) {
      if (!inline.via)
        throw new ResourceDefinitionError(id, `inlines show "${inline.resource}" more than once: say which foreign key each one follows with via.`);
      inline.key = `${inline.resource}.${inline.via}`;
    }
  }
  const keys = out.map((o) => o.key);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated !== undefined) throw new ResourceDefinitionError(id, `inlines show "${repeated}" twice.`);
  return out;
}

/**
 * When a domain's definitions are laid over its catalog: the resources it defines (by name), and
 * where to report an inline the database no longer supports (its table gone, a foreign key or a
 * column dropped). A name no definition has is a mistake in the definition all the same.
 */
export interface InlineDrift {
  defined: ReadonlySet<string>;
  report(resource: string, message: string): void;
}

/**
 * Settles each inline of the domain's resources against the related resource: its foreign key
 * to this one (`via`, given or the only one), the column it holds (`refColumn`), and its
 * columns. The foreign-key column gets an equals filter if it has none, so "View all" (the
 * related list with `f.<via>=<id>`) and the inline's own list call can filter by it.
 */
export function linkInlines(resources: readonly Resource[], drift?: InlineDrift): void {
  const byName = new Map(resources.map((r) => [r.name, r]));
  for (const resource of resources) {
    const id = `${resource.domain}/${resource.name}`;
    const dropped = new Set<ResolvedInline>();
    for (const inline of resource.inlines ?? []) {
      const what = `inline "${inline.resource}"`;
      const related = byName.get(inline.resource);
      // Against a catalog, what the database changed under a definition is drift: the inline is left out and reported.
      const fail = (message: string): never | undefined => {
        if (!drift || (!related && !drift.defined.has(inline.resource))) throw new ResourceDefinitionError(id, message);
        drift.report(id, `${id}: ${message} The inline is left out.`);
        dropped.add(inline);
        return undefined;
      };
      if (!related) {
        const names = resources.map((r) => r.name).filter((n) => n !== resource.name);
        fail(`${what}: the domain "${resource.domain}" has no resource "${inline.resource}"${names.length ? `; it has ${names.join(', ')}` : ''}.`);
        continue;
      }
      const keys = related.columns.filter((c) => c.references?.resource === resource.name && resource.columns.some((k) => k.name === c.references!.column));
      const fkNames = keys.map((c) => c.name).join(', ');
      let via = keys.find((c) => c.name === inline.via);
      if (inline.via && !via) {
        fail(`${what}: via "${inline.via}" is not a foreign key of ${inline.resource} to ${resource.name}${keys.length ? `; use ${fkNames}` : ''}.`);
        continue;
      }
      if (!via) {
        if (keys.length !== 1) {
          fail(
            keys.length === 0
              ? `${what}: ${inline.resource} has no foreign key to ${resource.name} (a column with references: { resource: '${resource.name}' }).`
              : `${what}: ${inline.resource} refers to ${resource.name} by ${fkNames}; say which with via.`,
          );
          continue;
        }
        via = keys[0]!;
      }
      const unknown = (inline.columns ?? []).filter((name) => !related.columns.some((c) => c.name === name));
      if (unknown.length > 0) {
        fail(`${what}: ${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length > 1 ? 'are not columns' : 'is not a column'} of ${inline.resource}.`);
        continue;
      }
      inline.via = via.name;
      inline.refColumn = via.references!.column;
      if (!via.filter) via.filter = 'equals';
    }
    if (dropped.size > 0) resource.inlines = resource.inlines!.filter((inline) => !dropped.has(inline));
  }
}

/** The columns an inline shows: the definition's, or the related list's own without the foreign key (never none). */
export function inlineColumns(inline: ResolvedInline, related: Resource): string[] {
  if (inline.columns) return inline.columns;
  const listed = related.columns.filter((c) => c.list && c.name !== inline.via).map((c) => c.name);
  return listed.length > 0 ? listed : related.primaryKey;
}
