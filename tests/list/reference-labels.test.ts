import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainName } from '../../src/engine/config/current';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { listResource } from '../../src/engine/list/run-list';
import { labelsByKey } from '../../src/engine/records/reference-labels';
import { resolveResource } from '../../src/engine/resources/define';
import { linkReferences } from '../../src/engine/resources/link-references';
import { toHttpError } from '../../src/engine/http/errors';
import { findResource } from '../../src/engine/resources/registry';
import { searchEverywhere } from '../../src/engine/search/search-all';
import { adminQuery, createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * Foreign keys in lists are named by the referenced record's label ("Ada Lovelace", not "79"),
 * looked up once per referenced resource per page, only where the operator may read it and
 * never through a masked column.
 */
let blog: TestDatabase;
let market: TestDatabase;
const marketViewer: Operator = { id: 'mv', email: 'mv@t', name: 'mv', superadmin: false, roles: { market: 'viewer' }, sessionId: undefined };

beforeAll(async () => {
  [blog, market] = await Promise.all([createTestDatabase('labels_blog'), createTestDatabase('labels_market')]);
  await Promise.all([withClient(blog.url, (c) => seedBlog(c)), withClient(market.url, (c) => seedMarket(c, { orders: 400 }))]);
  installConfig(targetFromUrl('hub', blog.url), [targetFromUrl('blog', blog.url), targetFromUrl('market', market.url)]);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await resetEngine();
  await Promise.all([blog?.drop(), market?.drop()]);
});

/** Counts the statements the engine sends that read `table`, while `work` runs (a counter around the real driver). */
async function statementsOn<T>(table: string, work: () => Promise<T>): Promise<{ result: T; count: number }> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  try {
    const result = await work();
    const count = spy.mock.calls.filter(([config]) => {
      const text = typeof config === 'string' ? config : (config as { text?: string }).text;
      return typeof text === 'string' && text.includes(`FROM "public"."${table}"`);
    }).length;
    return { result, count };
  } finally {
    spy.mockRestore();
  }
}

