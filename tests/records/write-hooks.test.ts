import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { flushAuditSettlement } from '../../src/engine/audit/record';
import { revertEntry } from '../../src/engine/audit/history';
import type { Operator } from '../../src/engine/auth/operator';
import { query } from '../../src/engine/db/query';
import { HubError } from '../../src/engine/errors';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { toHttpError } from '../../src/engine/http/errors';
import { runBulk } from '../../src/engine/records/bulk';
import { RecordValidationError } from '../../src/engine/records/errors';
import { createRecord, hardDeleteRecord, softDeleteRecord, updateRecord } from '../../src/engine/records/write-record';
import { fieldError, formError } from '../../src/engine/records/write-hooks';
import { defineResource, resolveResource, toClientResource } from '../../src/engine/resources/define';
import type { ResourceDef, RowValues, WriteValues } from '../../src/engine/resources/types';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/*
 * A definition's `validate` and write hooks (beforeSave, afterSave, beforeDelete) run inside
 * the write's audited transaction: their refusals reach the form like the engine's own field
 * messages, what beforeSave sets is what is stored and audited, and a hook that throws leaves
 * no row change and no audit entry.
 */

let domainDb: TestDatabase;
let hubDb: TestDatabase;
const admin: Operator = { id: 'admin', email: 'admin@hooks.test', name: 'admin', superadmin: false, roles: { blog: 'admin' }, sessionId: undefined };

class ShelvedError extends HubError {
  readonly status = 409;
}

/** What the hooks were asked to do in the current test, and what they saw. */
let plan: { beforeSave?: 'field' | 'form' | 'plain' | 'hub'; afterSave?: 'throw' } = {};
let seen: { inTx?: unknown; outside?: unknown; values?: unknown; row?: unknown; validated?: unknown } = {};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const articlesDef = defineResource({
  domain: 'blog',
  name: 'articles',
  table: 'articles',
  title: 'Articles',
  softDelete: 'deleted_at',
  columns: [
    { name: 'id', type: 'integer', readOnly: true },
    { name: 'title', type: 'text', nullable: false },
    { name: 'slug', type: 'text' },
    { name: 'status', type: 'enum', options: ['draft', 'published'] as const, nullable: false, hasDefault: true },
    { name: 'body', type: 'longtext', nullable: false, hasDefault: true },
    { name: 'words', type: 'integer' },
    { name: 'published', type: 'boolean', nullable: false, hasDefault: true },
    { name: 'deleted_at', type: 'datetime', readOnly: true },
  ],
  validate(values, { row, action }) {
    seen.validated = { values, row: row && { id: row.id, status: row.status }, action };
    const status = values.status ?? row?.status;
    const body = values.body ?? row?.body ?? '';
    return {
      slug: values.slug != null && !SLUG.test(values.slug) ? 'Lower-case words joined by dashes.' : undefined,
      body: status === 'published' && body.trim() === '' ? 'A published article needs a body.' : undefined,
      _form: values.title === 'forbidden' ? 'That title is not allowed here.' : undefined,
    };
  },
  hooks: {
    async beforeSave({ tx, values, row, action }) {
      await tx.query("INSERT INTO article_log (what) VALUES ('beforeSave ' || $1)", [action]);
      if (plan.beforeSave === 'field') throw fieldError('slug', 'Already taken.');
      if (plan.beforeSave === 'form') throw formError('Articles are frozen today.');
      if (plan.beforeSave === 'hub') throw new ShelvedError('Shelved articles cannot change.');
      if (plan.beforeSave === 'plain') throw new Error('the hook has a bug');
      // A slug from the title when none is given; `published` follows the status.
      if (action === 'create' && values.slug == null && values.title) values.slug = values.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      if (values.status != null) values.published = values.status === 'published';
      if (row?.status === 'published' && values.status === 'draft') return { ...values, body: `${row.body} (unpublished)` };
    },
    async afterSave({ tx, values, row }) {
      // Inside the transaction: this connection sees the row as written; no other one does yet.
      seen.inTx = (await tx.query('SELECT slug, published FROM articles WHERE id = $1', [values.id]))[0];
      seen.outside = (await query('blog', 'SELECT slug FROM articles WHERE id = $1', [values.id]))[0] ?? 'not visible';
      seen.values = { id: values.id, slug: values.slug };
      seen.row = row && { slug: row.slug };
      if (plan.afterSave === 'throw') throw formError('The search index refused it.');
    },
    beforeDelete({ row, action }) {
      if (row.status === 'published') throw new ShelvedError(`A published article cannot be ${action === 'hardDelete' ? 'deleted for good' : 'deleted'}.`);
    },
  },
});
const articles = resolveResource(articlesDef);

