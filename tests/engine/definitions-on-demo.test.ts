import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBenchPosts } from '../../bench/seed-posts';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import type { DomainName } from '../../src/engine/config/current';
import { readCatalog } from '../../src/engine/introspect/catalog';
import { catalogToDefinitions } from '../../src/engine/introspect/to-definitions';
import { resolveResource } from '../../src/engine/resources/define';
import { overlayDomain } from '../../src/engine/resources/overlay';
import { definedResources, definitionDrift, definitionsChecked } from '../../src/engine/resources/registry';
import type { ResolvedColumn } from '../../src/engine/resources/types';
import { adminQuery, createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/**
 * The project's own definitions (the demo's blog and market, the bench's posts) against the
 * databases their seeds make: no drift, and reading the catalog changes nothing they serve.
 * `npm run doctor` lists drift per domain and exits 1 on it.
 */
let blog: TestDatabase;
let market: TestDatabase;
let bench: TestDatabase;
let hub: TestDatabase;

beforeAll(async () => {
  [blog, market, bench, hub] = await Promise.all([
    createTestDatabase('defs_blog'),
    createTestDatabase('defs_market'),
    createTestDatabase('defs_bench'),
    createTestDatabase('defs_hub'),
  ]);
  await Promise.all([
    withClient(blog.url, (c) => seedBlog(c)),
    withClient(market.url, (c) => seedMarket(c, { orders: 50 })),
    ensureBenchPosts(bench.url, 20, () => {}),
  ]);
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', blog.url), targetFromUrl('market', market.url), targetFromUrl('bench', bench.url)]);
});
afterAll(async () => {
  await resetEngine();
  await Promise.all([blog?.drop(), market?.drop(), bench?.drop(), hub?.drop()]);
});

/** What a column serves that the catalog decides. */
const shape = (c: ResolvedColumn) => [c.name, c.type, c.nullable, c.readOnly, c.hasDefault, c.required, c.options, c.maxLength, c.digits];

describe('the demo and bench definitions', () => {
  it.each(['blog', 'market', 'bench'])('have no drift against the seeded %s database', async (domain) => {
    expect(await definitionDrift(domain as DomainName)).toEqual([]);
    const checked = await definitionsChecked(domain as DomainName);
    expect(checked.unavailable.size).toBe(0);
    // Full-form domains serve the same columns whether or not the catalog was read first.
    const written = definedResources().get(domain);
    if (written)
      expect(checked.resources.map((r) => [r.name, r.primaryKey, r.columns.map(shape)])).toEqual(
        written.map((r) => [r.name, r.primaryKey, r.columns.map(shape)]),
      );
  });

  it('an overlay with only labels resolves to the columns and types the catalog gives', async () => {
    const tables = await readCatalog('market' as DomainName);
    const labelsOnly = { domain: 'market', name: 'orders', table: 'public.orders', title: 'Orders', columns: [{ name: 'status', label: 'State' }] };
    const { resources, drift } = overlayDomain([labelsOnly], tables);
    expect(drift).toEqual([]);
    const introspected = resolveResource(catalogToDefinitions('market', tables).find((d) => d.table === 'public.orders')!);
    const [orders] = resources;
    expect(orders!.primaryKey).toEqual(introspected.primaryKey);
    const byName = (columns: ResolvedColumn[]) => [...columns].sort((a, b) => a.name.localeCompare(b.name)).map(shape);
    expect(byName(orders!.columns)).toEqual(byName(introspected.columns));
    expect(orders!.columns.length).toBeGreaterThan(3);
    // In the table's order, the named column adjusted where it stands; newest first, as introspection sorts it.
    expect(orders!.columns.map((c) => c.name)).toEqual(tables.find((t) => t.name === 'orders')!.columns.map((c) => c.name));
    expect(orders!.columns.find((c) => c.name === 'status')).toMatchObject({
      label: 'State',
      type: introspected.columns.find((c) => c.name === 'status')!.type,
    });
    expect(orders!.defaultSort).toEqual(introspected.defaultSort);
  });
});

function doctor(): Promise<{ code: number | null; output: string }> {
  const root = path.resolve(import.meta.dirname, '../..');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(HUB_|BLOG_|MARKET_|BENCH_)/.test(name))) as NodeJS.ProcessEnv;
  Object.assign(env, {
    HUB_DOMAINS: 'blog,market',
    HUB_DATABASE_URL: hub.url,
    BLOG_DATABASE_URL: blog.url,
    MARKET_DATABASE_URL: market.url,
    HUB_AUTH_SECRET: 'definitions-doctor-test-secret-0123456789',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/doctor.ts'], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('npm run doctor', () => {
  it('says the definitions match, then lists the drift of a migrated domain and exits 1', async () => {
    const before = await doctor();
    expect(before.output).toContain('✓ blog: definitions match the database');
    expect(before.output).toContain('✓ market: definitions match the database');
    expect(before.code, before.output).toBe(0);

    await adminQuery('DROP TABLE post_tags', [], blog.url);
    const after = await doctor();
    expect(after.output).toContain('✗ blog: 1 difference(s) between the definitions and the database:');
    expect(after.output).toContain('  - blog/post-tags: table public.post_tags does not exist in the "blog" database (tables: ');
    expect(after.output).toContain('✓ market: definitions match the database');
    expect(after.code, after.output).toBe(1);
  }, 120_000);
});
