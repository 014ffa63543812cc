import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainName } from '../../src/engine/config/current';
import { toHttpError } from '../../src/engine/http/errors';
import { inlineTables, listInline, type InlineTable } from '../../src/engine/records/inline-tables';
import { resolveResource, ResourceDefinitionError } from '../../src/engine/resources/define';
import { linkReferences } from '../../src/engine/resources/link-references';
import type { InlineDef, Resource, ResourceDef } from '../../src/engine/resources/types';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * Inline related tables (ResourceDef.inlines) against real PostgreSQL: an author's posts on the
 * author's record page are exactly the posts whose author_id holds the author's id, in the
 * posts list's default sort (with ties on it), paged to the end and back by cursor, through
 * the list engine, so read access, masks and the operator's row scope apply as on the list.
 * The domain ("shop") has no definitions in the installed hub: its labels come from its catalog.
 */
let db: TestDatabase;
const domain = 'shop' as DomainName;
const operator = (email: string, role: 'viewer' | 'editor'): Operator => ({
  id: email,
  email,
  name: email,
  superadmin: false,
  roles: { shop: role },
  sessionId: undefined,
});
const viewer = operator('viewer@t', 'viewer');
const editor = operator('editor@t', 'editor');
/** Scoped to the posts of region EU (the posts definition's scope). */
const european = operator('eu@t', 'viewer');

const authorsDef = (inlines: InlineDef[]): ResourceDef<string> => ({
  domain: 'shop',
  name: 'authors',
  table: 'public.authors',
  title: 'Authors',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'name', type: 'text', nullable: false },
  ],
  inlines,
});
const postsDef: ResourceDef<string> = {
  domain: 'shop',
  name: 'posts',
  table: 'public.posts',
  title: 'Posts',
  softDelete: 'deleted_at',
  defaultSort: { column: 'created_at', direction: 'desc' },
  scope: (op) => (op.email === 'eu@t' ? { column: 'region', equals: 'EU' } : undefined),
  columns: [
    { name: 'id', type: 'bigint' },
    // No filter of its own: the inline gives it one, so "View all" can filter by it.
    { name: 'author_id', type: 'integer', references: { resource: 'authors' }, nullable: false },
    { name: 'editor_id', type: 'integer', references: { resource: 'authors' }, filter: 'equals' },
    { name: 'title', type: 'text', nullable: false },
    { name: 'secret_note', type: 'text', mask: 'full', visibleFrom: 'editor' },
    { name: 'region', type: 'text', nullable: false },
    { name: 'created_at', type: 'datetime', nullable: false },
    { name: 'deleted_at', type: 'datetime', list: false },
  ],
};
const notesDef: ResourceDef<string> = {
  domain: 'shop',
  name: 'notes',
  table: 'public.notes',
  title: 'Notes',
  access: { read: 'editor' },
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'author_id', type: 'integer', references: { resource: 'authors' }, filter: 'equals', nullable: false },
    { name: 'body', type: 'text' },
  ],
};
const tagsDef: ResourceDef<string> = {
  domain: 'shop',
  name: 'tags',
  table: 'public.tags',
  title: 'Tags',
  columns: [{ name: 'id', type: 'integer' }],
};

/** The domain's resources as the registry would have them: resolved, then linked. */
function domainOf(defs: ResourceDef<string>[]): Resource[] {
  const resources = defs.map((d) => resolveResource(d));
  linkReferences(resources);
  return resources;
}
const linked = (inlines: InlineDef[]) => () => domainOf([authorsDef(inlines), postsDef, notesDef, tagsDef]);

let all: Resource[];
let authors: Resource;
const author = { id: 1, name: 'Ada' };

const ids = async (where: string, params: unknown[] = []) =>
  (await adminQuery<{ id: string }>(`SELECT id::text FROM posts WHERE ${where} ORDER BY created_at DESC, posts.id DESC`, params, db.url)).map((r) => r.id);

/** Every row of an inline, page after page by its `next` cursor; the pages' sizes too. */
async function walk(op: Operator, table: InlineTable): Promise<{ ids: string[]; sizes: number[]; pages: Awaited<ReturnType<typeof listInline>>[] }> {
  const pages = [await listInline(op, domain, table)];
  while (pages.at(-1)!.next !== null && pages.length < 50) pages.push(await listInline(op, domain, table, { after: pages.at(-1)!.next! }));
  return { ids: pages.flatMap((p) => p.rows.map((r) => String(r.id))), sizes: pages.map((p) => p.rows.length), pages };
}