beforeAll(async () => {
  [domainDb, hubDb] = await Promise.all([createTestDatabase('write_hooks_domain'), createTestDatabase('write_hooks_hub')]);
  await adminQuery(
    `CREATE TABLE articles (
       id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, title text NOT NULL, slug text UNIQUE,
       status text NOT NULL DEFAULT 'draft', body text NOT NULL DEFAULT '', words int, published boolean NOT NULL DEFAULT false,
       deleted_at timestamptz);
     CREATE TABLE article_log (id int GENERATED ALWAYS AS IDENTITY, what text NOT NULL)`,
    [],
    domainDb.url,
  );
  installConfig(targetFromUrl('hub', hubDb.url), [targetFromUrl('blog', domainDb.url)]);
  await migrateHubDatabase();
});
afterAll(async () => {
  await resetEngine();
  await Promise.all([domainDb?.drop(), hubDb?.drop()]);
});
beforeEach(() => {
  plan = {};
  seen = {};
});

type Entry = {
  record_id: string;
  action: string;
  detail: string | null;
  changes: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
};
const lastId = async () => (await query<{ id: string }>('hub', 'SELECT coalesce(max(id), 0)::text AS id FROM hub_audit'))[0]!.id;
async function entriesSince(after: string): Promise<Entry[]> {
  await flushAuditSettlement();
  return query<Entry>('hub', `SELECT record_id, action, detail, changes FROM hub_audit WHERE id > $1::bigint AND record_id IS NOT NULL ORDER BY id`, [after]);
}
const count = async (sql: string) => Number((await query<{ n: string }>('blog', `SELECT count(*)::text AS n FROM ${sql}`))[0]!.n);
const rowOf = async (id: string) =>
  (await query('blog', 'SELECT title, slug, status, body, published, deleted_at IS NOT NULL AS deleted FROM articles WHERE id = $1', [id]))[0];
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordValidationError);
  const { fieldErrors, formError } = error as RecordValidationError;
  return { fieldErrors, formError };
};

