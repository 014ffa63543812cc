import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boot, BootError } from '../../src/engine/boot';
import type { DomainName } from '../../src/engine/config/current';
import { createHub, currentHub, installHub, type Hub } from '../../src/engine/hub';
import { toHttpError } from '../../src/engine/http/errors';
import { listResource } from '../../src/engine/list/run-list';
import { defineResource } from '../../src/engine/resources/define';
import { DefinitionDriftError, definitionDrift, findResource, forgetDefinitionChecks, resourcesOf } from '../../src/engine/resources/registry';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * A domain migrated under running definitions: each difference is reported with the resource,
 * the column and the fix; requests get a 409 in words, never a 500, and the other resources
 * keep answering. The definitions are this file's own, over its own schema.
 */
const SCHEMA = `
  CREATE TABLE authors (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, born date);
  CREATE TABLE posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id),
    title varchar(120) NOT NULL,
    total numeric(10,2),
    status text NOT NULL DEFAULT 'draft',
    notes text,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE tags (id integer PRIMARY KEY, label text NOT NULL);
  INSERT INTO authors (name, born) VALUES ('Ada', '1815-12-10'), ('Grace', NULL);
  INSERT INTO posts (author_id, title, total, notes) SELECT 1 + g % 2, 'Post ' || g, g * 1.5, 'n' FROM generate_series(1, 5) g;
  INSERT INTO tags VALUES (1, 'one');
`;

const MIGRATION = `
  ALTER TABLE posts DROP COLUMN notes;
  ALTER TABLE posts ALTER COLUMN total TYPE text;
  ALTER TABLE authors ALTER COLUMN name DROP NOT NULL;
  UPDATE authors SET born = '1906-12-09' WHERE born IS NULL;
  ALTER TABLE authors ALTER COLUMN born SET NOT NULL;
  DROP TABLE tags;
`;

const definitions = [
  defineResource({
    domain: 'blog',
    name: 'authors',
    table: 'public.authors',
    title: 'Authors',
    columns: [
      { name: 'id', type: 'integer', readOnly: true },
      { name: 'name', type: 'text', nullable: false, searchable: true },
      { name: 'born', type: 'date', nullable: true },
    ],
  }),
  defineResource({
    domain: 'blog',
    name: 'posts',
    table: 'public.posts',
    title: 'Posts',
    columns: [
      { name: 'id', type: 'bigint', readOnly: true },
      { name: 'author_id', type: 'integer', nullable: false, references: { resource: 'authors' } },
      { name: 'title', type: 'text', nullable: false },
      { name: 'total', type: 'number' },
      { name: 'status', type: 'text', nullable: false, hasDefault: true },
      { name: 'notes', type: 'longtext', list: true },
      { name: 'created_at', type: 'datetime', nullable: false, hasDefault: true },
    ],
  }),
  defineResource({
    domain: 'blog',
    name: 'tags',
    table: 'public.tags',
    title: 'Tags',
    columns: [
      { name: 'id', type: 'integer' },
      { name: 'label', type: 'text' },
    ],
  }),
  // The overlay form: only what differs from the catalog.
  defineResource({ domain: 'blog', name: 'post-titles', table: 'public.posts', title: 'Post titles', columns: [{ name: 'title', label: 'Headline' }] }),
];

let db: TestDatabase;
let previous: Hub;
const blog = 'blog' as DomainName;

beforeAll(async () => {
  db = await createTestDatabase('drift');
  await adminQuery(SCHEMA, [], db.url);
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
  previous = currentHub();
  installHub(createHub({ resources: definitions }));
});
afterAll(async () => {
  installHub(previous);
  await resetEngine();
  await db?.drop();
});

/** The HTTP status a request would answer with. */
async function statusOf(work: () => Promise<unknown>): Promise<number> {
  try {
    await work();
    return 200;
  } catch (error) {
    return toHttpError(error).status;
  }
}

const list = async (name: string) => listResource(superadmin, blog, (await findResource('blog', name)).resource, {});

