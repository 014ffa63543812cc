import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { toHttpError } from '../../src/engine/http/errors';
import { readCatalog } from '../../src/engine/introspect/catalog';
import { catalogToDefinitions } from '../../src/engine/introspect/to-definitions';
import { listResource } from '../../src/engine/list/run-list';
import { getRecord, referencedBy } from '../../src/engine/records/read-record';
import { createRecord } from '../../src/engine/records/write-record';
import { resolveResource } from '../../src/engine/resources/define';
import { findResource, resourcesOf } from '../../src/engine/resources/registry';
import { searchEverywhere } from '../../src/engine/search/search-all';
import { SCHEMA_ZOO_SQL } from '../fixtures/schema-zoo';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * The schema zoo (tests/fixtures/schema-zoo.ts) read through a zero-config domain, as a hub
 * pointed at someone else's database meets it: foreign keys of partitioned tables, a view
 * without a key, limits of types and domains, secret columns.
 */
let db: TestDatabase;
let hub: TestDatabase;
const zoo = 'zoo' as DomainName;

beforeAll(async () => {
  db = await createTestDatabase('schema_zoo');
  await adminQuery(SCHEMA_ZOO_SQL, [], db.url);
  hub = await createTestDatabase('schema_zoo_hub');
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('zoo', db.url)]);
  await migrateHubDatabase();
});
afterAll(async () => {
  await resetEngine();
  await db?.drop();
  await hub?.drop();
});

/** Every page of a list, following `next` to the end; fails if the cursors loop. */
async function everyRow(resource: Awaited<ReturnType<typeof findResource>>['resource'], params: Record<string, string>) {
  const rows: Record<string, unknown>[] = [];
  let after: string | null | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listResource(superadmin, zoo, resource, { ...params, ...(after ? { after } : {}) });
    rows.push(...page.rows);
    after = page.next;
    if (!after) return rows;
  }
  throw new Error('the list never ended');
}

const textOf = (row: Record<string, unknown>) => JSON.stringify([row.name ?? null, row.email ?? null, row.city ?? null]);

describe('foreign keys of partitioned tables', () => {
  it('links a column whose foreign key is declared on the partitioned parent, or only on a partition', async () => {
    const { resource: books } = await findResource('zoo', 'books');
    const { resource: loans } = await findResource('zoo', 'loans');
    expect(books.columns.find((c) => c.name === 'shelf_id')!.references).toMatchObject({ resource: 'shelves', column: 'id', target: { title: 'Shelves' } });
    expect(loans.columns.find((c) => c.name === 'shelf_id')!.references).toMatchObject({ resource: 'shelves', column: 'id', target: { title: 'Shelves' } });
  });

  it('lists the partitioned rows that refer to a record on its page', async () => {
    const { resource: shelves } = await findResource('zoo', 'shelves');
    const { row } = await getRecord(superadmin, zoo, shelves, '2');
    const referrers = await referencedBy(superadmin, zoo, shelves, row, await resourcesOf(zoo));
    expect(referrers.map((r) => [r.resource.name, r.column, r.count])).toEqual([
      ['books', 'shelf_id', 40],
      ['loans', 'shelf_id', 1],
    ]);
  });
});