describe('validate', () => {
  it('refuses a create with every problem at once, the engine’s own with its, and writes nothing', async () => {
    const mark = await lastId();
    const before = await count('articles');
    // title: refused by the value model (required); slug and body: by validate; words: by the value model too.
    const refused = await refusal(createRecord(admin, 'blog', articles, { title: '', slug: 'Not A Slug', status: 'published', words: 'many' }));
    expect(refused).toEqual({
      fieldErrors: {
        title: 'Required.',
        words: expect.stringMatching(/whole number/i),
        slug: 'Lower-case words joined by dashes.',
        body: 'A published article needs a body.',
      },
      formError: undefined,
    });
    // validate saw the fields that parsed, and not the ones the value model refused.
    expect(seen.validated).toEqual({ values: { slug: 'Not A Slug', status: 'published' }, row: undefined, action: 'create' });
    // `_form` is the form's message.
    expect(await refusal(createRecord(admin, 'blog', articles, { title: 'forbidden' }))).toEqual({
      fieldErrors: {},
      formError: 'That title is not allowed here.',
    });
    expect(await count('articles')).toBe(before);
    expect(await count('article_log')).toBe(0); // beforeSave never ran
    expect(await entriesSince(mark)).toEqual([]);
  });

  it('checks an edit against the locked row as it is, and refuses it whole', async () => {
    const draft = await createRecord(admin, 'blog', articles, { title: 'Empty draft', slug: 'empty-draft' });
    const mark = await lastId();
    const refused = await refusal(updateRecord(admin, 'blog', articles, draft.id, { status: 'published', words: '3' }, draft.version!));
    expect(refused.fieldErrors).toEqual({ body: 'A published article needs a body.' });
    expect(seen.validated).toEqual({ values: { status: 'published', words: 3 }, row: { id: Number(draft.id), status: 'draft' }, action: 'update' });
    expect(await rowOf(draft.id)).toMatchObject({ status: 'draft', published: false });
    expect(await entriesSince(mark)).toEqual([]);
    // With a body it saves.
    await updateRecord(admin, 'blog', articles, draft.id, { status: 'published', body: 'Now with words.' }, draft.version!);
    expect(await rowOf(draft.id)).toMatchObject({ status: 'published', published: true });
  });

  it('is typed by the definition’s columns', () => {
    type Values = Parameters<NonNullable<typeof articlesDef.validate>>[0];
    expectTypeOf<Values['status']>().toEqualTypeOf<'draft' | 'published' | null | undefined>();
    expectTypeOf<Values['words']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<Values['title']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<WriteValues>().toMatchTypeOf<Record<string, unknown>>();
    expectTypeOf<RowValues<{ name: 'n'; type: 'boolean' }>>().toEqualTypeOf<{ n: boolean | null }>();
    defineResource({
      domain: 'blog',
      name: 'typed',
      table: 'typed',
      title: 'Typed',
      columns: [{ name: 'id', type: 'integer' }],
      // @ts-expect-error a column the definition does not have
      validate: (values) => ({ idd: values.id === 1 ? 'one' : undefined }),
      hooks: {
        beforeSave({ values }) {
          // @ts-expect-error a text where the column is an integer
          values.id = 'one';
        },
      },
    });
    // Any definition still fits the hub's list of definitions.
    expectTypeOf(articlesDef).toMatchTypeOf<ResourceDef>();
  });
});

describe('beforeSave', () => {
  it('changes what is stored, and the audit entry records the stored value', async () => {
    const mark = await lastId();
    const created = await createRecord(admin, 'blog', articles, { title: 'Hello Hooks', status: 'published', body: 'Text.' });
    expect(created.row).toMatchObject({ slug: 'hello-hooks', published: true });
    expect(await rowOf(created.id)).toMatchObject({ slug: 'hello-hooks', published: true });
    const [entry] = await entriesSince(mark);
    expect(entry!.changes!.after).toMatchObject({ title: 'Hello Hooks', slug: 'hello-hooks', published: true });

    // Returning values replaces them: unpublishing marks the body.
    const next = await lastId();
    await updateRecord(admin, 'blog', articles, created.id, { status: 'draft' }, created.version!);
    expect(await rowOf(created.id)).toMatchObject({ status: 'draft', published: false, body: 'Text. (unpublished)' });
    expect((await entriesSince(next)).map((e) => e.changes)).toEqual([
      { before: { status: 'published', published: true, body: 'Text.' }, after: { status: 'draft', published: false, body: 'Text. (unpublished)' } },
    ]);
  });

  it('runs on a revert too (an edit like any other)', async () => {
    const created = await createRecord(admin, 'blog', articles, { title: 'Revert me', status: 'published', body: 'B.' });
    const mark = await lastId();
    await updateRecord(admin, 'blog', articles, created.id, { status: 'draft' }, created.version!);
    const [edit] = await query<{ id: string }>('hub', 'SELECT id::text AS id FROM hub_audit WHERE id > $1::bigint AND record_id = $2', [mark, created.id]);
    await revertEntry(admin, 'blog', articles, edit!.id);
    expect(await rowOf(created.id)).toMatchObject({ status: 'published', published: true, body: 'B.' });
  });
});

