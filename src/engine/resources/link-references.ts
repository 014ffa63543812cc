import { resolveRowScope } from '../auth/row-scope';
import { linkInlines, type InlineDrift } from './inlines';
import type { Resource } from './types';

/**
 * Tells each foreign-key column what it points at (title, record label, searchable), and each
 * resource who points at it (its referrers), once a domain's resources are all resolved: a
 * definition names only the target's resource name, and the list's reference and "has related
 * rows" filters and labels need the rest. A reference to a resource the domain
 * does not have is left as it is (shown as a plain id). `drift`: see InlineDrift.
 */
export function linkReferences(resources: readonly Resource[], drift?: InlineDrift): void {
  const byName = new Map(resources.map((r) => [r.name, r]));
  for (const resource of resources) {
    const byTarget = new Map<string, number>();
    for (const column of resource.columns) if (column.references) byTarget.set(column.references.resource, (byTarget.get(column.references.resource) ?? 0) + 1);
    for (const column of resource.columns) {
      const target = column.references ? byName.get(column.references.resource) : undefined;
      if (!target || !column.references) continue;
      // Keyless rows (views) cannot be counted on to mean "related": only tables refer.
      if (!resource.keyless && target.columns.some((c) => c.name === column.references!.column)) {
        target.referrers.push({
          key: byTarget.get(target.name)! > 1 ? `${resource.name}.${column.name}` : resource.name,
          resource: resource.name,
          title: resource.title,
          table: resource.table,
          column: column.name,
          refColumn: column.references.column,
          readRole: resource.access.read,
          // A scoped referrer counts, for each operator, only the rows of its scope (resourceAsSeenBy).
          ...(resource.rowScope ? { scopeFor: (operator) => resolveRowScope(operator, resource) } : {}),
        });
      }
      column.references.target = {
        title: target.title,
        singular: target.singular,
        recordLabel: target.recordLabel,
        searchable: target.columns.some((c) => c.searchable),
        keyType: target.columns.find((c) => c.name === column.references!.column)?.type ?? column.type,
      };
    }
  }
  // Inline related tables (ResourceDef.inlines) need the related resource and its foreign key here.
  linkInlines(resources, drift);
}
