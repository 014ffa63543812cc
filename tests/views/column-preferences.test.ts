import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAuth } from '../../src/engine/auth/better-auth';
import type { Operator } from '../../src/engine/auth/operator';
import { createOperator } from '../../src/engine/auth/operators';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { resolveResource } from '../../src/engine/resources/define';
import { rememberColumns, rememberedColumns } from '../../src/engine/views/column-preferences';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

const columns = [
  { name: 'id', type: 'integer' as const },
  { name: 'title', type: 'text' as const },
  { name: 'body', type: 'longtext' as const }, // not listed by default
  { name: 'status', type: 'text' as const },
];
const posts = resolveResource({ domain: 'blog', name: 'posts', table: 'posts', title: 'Posts', columns });
const secretPosts = resolveResource({ domain: 'blog', name: 'secret-posts', table: 'posts', title: 'Secret posts', columns, access: { read: 'admin' } });

let hub: TestDatabase;
let ada: Operator;
let bob: Operator;

beforeAll(async () => {
  hub = await createTestDatabase('view_cols');
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', hub.url)]);
  resetAuth();
  await migrateHubDatabase();
  const make = async (key: string) => {
    const made = await createOperator({ email: `${key}@cols.test`, password: 'a long enough password', roles: { blog: 'viewer' } });
    return { id: made.id, email: made.email, name: key, superadmin: false, roles: { blog: 'viewer' as const }, sessionId: undefined };
  };
  ada = await make('ada');
  bob = await make('bob');
});
afterAll(async () => {
  resetAuth();
  await resetEngine();
  await hub.drop();
});

const updatedAt = async () =>
  (await query<{ updated_at: Date }>('hub', 'SELECT updated_at FROM hub_list_preferences WHERE operator_id = $1', [ada.id]))[0]?.updated_at.getTime();

describe('remembered columns', () => {
  it('remembers a choice per operator and list', async () => {
    expect(await rememberedColumns(ada, posts)).toBeUndefined();
    await rememberColumns(ada, posts, 'title,body');
    expect(await rememberedColumns(ada, posts)).toEqual(['title', 'body']);
    expect(await rememberedColumns(bob, posts)).toBeUndefined();
  });

  it('writes only when the choice changed', async () => {
    const before = await updatedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await rememberColumns(ada, posts, 'title,body');
    expect(await updatedAt()).toBe(before);
    await rememberColumns(ada, posts, 'body,title');
    expect(await rememberedColumns(ada, posts)).toEqual(['body', 'title']);
    expect(await updatedAt()).toBeGreaterThan(before!);
  });

  it('forgets the choice when the defaults (or nothing) are chosen again', async () => {
    await rememberColumns(ada, posts, 'id,title,status');
    expect(await rememberedColumns(ada, posts)).toBeUndefined();
    await rememberColumns(ada, posts, 'status');
    expect(await rememberedColumns(ada, posts)).toEqual(['status']);
    await rememberColumns(ada, posts, '');
    expect(await rememberedColumns(ada, posts)).toBeUndefined();
  });

  it('refuses unknown columns in words, and a list the operator may not read', async () => {
    await expect(rememberColumns(ada, posts, 'id,ghost')).rejects.toThrow('Unknown column(s) of Posts: ghost.');
    await expect(rememberColumns(ada, secretPosts, 'id')).rejects.toMatchObject({ status: 403 });
  });

  it('drops remembered columns the definition no longer has', async () => {
    await rememberColumns(bob, posts, 'title,status');
    const slimmer = resolveResource({ domain: 'blog', name: 'posts', table: 'posts', title: 'Posts', columns: columns.filter((c) => c.name !== 'status') });
    expect(await rememberedColumns(bob, slimmer)).toEqual(['title']);
    const bare = resolveResource({ domain: 'blog', name: 'posts', table: 'posts', title: 'Posts', columns: [{ name: 'id', type: 'integer' }] });
    expect(await rememberedColumns(bob, bare)).toBeUndefined();
  });
});
