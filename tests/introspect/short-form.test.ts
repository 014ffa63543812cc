import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownDomains } from '../../src/admin/domains';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import type { DomainName } from '../../src/engine/config/current';
import { planDefinitions, readCatalog, renderDefinitionFile, shortDefinition, type CatalogTable } from '../../src/engine/introspect';
import { resolveResource } from '../../src/engine/resources/define';
import { linkReferences } from '../../src/engine/resources/link-references';
import { isOverlay, overlayDomain } from '../../src/engine/resources/overlay';
import type { Resource } from '../../src/engine/resources/types';
import { adminQuery, createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { SCHEMA_ZOO_SQL } from '../fixtures/schema-zoo';
import { TYPE_ZOO_SQL } from '../fixtures/type-zoo';
import { loadFixture } from './fixture';
import { typecheckInProject } from './typecheck';

/**
 * `npm run introspect` writes the short (overlay) form: laid over the catalog it came from, each
 * definition must resolve to exactly the resource the full form resolves to, on every catalog
 * the tests have (introspection's fixture, the schema zoo, the type zoo, the demo's two domains,
 * and a few shapes none of them has).
 */
const MORE_SQL = `
  CREATE TYPE tone AS ENUM ('low', 'high');
  CREATE DOMAIN handle AS text;
  CREATE TABLE accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username text NOT NULL,
    api_key text,
    tones tone[] NOT NULL DEFAULT '{}',
    handles handle[],
    created_at timestamptz,
    deleted_at timestamptz
  );
  COMMENT ON TABLE accounts IS 'Who signs in
  (second line left out)';
  CREATE VIEW account_names AS SELECT id, username, created_at FROM accounts;
  CREATE VIEW notes_feed AS SELECT 'note ' || g AS title, repeat('x', g) AS body, g AS n FROM generate_series(1, 3) g;
  CREATE TABLE codes (code varchar(8) NOT NULL UNIQUE, description text);
  CREATE TABLE readings (id bigserial PRIMARY KEY, account_id uuid REFERENCES accounts (id), value numeric(8, 3), taken_at timestamp NOT NULL DEFAULT now())`;

const CATALOGS: { domain: string; load: (url: string) => Promise<void> }[] = [
  { domain: 'fixture', load: loadFixture },
  { domain: 'schemazoo', load: (url) => adminQuery(SCHEMA_ZOO_SQL, [], url).then(() => undefined) },
  { domain: 'typezoo', load: (url) => adminQuery(TYPE_ZOO_SQL, [], url).then(() => undefined) },
  { domain: 'more', load: (url) => adminQuery(MORE_SQL, [], url).then(() => undefined) },
  { domain: 'blog', load: (url) => withClient(url, (c) => seedBlog(c)) },
  { domain: 'market', load: (url) => withClient(url, (c) => seedMarket(c, { orders: 50 })) },
];

let databases: TestDatabase[] = [];
let hub: TestDatabase;
const catalogs = new Map<string, CatalogTable[]>();

beforeAll(async () => {
  hub = await createTestDatabase('short_hub');
  databases = await Promise.all(CATALOGS.map((c) => createTestDatabase(`short_${c.domain}`)));
  await Promise.all(CATALOGS.map((c, i) => c.load(databases[i]!.url)));
  installConfig(
    targetFromUrl('hub', hub.url),
    CATALOGS.map((c, i) => targetFromUrl(c.domain, databases[i]!.url)),
  );
  for (const { domain } of CATALOGS) catalogs.set(domain, await readCatalog(domain as DomainName));
});
afterAll(async () => {
  await resetEngine();
  await Promise.all([hub?.drop(), ...databases.map((d) => d.drop())]);
});

/** A resource as served, without what only linking adds by reference (compared separately) or functions. */
function served(resource: Resource): unknown {
  return {
    ...resource,
    hooks: Object.keys(resource.hooks),
    columns: resource.columns.map((c) => ({ ...c, references: c.references && { resource: c.references.resource, column: c.references.column } })),
    referrers: resource.referrers.map((r) => ({ ...r, scopeFor: undefined })),
  };
}

function forms(domain: string) {
  const catalog = catalogs.get(domain)!;
  const plan = planDefinitions(domain, catalog);
  const full = plan.planned.map((p) => resolveResource(p.def));
  linkReferences(full);
  const short = plan.planned.map(shortDefinition);
  return { catalog, plan, full, short };
}

describe('the short (overlay) form of introspected definitions', () => {
  it.each(CATALOGS.map((c) => c.domain))('resolves over the %s catalog to the same resources as the full form', (domain) => {
    const { catalog, plan, full, short } = forms(domain);
    expect(plan.planned.length).toBeGreaterThan(1);
    const overlaid = overlayDomain(short, catalog);
    expect(overlaid.drift).toEqual([]);
    expect([...overlaid.unavailable]).toEqual([]);
    expect(overlaid.resources.map(served)).toEqual(full.map(served));
    // Each short definition is an overlay and says nothing the catalog says.
    for (const def of short) {
      expect(isOverlay(def)).toBe(true);
      for (const column of def.columns ?? []) {
        expect(
          Object.keys(column).filter((k) => ['type', 'nullable', 'hasDefault', 'options', 'references', 'maxLength', 'precision', 'readOnly'].includes(k)),
        ).toEqual([]);
      }
    }
  });

  it('says only what the catalog does not: titles, searchable columns, sorts, keys that are not primary, soft delete, views', () => {
    const byName = (domain: string) => new Map(forms(domain).short.map((d) => [d.name, d]));
    const more = byName('more');
    expect(more.get('accounts')).toEqual({
      domain: 'more',
      name: 'accounts',
      table: 'public.accounts',
      title: 'Accounts',
      subtitle: 'Who signs in',
      search: ['username'], // a column only searchable goes into search (Django's search_fields)
      softDelete: 'deleted_at',
    });
    // A view PostgreSQL writes through: versioned by its values (the overlay knows it is writable).
    expect(more.get('account-names')).toEqual({
      domain: 'more',
      name: 'account-names',
      table: 'public.account_names',
      title: 'Account names',
      search: ['username'],
      rowVersion: 'values',
    });
    // Nothing identifies its rows: keyless (and so read-only, said by neither), ordered by its sortable columns.
    expect(more.get('notes-feed')).toMatchObject({ keyless: true, defaultSort: { column: 'title', direction: 'asc' } });
    expect(more.get('notes-feed')).not.toHaveProperty('readOnly');
    // A unique key stands in for the missing primary key.
    expect(more.get('codes')).toMatchObject({ primaryKey: ['code'] });
    expect(more.get('readings')).toEqual({ domain: 'more', name: 'readings', table: 'public.readings', title: 'Readings' });

    const fixture = byName('fixture');
    // A materialized view is read-only from the catalog; its unique index is its key.
    expect(fixture.get('author-stats')).toEqual({
      domain: 'fixture',
      name: 'author-stats',
      table: 'public.author_stats',
      primaryKey: ['author_id'],
      title: 'Author stats',
    });
    // Newest first by a NOT NULL created_at is what the overlay does anyway: left unsaid.
    expect(fixture.get('posts')).toMatchObject({ softDelete: 'deleted_at' });
    expect(fixture.get('posts')).not.toHaveProperty('defaultSort');
    expect(fixture.get('posts')).not.toHaveProperty('primaryKey');
  });

  it('renders files at most half as long as the full form, which compile under the project tsconfig', () => {
    for (const domain of ['fixture', 'typezoo', 'blog']) {
      const { plan, short } = forms(domain);
      const known = domain === 'blog' ? knownDomains : [];
      const shortFile = renderDefinitionFile(domain, short, { knownDomains: known, form: 'overlay' });
      const fullFile = renderDefinitionFile(
        domain,
        plan.planned.map((p) => p.def),
        { knownDomains: known },
      );
      expect(shortFile.length).toBeLessThan(fullFile.length / 2);
      expect(shortFile).not.toMatch(/nullable:|hasDefault:|type: '/);
      expect(shortFile).toContain('Each says only what the catalog does not');
      expect(typecheckInProject(shortFile)).toEqual([]);
    }
  }, 120_000);
});
