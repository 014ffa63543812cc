import type { Resource } from './types';

/**
 * Tells each foreign-key column what it points at (title, record label, searchable), once a
 * domain's resources are all resolved: a definition names only the target's resource name, and
 * the list's reference filter and labels need the rest. A reference to a resource the domain
 * does not have is left as it is (shown as a plain id).
 */
export function linkReferences(resources: readonly Resource[]): void {
  const byName = new Map(resources.map((r) => [r.name, r]));
  for (const resource of resources) {
    for (const column of resource.columns) {
      const target = column.references ? byName.get(column.references.resource) : undefined;
      if (!target || !column.references) continue;
      column.references.target = {
        title: target.title,
        singular: target.singular,
        recordLabel: target.recordLabel,
        searchable: target.columns.some((c) => c.searchable),
        keyType: target.columns.find((c) => c.name === column.references!.column)?.type ?? column.type,
      };
    }
  }
}
