import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogToDefinitions, introspectResources, readCatalog, type CatalogColumn, type CatalogTable } from '../../src/engine/introspect';
import type { FullResourceDef } from '../../src/engine/resources/types';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { column as plain } from './builders';
import { loadFixture } from './fixture';

let db: TestDatabase;
let catalog: CatalogTable[];

beforeAll(async () => {
  db = await createTestDatabase('introspect');
  await loadFixture(db.url);
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
  catalog = await readCatalog('blog');
});
afterAll(async () => {
  await resetEngine();
  await db?.drop();
});

function table(qualified: string): CatalogTable {
  const found = catalog.find((t) => `${t.schema}.${t.name}` === qualified);
  if (!found) throw new Error(`${qualified} is not in the catalog`);
  return found;
}

function column(qualified: string, name: string): CatalogColumn {
  const found = table(qualified).columns.find((c) => c.name === name);
  if (!found) throw new Error(`${qualified}.${name} is not in the catalog`);
  return found;
}

const STATUS = ['draft', 'review', 'published', 'archived'];

describe('readCatalog', () => {
  it('lists tables, views, materialized views and partitioned tables: public first, partitions and hub tables left out', () => {
    expect(catalog.map((t) => [`${t.schema}.${t.name}`, t.kind])).toEqual([
      ['public.author_stats', 'materialized_view'],
      ['public.authors', 'table'],
      ['public.event_notes', 'table'],
      ['public.events', 'partitioned_table'],
      ['public.legacy_imports', 'table'],
      ['public.log_lines', 'table'],
      ['public.post_tags', 'table'],
      ['public.posts', 'table'],
      ['public.published_posts', 'view'],
      ['public.tags', 'table'],
      ['audit.entries', 'table'],
    ]);
  });

  it('estimates rows from reltuples, summing the partitions of a partitioned table', () => {
    // 300 in events_2024, 59 + 141 in the two sub-partitions of events_2025.
    expect(table('public.events')).toMatchObject({ estimatedRows: 500, analyzed: true });
    expect(table('public.authors')).toMatchObject({ estimatedRows: 20, analyzed: true });
    // A view has no statistics: reltuples -1 reads as "unknown", never as -1 rows.
    expect(table('public.published_posts')).toMatchObject({ estimatedRows: 0, analyzed: false });
  });

  it('reads keys in key order, unique indexes and foreign keys (once, even towards a partitioned table)', () => {
    expect(table('public.post_tags').primaryKey).toEqual(['post_id', 'tag_id']);
    expect(table('public.post_tags').foreignKeys).toEqual([
      { name: 'post_tags_post_id_fkey', columns: ['post_id'], references: { schema: 'public', table: 'posts', columns: ['id'] } },
      { name: 'post_tags_tag_id_fkey', columns: ['tag_id'], references: { schema: 'public', table: 'tags', columns: ['id'] } },
    ]);
    expect(table('public.event_notes').foreignKeys).toEqual([
      {
        name: 'event_notes_event_id_event_at_fkey',
        columns: ['event_id', 'event_at'],
        references: { schema: 'public', table: 'events', columns: ['id', 'occurred_at'] },
      },
    ]);
    expect(table('audit.entries').foreignKeys[0]!.references).toEqual({ schema: 'public', table: 'posts', columns: ['id'] });
    expect(table('public.events').primaryKey).toEqual(['id', 'occurred_at']);
    expect(table('public.posts').uniqueKeys).toEqual([{ name: 'posts_slug_key', columns: ['slug'] }]);
    expect(table('public.legacy_imports')).toMatchObject({
      primaryKey: [],
      uniqueKeys: [
        { name: 'legacy_imports_batch_code', columns: ['batch', 'code'] },
        { name: 'legacy_imports_code', columns: ['code'] },
      ],
    });
    expect(table('public.author_stats').uniqueKeys).toEqual([{ name: 'author_stats_author', columns: ['author_id'] }]);
    // A view PostgreSQL writes through, showing its table's primary key: keyed by it (see the views test below).
    expect(table('public.published_posts')).toMatchObject({ primaryKey: ['id'], uniqueKeys: [], foreignKeys: [], writable: true });
    expect(table('public.authors').comment).toBe('People who write posts');
  });

  it('lists columns in attnum order with their types, enums, domains, identity and generation', () => {
    expect(table('public.posts').columns.map((c) => c.name)).toEqual([
      'id',
      'author_id',
      'title',
      'slug',
      'body',
      'status',
      'moods',
      'tags',
      'metadata',
      'price',
      'rating',
      'featured',
      'published_on',
      'external_id',
      'title_length',
      'created_at',
      'deleted_at',
    ]);
    expect(column('public.posts', 'id')).toEqual(plain('id', { sqlType: 'bigint', baseType: 'bigint', typeName: 'int8', nullable: false, identity: 'always' }));
    expect(column('public.posts', 'title')).toEqual(
      plain('title', { sqlType: 'character varying(200)', baseType: 'character varying(200)', typeName: 'varchar', nullable: false }),
    );
    expect(column('public.posts', 'status')).toEqual(
      plain('status', {
        sqlType: 'post_status',
        baseType: 'post_status',
        typeName: 'post_status',
        typeKind: 'e',
        enumLabels: STATUS,
        nullable: false,
        hasDefault: true,
        defaultExpression: "'draft'::post_status",
      }),
    );
    expect(column('public.posts', 'moods')).toEqual(
      plain('moods', {
        sqlType: 'post_status[]',
        baseType: 'post_status[]',
        typeName: 'post_status',
        typeKind: 'e',
        isArray: true,
        enumLabels: STATUS,
        nullable: false,
        hasDefault: true,
        defaultExpression: "'{}'::post_status[]",
      }),
    );
    expect(column('public.posts', 'tags')).toEqual(
      plain('tags', { sqlType: 'text[]', baseType: 'text[]', isArray: true, nullable: false, hasDefault: true, defaultExpression: "'{}'::text[]" }),
    );
    expect(column('public.posts', 'metadata')).toEqual(
      plain('metadata', { sqlType: 'jsonb', baseType: 'jsonb', typeName: 'jsonb', nullable: false, hasDefault: true, defaultExpression: "'{}'::jsonb" }),
    );
    expect(column('public.posts', 'title_length')).toEqual(
      plain('title_length', { sqlType: 'integer', baseType: 'integer', typeName: 'int4', defaultExpression: 'length((title)::text)', generated: 'stored' }),
    );
    expect(column('public.posts', 'deleted_at')).toEqual(
      plain('deleted_at', { sqlType: 'timestamp with time zone', baseType: 'timestamp with time zone', typeName: 'timestamptz' }),
    );
    expect(column('public.posts', 'created_at')).toMatchObject({ typeName: 'timestamptz', nullable: false, hasDefault: true, defaultExpression: 'now()' });
    expect(column('public.posts', 'price')).toMatchObject({ sqlType: 'numeric(10,2)', typeName: 'numeric' });
  });

  it('resolves domains: over text, over an enum, and nested with NOT NULL and a length', () => {
    expect(column('public.authors', 'email')).toEqual(plain('email', { sqlType: 'email_address', isDomain: true, nullable: false }));
    expect(column('public.authors', 'usual_status')).toEqual(
      plain('usual_status', { sqlType: 'status_choice', baseType: 'post_status', typeName: 'post_status', typeKind: 'e', isDomain: true, enumLabels: STATUS }),
    );
    // sku_code → short_code (varchar(12) NOT NULL): the column itself has no NOT NULL.
    expect(column('public.tags', 'code')).toEqual(
      plain('code', { sqlType: 'sku_code', baseType: 'character varying(12)', typeName: 'varchar', isDomain: true, nullable: false }),
    );
    expect(column('public.tags', 'id')).toMatchObject({ hasDefault: true, defaultExpression: "nextval('tags_id_seq'::regclass)", identity: null });
    expect(column('public.authors', 'id')).toMatchObject({ identity: 'by_default', hasDefault: false });
  });

  it('reports a view PostgreSQL writes through with what its table says of each column it shows as it is', () => {
    // View columns carry no NOT NULL of their own; these are posts' (and its defaults and identity).
    expect(table('public.published_posts').columns.map((c) => [c.name, c.typeName, c.nullable, c.hasDefault, c.identity, c.writable])).toEqual([
      ['id', 'int8', false, false, 'always', true],
      ['title', 'varchar', false, false, null, true],
      ['author_id', 'int4', false, false, null, true],
      ['metadata', 'jsonb', false, true, null, true],
      ['created_at', 'timestamptz', false, true, null, true],
    ]);
    // A materialized view is never written: nothing of the kind is said of it.
    expect([table('public.author_stats').writable, table('public.author_stats').primaryKey]).toEqual([undefined, []]);
  });

  // VIRTUAL generated columns exist from PostgreSQL 18; older servers get the STORED kind.
  it('reports generated columns of the kind the server has (virtual on 18+, stored before)', async () => {
    const [{ version }] = (await adminQuery<{ version: number }>("SELECT current_setting('server_version_num')::int AS version", [], db.url)) as [
      { version: number },
    ];
    const kind = version >= 180000 ? 'virtual' : 'stored';
    const other = await createTestDatabase('introspect_virtual');
    try {
      await adminQuery(`CREATE TABLE boxes (id int PRIMARY KEY, w int, h int, area int GENERATED ALWAYS AS (w * h) ${kind.toUpperCase()})`, [], other.url);
      await resetEngine(); // the pools still point at the fixture database
      installConfig(targetFromUrl('hub', other.url), [targetFromUrl('blog', other.url)]);
      const [boxes] = await readCatalog('blog');
      expect(boxes!.columns.find((c) => c.name === 'area')).toMatchObject({ generated: kind, hasDefault: false, defaultExpression: '(w * h)' });
      expect(catalogToDefinitions('blog', [boxes!])[0]!.columns.find((c) => c.name === 'area')).toMatchObject({ readOnly: true });
    } finally {
      await resetEngine();
      installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
      await other.drop();
    }
  });
});

