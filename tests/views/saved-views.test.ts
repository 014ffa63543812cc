import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAuth } from '../../src/engine/auth/better-auth';
import type { Operator } from '../../src/engine/auth/operator';
import { createOperator } from '../../src/engine/auth/operators';
import type { DomainRole } from '../../src/engine/auth/roles';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { resolveResource } from '../../src/engine/resources/define';
import { deleteView, listSavedViews, MAX_VIEWS_PER_LIST, saveView } from '../../src/engine/views/saved-views';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/*
 * Saved views against a real hub database: who sees which view, what a view may store, and
 * which changes the audit log keeps. The views' resources need no domain table: saving only
 * validates the query, and listing reads the hub database.
 */

const posts = resolveResource({
  domain: 'blog',
  name: 'posts',
  table: 'posts',
  title: 'Posts',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'title', type: 'text', searchable: true },
    { name: 'status', type: 'enum', options: ['draft', 'published'] },
    { name: 'author_email', type: 'email', mask: 'email', visibleFrom: 'editor', filter: 'equals' },
    { name: 'created_at', type: 'datetime' },
  ],
});
// Read only by the domain's admins.
const payouts = resolveResource({
  domain: 'blog',
  name: 'payouts',
  table: 'payouts',
  title: 'Payouts',
  columns: [{ name: 'id', type: 'integer' }],
  access: { read: 'admin' },
});
const orders = resolveResource({ domain: 'market', name: 'orders', table: 'orders', title: 'Orders', columns: [{ name: 'id', type: 'integer' }] });

let hub: TestDatabase;
const ops: Record<string, Operator> = {};

async function operator(key: string, roles: Record<string, DomainRole>, superadmin = false): Promise<Operator> {
  const made = await createOperator({ email: `${key}@views.test`, name: key, password: 'a long enough password', roles, superadmin });
  return { id: made.id, email: made.email, name: key, superadmin, roles, sessionId: undefined };
}

beforeAll(async () => {
  hub = await createTestDatabase('views');
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', hub.url), targetFromUrl('market', hub.url)]);
  resetAuth();
  await migrateHubDatabase();
  ops.ada = await operator('ada', { blog: 'editor' });
  ops.bob = await operator('bob', { blog: 'viewer' });
  ops.cy = await operator('cy', { blog: 'admin' });
  ops.dee = await operator('dee', { market: 'admin' });
  ops.root = await operator('root', {}, true);
});
afterAll(async () => {
  resetAuth();
  await resetEngine();
  await hub.drop();
});

const names = (views: { name: string }[]) => views.map((v) => v.name);
const auditOf = (action: string) =>
  query<{ actor_email: string; domain: string; resource: string; changes: unknown; detail: string }>(
    'hub',
    'SELECT actor_email, domain, resource, changes, detail FROM hub_audit WHERE action = $1 ORDER BY id',
    [action],
  );

