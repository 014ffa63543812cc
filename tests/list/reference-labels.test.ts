import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainName } from '../../src/engine/config/current';
import { seedBlog, seedMarket } from '../../src/engine/embedded/seed';
import { listResource } from '../../src/engine/list/run-list';
import { labelsByKey } from '../../src/engine/records/reference-labels';
import { resolveResource } from '../../src/engine/resources/define';
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
