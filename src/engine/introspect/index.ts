import type { DomainName } from '../config/current';
import { resolveResource } from '../resources/define';
import { linkReferences } from '../resources/link-references';
import type { Resource } from '../resources/types';
import { readCatalog } from './catalog';
import { catalogToDefinitions } from './to-definitions';

export { readCatalog, HUB_TABLE_PREFIX } from './catalog';
export { catalogToDefinitions, planDefinitions, type DefinitionPlan, type PlannedDefinition, type SkippedTable } from './to-definitions';
export { chooseRowKey, type RowKey } from './row-key';
export { exportNameFor, renderDefinitionFile, type RenderOptions } from './render-file';
export { describePlanned, notesFor, summarize } from './summary';
export type { CatalogColumn, CatalogForeignKey, CatalogKind, CatalogTable, CatalogUniqueKey } from './types';

/**
 * The resources of a domain nobody has written definitions for yet, straight from its
 * catalog. Always read-only: guesses about which columns a person may edit stay guesses
 * until a developer commits a definition (`npm run introspect` writes one to start from).
 */
export async function introspectResources(domain: DomainName): Promise<Resource[]> {
  const definitions = catalogToDefinitions(domain, await readCatalog(domain));
  const resources = definitions.map((def) => resolveResource({ ...def, readOnly: true }, { introspected: true }));
  linkReferences(resources);
  return resources;
}
