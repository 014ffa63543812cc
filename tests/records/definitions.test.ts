import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hub } from '../../src/admin/hub';
import type { DomainName } from '../../src/engine/config/current';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { readCatalog, type CatalogTable } from '../../src/engine/introspect';
import { isRequired } from '../../src/engine/records/input-schema';
import { definitionDrift, resourcesOf } from '../../src/engine/resources/registry';
import { createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/**
 * The demo's definitions, laid over their catalogs, say what the forms require: a NOT NULL
 * column without a default is required on create, a NOT NULL one on edit. So the served
 * resources must say what the database says, column by column: NOT NULL, DEFAULT, and written
 * by the database (identity, generated); and the definitions contradict nothing (no drift).
 */
let blog: TestDatabase;
let market: TestDatabase;
const catalogs = new Map<string, CatalogTable[]>();

beforeAll(async () => {
  [blog, market] = await Promise.all([createTestDatabase('defs_blog'), createTestDatabase('defs_market')]);
  await Promise.all([withClient(blog.url, (c) => seedBlog(c)), withClient(market.url, (c) => seedMarket(c, { orders: 50 }))]);
  installConfig(targetFromUrl('hub', blog.url), [targetFromUrl('blog', blog.url), targetFromUrl('market', market.url)]);
  for (const domain of ['blog', 'market'] as DomainName[]) catalogs.set(domain, await readCatalog(domain));
});
afterAll(async () => {
  await resetEngine();
  await Promise.all([blog?.drop(), market?.drop()]);
});

describe('demo definitions agree with their tables', () => {
  it.each(['blog', 'market'] as DomainName[])('%s: nullability, defaults and database-written columns', async (domain) => {
    expect(await definitionDrift(domain)).toEqual([]);
    const served = await resourcesOf(domain);
    expect(served.map((r) => r.name).sort()).toEqual(
      hub.resources
        .filter((d) => d.domain === domain)
        .map((d) => d.name)
        .sort(),
    );
    const mismatches: string[] = [];
    for (const resource of served) {
      const [schema, name] = [resource.table.schema, resource.table.name];
      const table = catalogs.get(domain)!.find((t) => t.schema === schema && t.name === name);
      expect(table, `${resource.name}: table ${schema}.${name}`).toBeDefined();
      if (table!.kind === 'view') continue; // view columns are all nullable; nothing is written there
      // Computed columns are expressions over the row, not columns of the table.
      for (const column of resource.columns.filter((c) => !c.computed)) {
        const db = table!.columns.find((c) => c.name === column.name);
        if (!db) {
          mismatches.push(`${resource.name}.${column.name}: not in the table`);
          continue;
        }
        const where = `${resource.name}.${column.name}`;
        if (column.nullable !== db.nullable) mismatches.push(`${where}: nullable ${column.nullable}, database ${db.nullable}`);
        const written = db.identity !== null || db.generated !== null;
        if (written && !column.readOnly) mismatches.push(`${where}: written by the database but not readOnly`);
        if (!column.readOnly && column.hasDefault !== db.hasDefault) mismatches.push(`${where}: hasDefault ${column.hasDefault}, database ${db.hasDefault}`);
        // What the forms require is what the database would refuse empty.
        if (!column.readOnly && isRequired(column, 'create') !== (!db.nullable && !db.hasDefault)) mismatches.push(`${where}: required on create disagrees`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