describe('definitions against a domain migrated under them', () => {
  it('match the database before the migration; the overlay is completed from the catalog', async () => {
    expect(await definitionDrift(blog)).toEqual([]);
    const titles = (await findResource('blog', 'post-titles')).resource;
    expect(titles.primaryKey).toEqual(['id']);
    expect(titles.columns.map((c) => [c.name, c.type, c.nullable, c.readOnly])).toEqual([
      ['id', 'bigint', false, true],
      ['author_id', 'integer', false, false],
      ['title', 'text', false, false],
      ['total', 'number', true, false],
      ['status', 'text', false, false],
      ['notes', 'longtext', true, false],
      ['created_at', 'datetime', false, true],
    ]);
    // Every column in the table's order, the named one adjusted where it stands.
    const title = titles.columns[2]!;
    expect([title.label, title.maxLength, title.required]).toEqual(['Headline', 120, true]);
    expect(titles.columns.find((c) => c.name === 'total')!.digits).toEqual({ precision: 10, scale: 2 });
    expect(titles.columns.find((c) => c.name === 'author_id')!.references).toMatchObject({ resource: 'authors', column: 'id' });
    expect((await list('post-titles')).rows).toHaveLength(5);
  });

  it('answer with a 409 in words, not a 500, while the process still holds the old catalog', async () => {
    await adminQuery(MIGRATION, [], db.url);
    expect(await statusOf(() => list('tags'))).toBe(409);
    const error = await list('posts').catch((e: unknown) => e);
    expect(toHttpError(error).status).toBe(409);
    expect(toHttpError(error).body).toMatchObject({ error: expect.stringContaining('notes') });
    expect((await list('authors')).rows).toHaveLength(2);
  });

  it('report every difference with the resource, the column and the fix once the catalog is read again', async () => {
    forgetDefinitionChecks();
    const drift = await definitionDrift(blog);
    expect(drift.map((p) => p.message)).toEqual([
      'blog/authors: column "name" may be NULL in public.authors but the definition says nullable: false: remove nullable, or make the column NOT NULL.',
      'blog/authors: column "born" is NOT NULL in public.authors but the definition says nullable: true: remove nullable (the catalog says it), or drop the NOT NULL.',
      "blog/posts: column \"total\" is text in public.posts, which type 'number' does not fit: say type: 'text'.",
      'blog/posts: column "notes" does not exist in public.posts (columns: id, author_id, title, total, status, created_at): remove it or fix the name.',
      'blog/tags: table public.tags does not exist in the "blog" database (tables: authors, posts): create it, or fix the definition\'s table (or remove the definition).',
    ]);
    expect(drift.map((p) => [p.resource, p.column, p.kind])).toEqual([
      ['blog/authors', 'name', 'nullable'],
      ['blog/authors', 'born', 'nullable'],
      ['blog/posts', 'total', 'type'],
      ['blog/posts', 'notes', 'column'],
      ['blog/tags', undefined, 'table'],
    ]);
  });

  it('serve what still exists as the catalog says, and the missing table as a 409 for that resource alone', async () => {
    const error = await findResource('blog', 'tags').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionDriftError);
    expect(toHttpError(error).status).toBe(409);
    expect((error as Error).message).toContain('table public.tags does not exist');
    expect((await resourcesOf(blog)).map((r) => r.name)).toEqual(['authors', 'posts', 'post-titles']);

    const posts = await list('posts');
    expect(posts.rows).toHaveLength(5);
    const { resource } = await findResource('blog', 'posts');
    expect(resource.columns.map((c) => c.name)).not.toContain('notes');
    expect(resource.columns.find((c) => c.name === 'total')!.type).toBe('text');
    const authors = (await findResource('blog', 'authors')).resource;
    expect(authors.columns.map((c) => [c.name, c.nullable])).toEqual([
      ['id', false],
      ['name', true],
      ['born', false],
    ]);
    expect((await list('post-titles')).rows).toHaveLength(5);
    expect((await findResource('blog', 'post-titles')).resource.columns.map((c) => c.name)).toEqual([
      'id',
      'author_id',
      'title',
      'total',
      'status',
      'created_at',
    ]);
  });

  it('are each logged as a warning at start-up, which goes on', async () => {
    forgetDefinitionChecks();
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const env = { HUB_DOMAINS: 'blog', HUB_DATABASE_URL: db.url, BLOG_DATABASE_URL: db.url, HUB_AUTH_SECRET: 'definition-drift-test-secret-0123456789' };
      const booted = await boot({ env });
      expect(booted.config.domains.map((d) => d.name)).toEqual(['blog']);
    } finally {
      spy.mockRestore();
    }
    const warnings = lines.filter((line) => line.includes('WARN  [boot] definition drift: '));
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toContain('definition drift: blog/authors: column "name" may be NULL in public.authors');
    expect(warnings[4]).toContain('definition drift: blog/tags: table public.tags does not exist in the "blog" database (tables: authors, posts)');
  });

  const bootEnv = { HUB_DOMAINS: 'blog', HUB_DATABASE_URL: '', BLOG_DATABASE_URL: '', HUB_AUTH_SECRET: 'definition-drift-test-secret-0123456789' };
  const quietly = async <T>(work: () => Promise<T>): Promise<T> => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      return await work();
    } finally {
      spy.mockRestore();
    }
  };

  it('stop the start with HUB_STRICT_DEFINITIONS=1, each listed with its fix', async () => {
    forgetDefinitionChecks();
    const env = { ...bootEnv, HUB_DATABASE_URL: db.url, BLOG_DATABASE_URL: db.url, HUB_STRICT_DEFINITIONS: '1' };
    const error = await quietly(() => boot({ env })).catch((e: Error) => e);
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(
      /^HUB_STRICT_DEFINITIONS=1 and definitions contradict their databases:\n {2}- blog\/authors: column "name" may be NULL/,
    );
    expect((error as Error).message).toContain('- blog/tags: table public.tags does not exist');
    expect((error as Error).message).toContain('`npm run doctor` lists every difference');
  });

  it('stop the start when a definition is wrong whatever the database says (an inline naming no resource)', async () => {
    forgetDefinitionChecks();
    const wrong = defineResource({ domain: 'blog', table: 'authors', inlines: [{ resource: 'no-such-thing' }] });
    installHub(createHub({ resources: [wrong] }));
    try {
      const env = { ...bootEnv, HUB_DATABASE_URL: db.url, BLOG_DATABASE_URL: db.url };
      const error = await quietly(() => boot({ env })).catch((e: Error) => e);
      expect(error).toBeInstanceOf(BootError);
      expect((error as Error).message).toMatch(/^Resource definitions are wrong:\n {2}- Resource "blog\/authors": .*no-such-thing/);
    } finally {
      installHub(createHub({ resources: definitions }));
      forgetDefinitionChecks();
    }
  });
});