describe('catalogToDefinitions', () => {
  let defs: Map<string, FullResourceDef>;
  beforeAll(() => {
    defs = new Map(catalogToDefinitions('blog', catalog).map((d) => [d.name, d]));
  });

  it('names resources in kebab-case, schema-prefixed outside public', () => {
    expect([...defs.keys()]).toEqual([
      'author-stats',
      'authors',
      'event-notes',
      'events',
      'legacy-imports',
      'log-lines',
      'post-tags',
      'posts',
      'published-posts',
      'tags',
      'audit-entries',
    ]);
  });

  it('maps a table with identity, generated, enum, array, json and soft-delete columns', () => {
    expect(defs.get('posts')).toEqual({
      domain: 'blog',
      name: 'posts',
      table: 'public.posts',
      primaryKey: ['id'],
      title: 'Posts',
      columns: [
        { name: 'id', type: 'bigint', nullable: false, readOnly: true },
        { name: 'author_id', type: 'integer', nullable: false, references: { resource: 'authors', column: 'id' } },
        { name: 'title', type: 'text', nullable: false, searchable: true, maxLength: 200 },
        { name: 'slug', type: 'text', nullable: false, searchable: true },
        { name: 'body', type: 'longtext', nullable: false, hasDefault: true },
        { name: 'status', type: 'enum', options: STATUS, nullable: false, hasDefault: true },
        { name: 'moods', type: 'array', nullable: false, hasDefault: true },
        { name: 'tags', type: 'array', nullable: false, hasDefault: true },
        { name: 'metadata', type: 'json', nullable: false, hasDefault: true },
        { name: 'price', type: 'number', nullable: true, precision: 10, scale: 2 },
        { name: 'rating', type: 'number', nullable: true },
        { name: 'featured', type: 'boolean', nullable: false, hasDefault: true },
        { name: 'published_on', type: 'date', nullable: true },
        { name: 'external_id', type: 'uuid', nullable: true },
        { name: 'title_length', type: 'integer', nullable: true, readOnly: true },
        { name: 'created_at', type: 'datetime', nullable: false, hasDefault: true },
        { name: 'deleted_at', type: 'datetime', nullable: true },
      ],
      defaultSort: { column: 'created_at', direction: 'desc' },
      softDelete: 'deleted_at',
    });
  });

  it('maps domains by their base type and the table comment to the subtitle', () => {
    expect(defs.get('authors')).toEqual({
      domain: 'blog',
      name: 'authors',
      table: 'public.authors',
      primaryKey: ['id'],
      title: 'Authors',
      subtitle: 'People who write posts',
      columns: [
        { name: 'id', type: 'integer', nullable: false, readOnly: true },
        { name: 'name', type: 'text', nullable: false, searchable: true },
        { name: 'email', type: 'email', nullable: false, searchable: true },
        { name: 'bio', type: 'longtext', nullable: true },
        { name: 'usual_status', type: 'enum', options: STATUS, nullable: true },
        { name: 'created_at', type: 'datetime', nullable: false, hasDefault: true },
      ],
      defaultSort: { column: 'created_at', direction: 'desc' },
    });
    expect(defs.get('tags')!.columns).toEqual([
      { name: 'id', type: 'integer', nullable: false, readOnly: true }, // serial: written by its sequence
      { name: 'code', type: 'text', nullable: false, searchable: true, maxLength: 12 }, // a domain over varchar(12)
      { name: 'label', type: 'text', nullable: false, searchable: true },
    ]);
  });

  it('keeps composite key order and turns single-column foreign keys into references', () => {
    expect(defs.get('post-tags')).toEqual({
      domain: 'blog',
      name: 'post-tags',
      table: 'public.post_tags',
      primaryKey: ['post_id', 'tag_id'],
      title: 'Post tags',
      columns: [
        { name: 'tag_id', type: 'integer', nullable: false, references: { resource: 'tags', column: 'id' } },
        { name: 'post_id', type: 'bigint', nullable: false, references: { resource: 'posts', column: 'id' } },
        { name: 'added_at', type: 'timestamp', nullable: false, hasDefault: true },
      ],
      defaultSort: { column: 'post_id', direction: 'desc' },
    });
    // A column of a composite foreign key does not identify the row it points at: no reference.
    expect(defs.get('event-notes')!.columns.some((c) => c.references)).toBe(false);
    expect(defs.get('audit-entries')).toEqual({
      domain: 'blog',
      name: 'audit-entries',
      table: 'audit.entries',
      primaryKey: ['id'],
      title: 'Audit entries',
      columns: [
        { name: 'id', type: 'bigint', nullable: false, readOnly: true },
        { name: 'post_id', type: 'bigint', nullable: true, references: { resource: 'posts', column: 'id' } },
        { name: 'action', type: 'text', nullable: false, searchable: true },
        { name: 'at', type: 'datetime', nullable: false, hasDefault: true },
      ],
      defaultSort: { column: 'id', direction: 'desc' },
    });
  });

  // Views without a key (keyless: paged by position, no row links) are covered by tests/faults/schema-zoo.test.ts.
  it("keys a view PostgreSQL writes through by its table's key, writable, its rows versioned by their values", () => {
    expect(defs.get('published-posts')).toEqual({
      domain: 'blog',
      name: 'published-posts',
      table: 'public.published_posts',
      primaryKey: ['id'],
      title: 'Published posts',
      columns: [
        { name: 'id', type: 'bigint', nullable: false, readOnly: true },
        { name: 'title', type: 'text', nullable: false, searchable: true, maxLength: 200 },
        { name: 'author_id', type: 'integer', nullable: false },
        { name: 'metadata', type: 'json', nullable: false, hasDefault: true },
        { name: 'created_at', type: 'datetime', nullable: false, hasDefault: true },
      ],
      defaultSort: { column: 'created_at', direction: 'desc' },
      rowVersion: 'values',
    });
  });

  it('keys a materialized view by its unique index, and keeps it read-only', () => {
    expect(defs.get('author-stats')).toEqual({
      domain: 'blog',
      name: 'author-stats',
      table: 'public.author_stats',
      primaryKey: ['author_id'],
      title: 'Author stats',
      columns: [
        { name: 'author_id', type: 'integer', nullable: true },
        { name: 'post_count', type: 'bigint', nullable: true },
      ],
      defaultSort: { column: 'author_id', direction: 'desc' },
      readOnly: true,
    });
  });

  it('keys a table without a primary key by its narrowest unique index, else by all columns (read-only)', () => {
    expect(defs.get('legacy-imports')).toEqual({
      domain: 'blog',
      name: 'legacy-imports',
      table: 'public.legacy_imports',
      primaryKey: ['code'],
      title: 'Legacy imports',
      columns: [
        { name: 'code', type: 'text', nullable: false, searchable: true },
        { name: 'batch', type: 'integer', nullable: false },
        { name: 'payload', type: 'json', nullable: true },
        { name: 'imported_at', type: 'timestamp', nullable: true },
      ],
      defaultSort: { column: 'code', direction: 'desc' },
    });
    expect(defs.get('log-lines')).toMatchObject({
      primaryKey: ['line', 'logged_at'],
      keyless: true,
      readOnly: true,
      defaultSort: { column: 'line', direction: 'asc' },
    });
  });

  it('maps a partitioned table as one resource', () => {
    expect(defs.get('events')).toEqual({
      domain: 'blog',
      name: 'events',
      table: 'public.events',
      primaryKey: ['id', 'occurred_at'],
      title: 'Events',
      columns: [
        { name: 'id', type: 'bigint', nullable: false },
        { name: 'occurred_at', type: 'datetime', nullable: false },
        { name: 'kind', type: 'text', nullable: false, searchable: true },
      ],
      defaultSort: { column: 'id', direction: 'desc' },
    });
  });
});

