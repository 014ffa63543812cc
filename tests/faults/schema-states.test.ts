import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { toHttpError } from '../../src/engine/http/errors';
import { listResource } from '../../src/engine/list/run-list';
import { findResource } from '../../src/engine/resources/registry';
import { searchEverywhere } from '../../src/engine/search/search-all';
import { refreshMaterializedView } from '../../src/engine/records/refresh-view';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { query } from '../../src/engine/db/query';
import type { Operator } from '../../src/engine/auth/operator';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * Schema states a hub meets on databases it did not create, read through a zero-config
 * (introspected) domain: a materialized view never refreshed, a table the hub's user may not
 * read, a column dropped after the definitions were read. Each is a 4xx in words, and search
 * leaves that one resource out with its reason while the rest of the domain answers.
 */
let db: TestDatabase;
let hub: TestDatabase;
const shop = 'shop' as DomainName;

beforeAll(async () => {
  db = await createTestDatabase('schema_states');
  await adminQuery(
    `CREATE TABLE products (id int PRIMARY KEY, title text NOT NULL, note text);
     INSERT INTO products SELECT g, 'Lamp ' || g, 'n' FROM generate_series(1, 20) g;
     CREATE MATERIALIZED VIEW product_titles AS SELECT id, title FROM products WITH NO DATA;
     CREATE UNIQUE INDEX ON product_titles (id);
     CREATE MATERIALIZED VIEW lamp_count AS SELECT count(*) AS n FROM products WITH NO DATA;
     CREATE MATERIALIZED VIEW slow_titles AS SELECT id, title FROM products, pg_sleep(0.5) WITH NO DATA;`,
    [],
    db.url,
  );
  hub = await createTestDatabase('schema_states_hub');
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('shop', db.url)]);
  await migrateHubDatabase();
});
afterAll(async () => {
  await resetEngine();
  await db?.drop();
  await hub?.drop();
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

  it('lets an admin refresh a materialized view, concurrently once it can be, audited; refuses others and non-views', async () => {
    const { resource: titles } = await findResource('shop', 'product-titles');
    const { resource: count } = await findResource('shop', 'lamp-count');
    const { resource: products } = await findResource('shop', 'products');
    const editor: Operator = { id: 'e', email: 'editor@t', name: 'e', superadmin: false, roles: { shop: 'editor' }, sessionId: undefined };
    await expect(refreshMaterializedView(editor, shop, count)).rejects.toThrow('Refreshing Lamp count needs the admin role in this domain.');
    await expect(refreshMaterializedView(superadmin, shop, products)).rejects.toThrow('Products is not a materialized view: there is nothing to refresh.');

    expect(await refreshMaterializedView(superadmin, shop, count)).toMatchObject({ concurrently: false }); // no unique index
    expect((await listResource(superadmin, shop, count, {})).rows).toEqual([{ n: '20' }]);
    expect(await refreshMaterializedView(superadmin, shop, titles)).toMatchObject({ concurrently: true }); // populated, unique index: readers keep reading

    const events = await query<{ resource: string; outcome: string; detail: string }>(
      'hub',
      "SELECT resource, outcome, detail FROM hub_audit WHERE action = 'refresh' ORDER BY id",
    );
    expect(events.map((e) => [e.resource, e.outcome, e.detail.split(',')[0]])).toEqual([
      ['lamp-count', 'succeeded', 'plain'],
      ['product-titles', 'succeeded', 'concurrently'],
    ]);
    // A refresh past its time budget is cancelled, nothing changes, and that is audited too.
    const { resource: slow } = await findResource('shop', 'slow-titles');
    await expect(refreshMaterializedView(superadmin, shop, slow, 100)).rejects.toThrow(
      'Refreshing Slow titles took longer than 100 ms and was cancelled; nothing changed.',
    );
    const [stopped] = await query<{ outcome: string; detail: string }>(
      'hub',
      "SELECT outcome, detail FROM hub_audit WHERE action = 'refresh' AND resource = 'slow-titles'",
    );
    expect(stopped).toEqual({ outcome: 'failed', detail: 'stopped after 100 ms' });
    expect(toHttpError(await listResource(superadmin, shop, slow, {}).catch((e: unknown) => e)).body.error).toMatch(/^slow_titles has not been populated yet/);
  });

  it('says which column is gone when the table changed after the definitions were read', async () => {
    const { resource: products } = await findResource('shop', 'products');
    await adminQuery('ALTER TABLE products DROP COLUMN note', [], db.url);
    const { status, body } = toHttpError(await listResource(superadmin, shop, products, { cols: 'id,title,note' }).catch((e: unknown) => e));
    expect(status).toBe(409);
    expect(body.error).toBe('Column "note" is named by the definition but is not in the table (any more): `npm run doctor` lists what differs.');
  });
});