describe('saving and listing', () => {
  it('saves a view with its filters, sort and columns, and lists it for its owner only while private', async () => {
    const saved = await saveView(ops.ada!, posts, { name: '  Drafts  ', query: '?f.status=draft&sort=-created_at&cols=id,title', shared: false });
    expect(saved).toMatchObject({ name: 'Drafts', query: 'f.status=draft&sort=-created_at&cols=id%2Ctitle', shared: false, mine: true, deletable: true });
    expect(names(await listSavedViews(ops.ada!, posts))).toEqual(['Drafts']);
    expect(await listSavedViews(ops.bob!, posts)).toEqual([]);
    expect(await listSavedViews(ops.cy!, posts)).toEqual([]);
    expect(await listSavedViews(ops.ada!, orders)).toEqual([]); // per resource
    expect(await auditOf('view_save')).toEqual([]); // private views are nobody else's business
  });

  it('never stores a paging position: after, before, page and pn are dropped', async () => {
    const saved = await saveView(ops.ada!, posts, { name: 'Paged', query: 'q=hello&after=WzEsMl0&before=x&page=3&pn=7&size=25', shared: false });
    expect(saved.query).toBe('q=hello&size=25');
    const [row] = await query<{ query: string }>('hub', 'SELECT query FROM hub_saved_views WHERE id = $1', [saved.id]);
    expect(row!.query).toBe('q=hello&size=25');
  });

  it('refuses a bad filter, sort or column in words, and stores nothing', async () => {
    await expect(saveView(ops.ada!, posts, { name: 'Bad', query: 'f.status=archived', shared: false })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^This view cannot be saved: f\.status .*archived/),
    });
    await expect(saveView(ops.ada!, posts, { name: 'Bad', query: 'sort=nope', shared: false })).rejects.toThrow(/sort "nope" is not a sortable column/);
    await expect(saveView(ops.ada!, posts, { name: 'Bad', query: 'cols=id,ghost', shared: false })).rejects.toThrow(/unknown column\(s\): ghost/);
    await expect(saveView(ops.ada!, posts, { name: 'Bad', query: 'utm=1', shared: false })).rejects.toThrow(/utm is not a list parameter/);
    expect(names(await listSavedViews(ops.ada!, posts))).not.toContain('Bad');
  });

  it('validates against the list as the operator sees it: a viewer cannot filter by a masked column', async () => {
    await expect(saveView(ops.bob!, posts, { name: 'By author', query: 'f.author_email=a@b.c', shared: false })).rejects.toThrow(
      /Author email cannot be filtered/,
    );
    await expect(saveView(ops.ada!, posts, { name: 'By author', query: 'f.author_email=a@b.c', shared: false })).resolves.toMatchObject({ name: 'By author' });
  });

  it('refuses an empty, too long or control-character name, and an over-long query', async () => {
    await expect(saveView(ops.ada!, posts, { name: '   ', query: '', shared: false })).rejects.toThrow('Give the view a name.');
    await expect(saveView(ops.ada!, posts, { name: 'x'.repeat(81), query: '', shared: false })).rejects.toThrow(/too long \(80 characters at most\)/);
    await expect(saveView(ops.ada!, posts, { name: 'a\nb', query: '', shared: false })).rejects.toThrow(/control characters/);
    await expect(
      saveView(ops.ada!, posts, { name: 'Long', query: `q=${'x'.repeat(150)}&f.status=${Array(300).fill('draft').join(',')}`, shared: false }),
    ).rejects.toThrow(/too long to save \(\d+ characters; 2000 at most\)/);
  });

  it('refuses a second view of the same name unless asked to replace it, then replaces it in place', async () => {
    const first = await saveView(ops.ada!, posts, { name: 'Mine', query: 'f.status=draft', shared: false });
    await expect(saveView(ops.ada!, posts, { name: 'Mine', query: 'f.status=published', shared: false })).rejects.toMatchObject({ status: 409 });
    const replaced = await saveView(ops.ada!, posts, { name: 'Mine', query: 'f.status=published', shared: false, replace: true });
    expect(replaced.id).toBe(first.id);
    expect(replaced.query).toBe('f.status=published');
    // Another operator may use the same name for their own view.
    await expect(saveView(ops.cy!, posts, { name: 'Mine', query: '', shared: false })).resolves.toMatchObject({ mine: true });
  });

  it('refuses a view of a resource the operator may not read', async () => {
    await expect(saveView(ops.bob!, payouts, { name: 'Nope', query: '', shared: false })).rejects.toMatchObject({ status: 403 });
    await expect(saveView(ops.dee!, posts, { name: 'Nope', query: '', shared: false })).rejects.toMatchObject({ status: 403 });
  });
});

describe('shared views', () => {
  it("shows a shared view to the domain's readers only, audited, with who saved it", async () => {
    const shared = await saveView(ops.ada!, posts, { name: 'Published', query: 'f.status=published&sort=title', shared: true });
    const seenByBob = await listSavedViews(ops.bob!, posts);
    expect(seenByBob.map((v) => [v.name, v.mine, v.ownerName, v.deletable])).toEqual([['Published', false, 'ada', false]]);
    expect(names(await listSavedViews(ops.root!, posts))).toContain('Published');
    expect(await listSavedViews(ops.dee!, posts)).toEqual([]); // no role on blog
    const [entry] = await auditOf('view_save');
    expect(entry).toEqual({
      actor_email: 'ada@views.test',
      domain: 'blog',
      resource: 'posts',
      changes: { after: { query: 'f.status=published&sort=title', shared: true } },
      detail: 'saved view “Published”',
    });
    expect(shared.shared).toBe(true);
  });

  it("lists the operator's own views first, then the shared ones", async () => {
    await saveView(ops.bob!, posts, { name: 'Zebra', query: '', shared: false });
    const views = await listSavedViews(ops.bob!, posts);
    expect(views.map((v) => [v.name, v.mine])).toEqual([
      ['Zebra', true],
      ['Published', false],
    ]);
  });

  it('hides a shared view of a resource the operator may not read', async () => {
    await saveView(ops.cy!, payouts, { name: 'Big payouts', query: 'sort=-id', shared: true });
    expect(names(await listSavedViews(ops.cy!, payouts))).toEqual(['Big payouts']);
    expect(await listSavedViews(ops.ada!, payouts)).toEqual([]);
    expect(await listSavedViews(ops.bob!, payouts)).toEqual([]);
  });

  it('audits unsharing, but not later private saves', async () => {
    await saveView(ops.ada!, posts, { name: 'Team', query: 'q=a', shared: true });
    await saveView(ops.ada!, posts, { name: 'Team', query: 'q=b', shared: false, replace: true });
    await saveView(ops.ada!, posts, { name: 'Team', query: 'q=c', shared: false, replace: true });
    const entries = (await auditOf('view_save')).filter((e) => e.detail === 'saved view “Team”');
    expect(entries.map((e) => e.changes)).toEqual([
      { after: { query: 'q=a', shared: true } },
      { before: { query: 'q=a', shared: true }, after: { query: 'q=b', shared: false } },
    ]);
    expect(names(await listSavedViews(ops.bob!, posts))).not.toContain('Team');
  });
});

