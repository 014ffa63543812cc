import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { toHttpError } from '../../src/engine/http/errors';
import { listResource } from '../../src/engine/list/run-list';
import { findResource } from '../../src/engine/resources/registry';
import { searchEverywhere } from '../../src/engine/search/search-all';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * Schema states a hub meets on databases it did not create, read through a zero-config
 * (introspected) domain: a materialized view never refreshed, a table the hub's user may not
 * read, a column dropped after the definitions were read. Each is a 4xx in words, and search
 * leaves that one resource out with its reason while the rest of the domain answers.
 */
let db: TestDatabase;
const shop = 'shop' as DomainName;

beforeAll(async () => {
  db = await createTestDatabase('schema_states');
  await adminQuery(
    `CREATE TABLE products (id int PRIMARY KEY, title text NOT NULL, note text);
     INSERT INTO products SELECT g, 'Lamp ' || g, 'n' FROM generate_series(1, 20) g;
     CREATE MATERIALIZED VIEW product_titles AS SELECT id, title FROM products WITH NO DATA;
     CREATE UNIQUE INDEX ON product_titles (id);`,
    [],
    db.url,
  );
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('shop', db.url)]);
});
afterAll(async () => {
  await resetEngine();
  await db?.drop();
});

describe('schema states are refusals in words, never a 500', () => {
  it('says a materialized view has not been populated, and search still answers for the rest of the domain', async () => {
    const { resource: titles } = await findResource('shop', 'product-titles');
    const error = await listResource(superadmin, shop, titles, {}).catch((e: unknown) => e);
    expect(toHttpError(error)).toEqual({
      status: 409,
      body: { error: 'product_titles has not been populated yet: nothing to show until it is refreshed (REFRESH MATERIALIZED VIEW).' },
    });

    const [results] = await searchEverywhere(superadmin, 'Lamp');
    expect(results!.status).toBe('ok');
    const byResource = Object.fromEntries(results!.groups.map((g) => [g.resource, g]));
    expect(byResource.products!.hits.length).toBeGreaterThan(0);
    expect(byResource['product-titles']!.note).toBe(
      'Left out: product_titles has not been populated yet: nothing to show until it is refreshed (REFRESH MATERIALIZED VIEW).',
    );

    await adminQuery('REFRESH MATERIALIZED VIEW product_titles', [], db.url);
    expect((await listResource(superadmin, shop, titles, {})).rows.length).toBe(20);
  });

  it('says which column is gone when the table changed after the definitions were read', async () => {
    const { resource: products } = await findResource('shop', 'products');
    await adminQuery('ALTER TABLE products DROP COLUMN note', [], db.url);
    const { status, body } = toHttpError(await listResource(superadmin, shop, products, { cols: 'id,title,note' }).catch((e: unknown) => e));
    expect(status).toBe(409);
    expect(body.error).toBe('Column "note" is named by the definition but is not in the table (any more): `npm run doctor` lists what differs.');
  });
});