beforeAll(async () => {
  db = await createTestDatabase('inlines');
  await adminQuery(
    `CREATE TABLE authors (id int PRIMARY KEY, name text NOT NULL);
     CREATE TABLE posts (
       id bigint PRIMARY KEY,
       author_id int NOT NULL REFERENCES authors (id),
       editor_id int REFERENCES authors (id),
       title text NOT NULL,
       secret_note text,
       region text NOT NULL,
       created_at timestamptz NOT NULL,
       deleted_at timestamptz
     );
     CREATE INDEX ON posts (author_id);
     CREATE TABLE notes (id int PRIMARY KEY, author_id int NOT NULL REFERENCES authors (id), body text);
     CREATE TABLE tags (id int PRIMARY KEY);
     INSERT INTO authors VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger');
     -- Author 1: 48 posts on 6 distinct instants (ties broken by the key), 4 of them soft-deleted, half in EU; author 2: 11.
     INSERT INTO posts
     SELECT g, CASE WHEN g % 5 = 0 THEN 2 ELSE 1 END, CASE WHEN g % 3 = 0 THEN 3 END, 'Post ' || g, 'note ' || g,
            CASE WHEN g % 2 = 0 THEN 'EU' ELSE 'US' END,
            timestamptz '2024-01-01 00:00:00.123456+00' + (g % 6) * interval '1 day',
            CASE WHEN g IN (7, 13, 22, 31) THEN now() END
       FROM generate_series(1, 59) g;
     INSERT INTO notes VALUES (1, 1, 'a note'), (2, 2, 'another');`,
    [],
    db.url,
  );
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('shop', db.url)]);
  all = linked([{ resource: 'posts', via: 'author_id', pageSize: 10 }, { resource: 'notes' }])();
  authors = all.find((r) => r.name === 'authors')!;
}, 120_000);
afterAll(async () => {
  await resetEngine();
  await db?.drop();
});

describe('inline definitions', () => {
  it('settle their foreign key against the domain, and give it a filter for "View all"', () => {
    expect(authors.inlines).toEqual([
      { key: 'posts', resource: 'posts', via: 'author_id', refColumn: 'id', columns: undefined, pageSize: 10, title: undefined },
      { key: 'notes', resource: 'notes', via: 'author_id', refColumn: 'id', columns: undefined, pageSize: 10, title: undefined },
    ]);
    expect(all.find((r) => r.name === 'posts')!.columns.find((c) => c.name === 'author_id')!.filter).toBe('equals');
  });

  it('fail when the definitions are resolved, naming the resource and what to fix', () => {
    const fails = (inlines: InlineDef[], message: RegExp) => {
      expect(linked(inlines)).toThrow(ResourceDefinitionError);
      expect(linked(inlines)).toThrow(message);
    };
    fails([{ resource: 'postz' }], /^Resource "shop\/authors": inline "postz": the domain "shop" has no resource "postz"; it has posts, notes, tags\.$/);
    fails([{ resource: 'tags' }], /inline "tags": tags has no foreign key to authors/);
    fails([{ resource: 'posts' }], /inline "posts": posts refers to authors by author_id, editor_id; say which with via\./);
    fails([{ resource: 'posts', via: 'title' }], /via "title" is not a foreign key of posts to authors; use author_id, editor_id\./);
    fails([{ resource: 'posts', via: 'author_id', columns: ['title', 'nope'] }], /"nope" is not a column of posts\./);
    fails([{ resource: 'posts', via: 'author_id', pageSize: 0 }], /pageSize must be a whole number from 1 to 100/);
    fails([{ resource: 'posts', via: 'author_id' }, { resource: 'posts', via: 'editor_id' }, { resource: 'posts' }], /say which foreign key each one follows/);
    // Shown twice, by two foreign keys: told apart in the URL by the column.
    const twice = linked([
      { resource: 'posts', via: 'author_id' },
      { resource: 'posts', via: 'editor_id', title: 'Edited posts' },
    ])().find((r) => r.name === 'authors')!;
    expect(twice.inlines.map((i) => i.key)).toEqual(['posts.author_id', 'posts.editor_id']);
  });
});

