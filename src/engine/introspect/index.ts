import { targetFor, type DomainName } from '../config/current';
import type { ZeroConfigWriteRole } from '../config/types';
import { resolveResource } from '../resources/define';
import { linkReferences } from '../resources/link-references';
import type { FullResourceDef, Resource } from '../resources/types';
import { readCatalog } from './catalog';
import { catalogToDefinitions } from './to-definitions';

export { readCatalog, HUB_TABLE_PREFIX } from './catalog';
export { catalogToDefinitions, planDefinitions, type DefinitionPlan, type PlannedDefinition, type SkippedTable } from './to-definitions';
export { chooseRowKey, type RowKey } from './row-key';
export { shortDefinition } from './to-overlay';
export { renderRowTypesFile, rowValueKind, typeMembers, valueHasKind, type RowValueKind } from './row-types';
export { exportNameFor, renderDefinitionFile, type RenderOptions } from './render-file';
export { describePlanned, notesFor, summarize } from './summary';
export type { CatalogColumn, CatalogForeignKey, CatalogKind, CatalogTable, CatalogUniqueKey } from './types';

/**
 * An introspected definition as a domain without definitions serves it. Read-only unless the
 * operator set D_ZERO_CONFIG_WRITES: then every write (create, edit, delete, restore, bulk,
 * and delete for good, which stays admin-only) needs at least that role, on top of the hub's
 * minimums, and goes through the same engine paths, value model, conflict check and audit as
 * a defined resource's. What the catalog says cannot be written stays read-only whatever the
 * setting: views PostgreSQL does not write through, materialized views, relations without a
 * key, and identity, generated and expression columns. Secret-named columns are write-only.
 */
export function zeroConfigDefinition(def: FullResourceDef, writes: ZeroConfigWriteRole | undefined): FullResourceDef {
  if (!writes) return { ...def, readOnly: true };
  return { ...def, access: { ...def.access, create: writes, update: writes, delete: writes, restore: writes, bulk: writes, hardDelete: writes } };
}

/**
 * The resources of a domain nobody has written definitions for yet, straight from its
 * catalog: read-only, unless D_ZERO_CONFIG_WRITES says from which role they may be written
 * (guesses about which columns a person may edit stay guesses until an operator says so, or
 * a developer commits a definition: `npm run introspect` writes one to start from).
 */
export async function introspectResources(domain: DomainName): Promise<Resource[]> {
  const writes = targetFor(domain).zeroConfigWrites;
  const definitions = catalogToDefinitions(domain, await readCatalog(domain));
  const resources = definitions.map((def) => resolveResource(zeroConfigDefinition(def, writes), { introspected: true }));
  linkReferences(resources);
  return resources;
}