describe('a view without a key', () => {
  it('is keyless and read-only, and pages to its end in any order with every row exactly once', async () => {
    const { resource: view } = await findResource('zoo', 'customer-list');
    expect(view.keyless).toBe(true);
    expect(view.readOnly).toBe(true);
    const expected = await adminQuery<{ name: string | null; email: string | null; city: string | null }>(
      'SELECT name, email, city FROM customer_list',
      [],
      db.url,
    );
    expect(expected.length).toBe(130);
    for (const sort of [undefined, 'city', '-city', 'email', '-name']) {
      const rows = await everyRow(view, sort ? { sort } : {});
      expect(rows.map(textOf).sort(), `sort ${sort}`).toEqual(expected.map(textOf).sort());
    }
    // Sorted by a nullable column: NULLs last ascending, first descending, like PostgreSQL.
    const byCity = await everyRow(view, { sort: 'city' });
    expect(byCity.findIndex((r) => r.city === null)).toBe(byCity.length - expected.filter((r) => r.city === null).length);
  });

  it('goes back a page, and filters and searches like any list', async () => {
    const { resource: view } = await findResource('zoo', 'customer-list');
    const first = await listResource(superadmin, zoo, view, { sort: 'email', size: '20' });
    const second = await listResource(superadmin, zoo, view, { sort: 'email', size: '20', after: first.next! });
    expect(second.previous).not.toBeNull();
    const back = await listResource(superadmin, zoo, view, { sort: 'email', size: '20', before: second.previous! });
    expect(back.rows).toEqual(first.rows);
    expect(back.previous).toBeNull();

    const searched = await listResource(superadmin, zoo, view, { q: 'Person 7' });
    const [counted] = await adminQuery<{ n: string }>(
      "SELECT count(*) AS n FROM customer_list WHERE name ILIKE '%Person 7%' OR email ILIKE '%Person 7%'",
      [],
      db.url,
    );
    expect(searched.rows.length).toBe(Number(counted!.n));
    expect(searched.count.value).toBe(Number(counted!.n));
  });

  it('refuses a cursor that is not a position, and has no record pages: a 404 that says why', async () => {
    const { resource: view } = await findResource('zoo', 'customer-list');
    const error = await listResource(superadmin, zoo, view, { after: 'WyJ4Il0' }).catch((e: unknown) => e);
    expect(toHttpError(error).status).toBe(400);
    const missing = toHttpError(await getRecord(superadmin, zoo, view, 'Person%201').catch((e: unknown) => e));
    expect(missing).toEqual({ status: 404, body: { error: 'Rows of customer list have no key, so none has a page of its own: find them in the list.' } });
  });

  it('shows up in search with hits that open the list searched for the term', async () => {
    const [results] = await searchEverywhere(superadmin, 'Person 11');
    const group = results!.groups.find((g) => g.resource === 'customer-list')!;
    expect(group.hits.length).toBeGreaterThan(0);
    expect(new Set(group.hits.map((h) => h.href))).toEqual(new Set(['/d/zoo/customer-list?q=Person+11']));
    expect(group.hits[0]!.label).toMatch(/Person 11/);
  });
});

describe('limits of types and domains', () => {
  /** The zero-config definition of grades, made writable (as a definition overlay would). */
  async function writableGrades() {
    const def = catalogToDefinitions('zoo', await readCatalog(zoo)).find((d) => d.name === 'grades')!;
    return resolveResource({ ...def, readOnly: false });
  }

  it('reads varchar lengths and numeric precision from the catalog, through domains', async () => {
    const grades = await writableGrades();
    const column = (name: string) => grades.columns.find((c) => c.name === name)!;
    expect(column('label').maxLength).toBe(5);
    expect(column('code').maxLength).toBe(5); // a domain over varchar(5)
    expect(column('price').digits).toEqual({ precision: 6, scale: 2 });
  });

  it('puts every refusal on its field, in words, without constraint names', async () => {
    const grades = await writableGrades();
    const refusal = async (input: Record<string, unknown>) => {
      const { status, body } = toHttpError(await createRecord(superadmin, zoo, grades, input).catch((e: unknown) => e));
      expect(status).toBe(400);
      return body;
    };
    expect((await refusal({ price: '10000' })).fieldErrors).toEqual({
      price: 'Too large for this column: at most 4 digits before the decimal point (it keeps 2 decimals).',
    });
    expect((await refusal({ price: '9999.995' })).fieldErrors).toEqual({ price: expect.stringMatching(/^Too large/) }); // rounds up to 10000.00
    expect((await refusal({ label: 'sixsix' })).fieldErrors).toEqual({ label: 'At most 5 characters.' });
    expect((await refusal({ score: '101' })).fieldErrors).toEqual({ score: 'Not allowed: the type percent requires CHECK ((VALUE >= 0) AND (VALUE <= 100)).' });
    expect((await refusal({ code: 'ab' })).fieldErrors).toEqual({ code: expect.stringMatching(/^Not allowed: the type short_code requires CHECK/) });
    expect((await refusal({ weight: '0' })).fieldErrors).toEqual({ weight: 'Not allowed: the table requires CHECK (weight > 0).' });
    // What fits is saved as typed: the database rounds to the scale.
    const saved = await createRecord(superadmin, zoo, grades, { price: '9999.994', label: '한국어요', score: '100', code: 'XY', weight: '2' });
    expect(saved.row).toMatchObject({ price: '9999.99', label: '한국어요', score: 100, code: 'XY' });
  });
});

describe('secret-named columns', () => {
  it('are masked in lists and on record pages for every role', async () => {
    const { resource: staff } = await findResource('zoo', 'staff');
    const page = await listResource(superadmin, zoo, staff, {});
    expect(page.rows[0]).toMatchObject({ name: 'Ada' });
    expect(JSON.stringify(page.rows)).not.toMatch(/bcrypt|tok_live/);
    const { row } = await getRecord(superadmin, zoo, staff, '1');
    expect(JSON.stringify(row)).not.toMatch(/bcrypt|tok_live/);
  });
});