describe('deleting', () => {
  it('deletes an own private view without an audit entry', async () => {
    const view = await saveView(ops.bob!, posts, { name: 'Temp', query: '', shared: false });
    await expect(deleteView(ops.bob!, posts, view.id)).resolves.toEqual({ name: 'Temp' });
    expect(names(await listSavedViews(ops.bob!, posts))).not.toContain('Temp');
    expect(await auditOf('view_delete')).toEqual([]);
  });

  it("refuses to delete someone else's shared view below admin, and answers 'not found' for a private one", async () => {
    const shared = await saveView(ops.ada!, posts, { name: 'Shared by ada', query: '', shared: true });
    const secret = await saveView(ops.ada!, posts, { name: 'Private to ada', query: '', shared: false });
    await expect(deleteView(ops.bob!, posts, shared.id)).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/only they or an admin of blog/),
    });
    await expect(deleteView(ops.cy!, posts, secret.id)).rejects.toMatchObject({ status: 404 });
    await expect(deleteView(ops.cy!, posts, 'abc')).rejects.toMatchObject({ status: 404 });
    await expect(deleteView(ops.ada!, orders, shared.id)).rejects.toMatchObject({ status: 403 }); // ada cannot read orders
    expect(names(await listSavedViews(ops.ada!, posts))).toEqual(expect.arrayContaining(['Shared by ada', 'Private to ada']));
  });

  it("lets the domain's admins delete a shared view, audited", async () => {
    const shared = (await listSavedViews(ops.cy!, posts)).find((v) => v.name === 'Shared by ada')!;
    expect(shared.deletable).toBe(true);
    await deleteView(ops.cy!, posts, shared.id);
    expect(names(await listSavedViews(ops.ada!, posts))).not.toContain('Shared by ada');
    const [entry] = await auditOf('view_delete');
    expect(entry).toMatchObject({
      actor_email: 'cy@views.test',
      domain: 'blog',
      resource: 'posts',
      detail: 'deleted saved view “Shared by ada” (shared by another operator)',
    });
  });

  it("removes an operator's views with the operator", async () => {
    const gone = await operator('gone', { blog: 'viewer' });
    await saveView(gone, posts, { name: 'Soon gone', query: '', shared: true });
    expect(names(await listSavedViews(ops.bob!, posts))).toContain('Soon gone');
    await query('hub', 'DELETE FROM hub_user WHERE id = $1', [gone.id]);
    expect(names(await listSavedViews(ops.bob!, posts))).not.toContain('Soon gone');
  });
});

describe('limits', () => {
  it(`keeps at most ${MAX_VIEWS_PER_LIST} views per operator and list, and still allows replacing one`, async () => {
    const limited = await operator('limited', { blog: 'viewer' });
    for (let i = 0; i < MAX_VIEWS_PER_LIST; i++) await saveView(limited, posts, { name: `View ${i}`, query: '', shared: false });
    await expect(saveView(limited, posts, { name: 'One too many', query: '', shared: false })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/50 views of Posts, the most kept per list/),
    });
    await expect(saveView(limited, posts, { name: 'View 3', query: 'q=x', shared: false, replace: true })).resolves.toMatchObject({ query: 'q=x' });
    expect((await listSavedViews(limited, posts)).filter((v) => v.mine)).toHaveLength(MAX_VIEWS_PER_LIST);
  });

  it('keeps the limit under concurrent saves', async () => {
    const racer = await operator('racer', { blog: 'viewer' });
    for (let i = 0; i < MAX_VIEWS_PER_LIST - 2; i++) await saveView(racer, posts, { name: `R${i}`, query: '', shared: false });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => saveView(racer, posts, { name: `Race ${i}`, query: '', shared: false })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect((await listSavedViews(racer, posts)).filter((v) => v.mine)).toHaveLength(MAX_VIEWS_PER_LIST);
  });
});