describe('an author’s posts inline', () => {
  it('are exactly the author’s live posts, in the posts’ default sort, paged to the end by cursor and back', async () => {
    const [table] = inlineTables(superadmin, authors, author, all);
    expect(table).toMatchObject({ key: 'posts', title: 'Posts', via: 'author_id', value: '1', href: '/d/shop/posts?f.author_id=1', pageSize: 10 });
    // The posts list's columns, without the foreign key every row shares.
    expect(table!.columns).toEqual(['id', 'editor_id', 'title', 'secret_note', 'region', 'created_at']);
    const expected = await ids('author_id = 1 AND deleted_at IS NULL');
    expect(expected.length).toBe(44);
    const walked = await walk(superadmin, table!);
    expect(walked.ids).toEqual(expected);
    expect(walked.sizes).toEqual([10, 10, 10, 10, 4]);
    expect(walked.pages[0]!.count).toMatchObject({ value: 44, exact: true, label: '44' });
    expect(walked.pages[0]!.columns).toEqual(table!.columns);
    expect(walked.pages[0]!.sort).toEqual([{ column: 'created_at', direction: 'desc' }]);
    // Back from the last page: the fourth, exactly.
    const back = await listInline(superadmin, domain, table!, { before: walked.pages[4]!.previous! });
    expect(back.rows.map((r) => String(r.id))).toEqual(expected.slice(30, 40));
    // The other author's posts are theirs alone.
    const [grace] = inlineTables(superadmin, authors, { id: 2, name: 'Grace' }, all);
    expect((await walk(superadmin, grace!)).ids).toEqual(await ids('author_id = 2 AND deleted_at IS NULL'));
    // A page by number, as "go to page" asks.
    expect((await listInline(superadmin, domain, table!, { page: '3' })).rows.map((r) => String(r.id))).toEqual(expected.slice(20, 30));
  });

  it('names the foreign key’s labels from the catalog, and refuses a cursor from elsewhere with a 400', async () => {
    const [table] = inlineTables(superadmin, authors, author, all);
    // The first page that shows an editor (Edsger, author 3) names them.
    const page = (await walk(superadmin, table!)).pages.find((p) => p.rows.some((r) => r.editor_id !== null))!;
    expect(page.labels?.editor_id?.['3']).toBe('Edsger');
    const error = await listInline(superadmin, domain, table!, { after: 'not-a-cursor' }).catch((e: unknown) => e);
    expect(toHttpError(error).status).toBe(400);
  });

  it('is not there at all for an operator who may not read the related resource', async () => {
    expect(inlineTables(viewer, authors, author, all).map((t) => t.key)).toEqual(['posts']);
    const tables = inlineTables(editor, authors, author, all);
    expect(tables.map((t) => t.key)).toEqual(['posts', 'notes']);
    expect((await listInline(editor, domain, tables[1]!)).rows).toEqual([{ id: 1, body: 'a note' }]);
    // Asked anyway, the engine refuses it (the list's own check).
    const refused = await listInline(viewer, domain, tables[1]!).catch((e: unknown) => e);
    expect(toHttpError(refused).status).toBe(403);
  });

  it('masks what the operator may not see, as the list does', async () => {
    const [asViewer] = inlineTables(viewer, authors, author, all);
    const [asEditor] = inlineTables(editor, authors, author, all);
    const seen = (await walk(viewer, asViewer!)).pages.flatMap((p) => p.rows);
    expect(seen.length).toBe(44);
    expect(new Set(seen.map((r) => r.secret_note))).toEqual(new Set(['***']));
    const first = (await listInline(editor, domain, asEditor!)).rows[0]!;
    expect(first.secret_note).toBe(`note ${first.id}`);
    // A record whose referenced value is masked for the operator has no inlines (nothing could be filtered by it).
    const maskedKey = domainOf([
      { ...authorsDef([{ resource: 'posts', via: 'author_id' }]), columns: [{ name: 'id', type: 'integer', mask: 'full', visibleFrom: 'editor' }] },
      postsDef,
    ]).find((r) => r.name === 'authors')!;
    expect(inlineTables(viewer, maskedKey, { id: '***' }, all)).toEqual([]);
    expect(inlineTables(editor, maskedKey, author, all).map((t) => t.key)).toEqual(['posts']);
  });

  it('keeps to the operator’s row scope of the related resource, in its rows and its count', async () => {
    const [table] = inlineTables(european, authors, author, all);
    const expected = await ids(`author_id = 1 AND deleted_at IS NULL AND region = 'EU'`);
    expect(expected.length).toBeGreaterThan(10);
    const walked = await walk(european, table!);
    expect(walked.ids).toEqual(expected);
    expect(walked.pages.flatMap((p) => p.rows).every((r) => r.region === 'EU')).toBe(true);
    expect(walked.pages[0]!.count).toMatchObject({ value: expected.length, exact: true });
  });
});