describe('foreign keys named by their record label', () => {
  it('labels every author on a page of posts with one query on authors', async () => {
    const { resource: posts } = await findResource('blog', 'posts');
    const { result: page, count } = await statementsOn('authors', () => listResource(superadmin, 'blog' as DomainName, posts, { size: '200' }));
    expect(count).toBe(1);
    const names = new Map(
      (await adminQuery<{ id: number; name: string }>('SELECT id, name FROM authors', [], blog.url)).map((a) => [String(a.id), a.name] as [string, string]),
    );
    const authorIds = new Set(page.rows.map((r) => String(r.author_id)));
    expect(authorIds.size).toBeGreaterThan(1);
    expect(page.labels!.author_id).toEqual(Object.fromEntries([...authorIds].map((id) => [id, names.get(id)])));
  });

  it('costs one query per referenced resource whatever the page size, for a viewer too', async () => {
    const { resource: orders } = await findResource('market', 'orders');
    for (const size of ['10', '300']) {
      const { result: page, count } = await statementsOn('customers', () => listResource(marketViewer, 'market' as DomainName, orders, { size }));
      expect(count, `size ${size}`).toBe(1);
      const labelled = Object.keys(page.labels!.customer_id!);
      expect(labelled.length).toBe(new Set(page.rows.map((r) => String(r.customer_id))).size);
    }
  });

  it('never labels through a column masked for the operator, nor a resource they may not read', async () => {
    const { resource: customers } = await findResource('market', 'customers');
    const byEmailDef = {
      domain: 'market',
      name: 'customers-by-email',
      table: 'customers',
      title: 'Customers',
      recordLabel: 'email',
      columns: customers.columns.map((c) => ({
        name: c.name,
        type: c.type,
        ...(c.name === 'email' ? { mask: 'email' as const, visibleFrom: 'editor' as const } : {}),
      })),
    };
    const byEmail = resolveResource(byEmailDef);
    const [row] = await adminQuery<{ id: string; email: string }>('SELECT id::text, email FROM customers ORDER BY id LIMIT 1', [], market.url);
    expect(await labelsByKey(superadmin, 'market' as DomainName, byEmail, 'id', [row!.id])).toEqual({ [row!.id]: row!.email });
    expect(await labelsByKey(marketViewer, 'market' as DomainName, byEmail, 'id', [row!.id])).toEqual({});
    const adminsOnly = resolveResource({ ...byEmailDef, name: 'customers-admin', access: { read: 'admin' } });
    expect(await labelsByKey(marketViewer, 'market' as DomainName, adminsOnly, 'id', [row!.id])).toEqual({});
  });

  it('names search hits by the record label', async () => {
    const [{ name }] = (await adminQuery<{ name: string }>('SELECT name FROM authors ORDER BY id LIMIT 1', [], blog.url)) as [{ name: string }];
    const results = await searchEverywhere(superadmin, name);
    const authors = results.find((d) => d.domain === 'blog')!.groups.find((g) => g.resource === 'authors')!;
    expect(authors.hits[0]!.label).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(#\\d+\\)$`));
  });
});

describe('has related rows', () => {
  it('keeps the rows some referring row points at, or none does, exactly as the database counts them', async () => {
    const { resource: customers } = await findResource('market', 'customers');
    expect(customers.referrers.map((r) => r.key)).toContain('orders');
    const [counts] = await adminQuery<{ some: string; none: string }>(
      `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id))::text AS some,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id))::text AS none
         FROM customers c WHERE c.deleted_at IS NULL`, // the list hides soft-deleted customers
      [],
      market.url,
    );
    const some = await listResource(marketViewer, 'market' as DomainName, customers, { 'has.orders': 'true', count: 'exact' });
    const none = await listResource(marketViewer, 'market' as DomainName, customers, { 'has.orders': 'false', count: 'exact' });
    expect([some.count.value, none.count.value]).toEqual([Number(counts!.some), Number(counts!.none)]);
    expect(Number(counts!.none)).toBeGreaterThan(0);
    const [first] = some.rows;
    const [orders] = await adminQuery<{ n: string }>('SELECT count(*)::text AS n FROM orders WHERE customer_id = $1', [first!.id], market.url);
    expect(Number(orders!.n)).toBeGreaterThan(0);
  });

  it('is refused in words for what does not refer here, or what the operator may not read', async () => {
    const { resource: customers } = await findResource('market', 'customers');
    const refusal = async (operator: Operator, params: Record<string, string>) =>
      toHttpError(await listResource(operator, 'market' as DomainName, customers, params).catch((e: unknown) => e));
    expect(await refusal(marketViewer, { 'has.nope': 'true' })).toMatchObject({
      status: 400,
      body: {
        problems: [{ param: 'has.nope', message: expect.stringMatching(/^nothing you may read refers to Customers as "nope"; use one of: has\.orders/) }],
      },
    });
    expect(await refusal(marketViewer, { 'has.orders': 'maybe' })).toMatchObject({
      status: 400,
      body: { problems: [{ param: 'has.orders', message: 'must be true or false' }] },
    });
    // Orders readable by admins only: a viewer cannot learn which customers have some.
    const ordersForAdmins = resolveResource({
      domain: 'market',
      name: 'orders',
      table: 'orders',
      title: 'Orders',
      access: { read: 'admin' },
      columns: [
        { name: 'id', type: 'bigint' },
        { name: 'customer_id', type: 'bigint', references: { resource: 'customers' } },
      ],
    });
    const plainCustomers = resolveResource({
      domain: 'market',
      name: 'customers',
      table: 'customers',
      title: 'Customers',
      columns: [{ name: 'id', type: 'bigint' }],
    });
    linkReferences([plainCustomers, ordersForAdmins]);
    expect(plainCustomers.referrers.map((r) => r.readRole)).toEqual(['admin']);
    const viewerSees = toHttpError(await listResource(marketViewer, 'market' as DomainName, plainCustomers, { 'has.orders': 'true' }).catch((e: unknown) => e));
    expect(viewerSees.status).toBe(400);
    const admin: Operator = { ...marketViewer, roles: { market: 'admin' } };
    expect((await listResource(admin, 'market' as DomainName, plainCustomers, { 'has.orders': 'true' })).rows.length).toBeGreaterThan(0);
  });
});

describe('recordLabel in a definition', () => {
  it('takes a column or a template, guesses one from the usual names, and refuses columns that are not declared', () => {
    const base = { domain: 'blog' as const, name: 'people', table: 'people', title: 'People' };
    const columns = [
      { name: 'id', type: 'integer' as const },
      { name: 'first_name', type: 'text' as const },
      { name: 'last_name', type: 'text' as const },
      { name: 'password', type: 'text' as const, secret: true },
    ];
    expect(resolveResource({ ...base, columns }).recordLabel).toEqual({ columns: ['first_name', 'last_name'], template: '{first_name} {last_name}' });
    expect(resolveResource({ ...base, columns, recordLabel: 'last_name' }).recordLabel).toEqual({ columns: ['last_name'], template: '{last_name}' });
    expect(resolveResource({ ...base, columns, recordLabel: false }).recordLabel).toBeUndefined();
    expect(resolveResource({ ...base, columns: [columns[0]!, columns[3]!] }).recordLabel).toBeUndefined(); // a secret never names a row
    expect(resolveResource({ ...base, columns }).singular).toBe('Person');
    expect(() => resolveResource({ ...base, columns, recordLabel: '{first_name} {surname}' })).toThrow(
      `Resource "blog/people": recordLabel "{first_name} {surname}" must name declared columns (surname): a column, or a template like '{first_name} {last_name}'.`,
    );
  });
});