describe('a hook that throws leaves no row change and no audit entry', () => {
  it('a HubError from beforeSave is a field or form message', async () => {
    const draft = await createRecord(admin, 'blog', articles, { title: 'Stays', slug: 'stays' });
    const [mark, rows, logs] = [await lastId(), await count('articles'), await count('article_log')];
    plan.beforeSave = 'field';
    expect(await refusal(createRecord(admin, 'blog', articles, { title: 'New one' }))).toEqual({
      fieldErrors: { slug: 'Already taken.' },
      formError: undefined,
    });
    expect(await refusal(updateRecord(admin, 'blog', articles, draft.id, { title: 'Changed' }, draft.version!))).toMatchObject({
      fieldErrors: { slug: 'Already taken.' },
    });
    plan.beforeSave = 'form';
    expect(await refusal(createRecord(admin, 'blog', articles, { title: 'New one' }))).toEqual({ fieldErrors: {}, formError: 'Articles are frozen today.' });
    // Any HubError keeps its own status and words (a 409 here).
    plan.beforeSave = 'hub';
    const shelved = await createRecord(admin, 'blog', articles, { title: 'New one' }).catch((e: unknown) => e);
    expect(toHttpError(shelved)).toEqual({ status: 409, body: { error: 'Shelved articles cannot change.' } });

    expect(await count('articles')).toBe(rows);
    expect(await count('article_log')).toBe(logs); // the hook's own INSERTs rolled back with the write
    expect(await rowOf(draft.id)).toMatchObject({ title: 'Stays' });
    expect(await entriesSince(mark)).toEqual([]);
  });

  it('any other error is unexpected: a 500, nothing written', async () => {
    const [mark, rows, logs] = [await lastId(), await count('articles'), await count('article_log')];
    plan.beforeSave = 'plain';
    const error = await createRecord(admin, 'blog', articles, { title: 'Buggy' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(HubError);
    expect((error as Error).message).toBe('the hook has a bug');
    expect(toHttpError(error)).toMatchObject({ status: 500, unexpected: true });
    expect(await count('articles')).toBe(rows);
    expect(await count('article_log')).toBe(logs);
    expect(await entriesSince(mark)).toEqual([]);
  });

  it('afterSave sees the row as written, inside the transaction, and a throw there rolls it back', async () => {
    const created = await createRecord(admin, 'blog', articles, { title: 'After Save' });
    expect(seen).toMatchObject({
      inTx: { slug: 'after-save', published: false },
      outside: 'not visible',
      values: { id: Number(created.id), slug: 'after-save' },
      row: undefined,
    });
    expect(await rowOf(created.id)).toMatchObject({ slug: 'after-save' });

    const [mark, rows] = [await lastId(), await count('articles')];
    plan.afterSave = 'throw';
    expect(await refusal(createRecord(admin, 'blog', articles, { title: 'Never Saved' }))).toEqual({
      fieldErrors: {},
      formError: 'The search index refused it.',
    });
    expect(seen.inTx).toEqual({ slug: 'never-saved', published: false }); // it was there, inside
    expect(await refusal(updateRecord(admin, 'blog', articles, created.id, { slug: 'renamed' }, created.version!))).toMatchObject({
      formError: 'The search index refused it.',
    });
    expect(seen).toMatchObject({ inTx: { slug: 'renamed' }, row: { slug: 'after-save' } });
    expect(await count('articles')).toBe(rows);
    expect(await rowOf(created.id)).toMatchObject({ slug: 'after-save' });
    expect(await entriesSince(mark)).toEqual([]);
  });
});

describe('beforeDelete', () => {
  it('can refuse a soft delete and a delete for good; the others go', async () => {
    const live = await createRecord(admin, 'blog', articles, { title: 'Live', status: 'published', body: 'x' });
    const draft = await createRecord(admin, 'blog', articles, { title: 'Draft to delete' });
    const mark = await lastId();
    await expect(softDeleteRecord(admin, 'blog', articles, live.id)).rejects.toThrow('A published article cannot be deleted.');
    await expect(hardDeleteRecord(admin, 'blog', articles, live.id, live.id)).rejects.toThrow('A published article cannot be deleted for good.');
    expect(await rowOf(live.id)).toMatchObject({ deleted: false });
    expect(await entriesSince(mark)).toEqual([]);

    await softDeleteRecord(admin, 'blog', articles, draft.id);
    await hardDeleteRecord(admin, 'blog', articles, draft.id, draft.id);
    expect(await rowOf(draft.id)).toBeUndefined();
    expect((await entriesSince(mark)).map((e) => [e.record_id, e.action])).toEqual([
      [draft.id, 'soft_delete'],
      [draft.id, 'hard_delete'],
    ]);
  });
});

describe('bulk actions run the hooks per row', () => {
  it('set: validate and beforeSave on each row, a refused row fails alone', async () => {
    const withBody = await createRecord(admin, 'blog', articles, { title: 'Bulk one', body: 'Body.' });
    const empty = await createRecord(admin, 'blog', articles, { title: 'Bulk empty' });
    const other = await createRecord(admin, 'blog', articles, { title: 'Bulk two', body: 'Body.' });
    const mark = await lastId();
    const result = await runBulk(admin, 'blog', articles, { kind: 'set', field: 'status', value: 'published' }, { ids: [withBody.id, empty.id, other.id] });
    expect(result).toEqual({ done: 2, failed: [{ id: empty.id, reason: 'Body: A published article needs a body.' }] });
    expect(await rowOf(withBody.id)).toMatchObject({ status: 'published', published: true });
    expect(await rowOf(empty.id)).toMatchObject({ status: 'draft', published: false });
    const entries = await entriesSince(mark);
    expect(entries.map((e) => [e.record_id, e.detail, e.changes?.after])).toEqual([
      [withBody.id, 'bulk', { status: 'published', published: true }],
      [other.id, 'bulk', { status: 'published', published: true }],
    ]);
  });

  it('delete: beforeDelete refuses a row in words, the run goes on', async () => {
    const live = await createRecord(admin, 'blog', articles, { title: 'Bulk live', status: 'published', body: 'x' });
    const draft = await createRecord(admin, 'blog', articles, { title: 'Bulk draft' });
    const mark = await lastId();
    const result = await runBulk(admin, 'blog', articles, { kind: 'delete' }, { ids: [live.id, draft.id] });
    expect(result).toEqual({ done: 1, failed: [{ id: live.id, reason: 'A published article cannot be deleted.' }] });
    expect(await rowOf(live.id)).toMatchObject({ deleted: false });
    expect(await rowOf(draft.id)).toMatchObject({ deleted: true });
    expect((await entriesSince(mark)).map((e) => [e.record_id, e.action])).toEqual([[draft.id, 'soft_delete']]);
  });
});

describe('the definition', () => {
  it('never sends validate or the hooks to the browser', () => {
    const client = toClientResource(articles);
    expect(client.hooks).toEqual({});
    expect(JSON.stringify(client)).not.toMatch(/beforeSave|afterSave|beforeDelete|validate/);
    expect(Object.keys(articles.hooks).sort()).toEqual(['afterSave', 'beforeDelete', 'beforeSave', 'validate']);
  });

  it('refuses an unknown hook or one that is not a function at start-up, naming the resource', () => {
    const base = { domain: 'blog', name: 'bad', table: 'bad', title: 'Bad', columns: [{ name: 'id', type: 'integer' }] } as const;
    expect(() => resolveResource({ ...base, hooks: { beforeSafe: () => {} } as never })).toThrow(
      'Resource "blog/bad": unknown hook "beforeSafe": the hooks are beforeSave, afterSave, beforeDelete.',
    );
    expect(() => resolveResource({ ...base, validate: 'yes' as never })).toThrow('Resource "blog/bad": validate must be a function');
  });
});