describe('introspectResources', () => {
  it('resolves every relation into a read-only, introspected resource', async () => {
    const resources = await introspectResources('blog');
    expect(resources).toHaveLength(11);
    expect(resources.every((r) => r.readOnly && r.introspected && r.domain === 'blog')).toBe(true);
    const posts = resources.find((r) => r.name === 'posts')!;
    expect(posts).toMatchObject({
      table: { schema: 'public', name: 'posts' },
      primaryKey: ['id'],
      defaultSort: [{ column: 'created_at', direction: 'desc' }],
      softDelete: 'deleted_at',
      pageSize: 50,
    });
    expect(posts.columns.find((c) => c.name === 'status')).toMatchObject({ filter: 'oneOf', options: STATUS, sortable: true });
    expect(posts.columns.find((c) => c.name === 'metadata')).toMatchObject({ sortable: false, list: false });
    expect(resources.find((r) => r.name === 'audit-entries')!.table).toEqual({ schema: 'audit', name: 'entries' });
  });
});

describe("a domain that shares the hub's database", () => {
  it("leaves the hub's own tables out of that domain, and keeps a hub_ table of a domain that does not share it", async () => {
    const { migrateHubDatabase } = await import('../../src/engine/hub-db/migrate');
    const [shared, other] = await Promise.all([createTestDatabase('introspect_shared'), createTestDatabase('introspect_other')]);
    try {
      await adminQuery('CREATE TABLE orders (id int PRIMARY KEY, total int)', [], shared.url);
      await adminQuery('CREATE TABLE hub_locations (id int PRIMARY KEY, city text)', [], other.url);
      await resetEngine(); // the other tests' pools point at their own database
      installConfig(targetFromUrl('hub', shared.url), [targetFromUrl('blog', shared.url), targetFromUrl('market', other.url)]);
      await migrateHubDatabase();
      expect((await readCatalog('hub')).map((t) => t.name)).toEqual(expect.arrayContaining(['hub_audit', 'hub_migrations', 'hub_user', 'orders']));
      expect((await readCatalog('blog')).map((t) => t.name)).toEqual(['orders']);
      expect((await readCatalog('market')).map((t) => t.name)).toEqual(['hub_locations']);
    } finally {
      await resetEngine();
      await Promise.all([shared.drop(), other.drop()]);
      installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
    }
  });
});
