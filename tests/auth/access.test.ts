import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, can, maskValue } from '../../src/engine/auth/access';
import { ForbiddenError, UnauthenticatedError } from '../../src/engine/auth/errors';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainName } from '../../src/engine/config/current';
import { ListQueryError } from '../../src/engine/list/errors';
import { listResource } from '../../src/engine/list/run-list';
import { resolveResource } from '../../src/engine/resources/define';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

let db: TestDatabase;
const domain = 'market' as DomainName;
const as = (roles: Operator['roles'], superadmin = false): Operator => ({ id: 'x', email: 'x@test', name: 'x', superadmin, roles, sessionId: undefined });

const people = resolveResource({
  domain: 'market',
  name: 'people',
  table: 'people',
  title: 'People',
  access: { update: 'admin' },
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'name', type: 'text', searchable: true },
    { name: 'email', type: 'email', searchable: true, mask: 'email' },
    { name: 'salary', type: 'integer', mask: 'full', visibleFrom: 'admin', filter: 'range' },
  ],
});

beforeAll(async () => {
  db = await createTestDatabase('access');
  await adminQuery(
    "CREATE TABLE people (id int PRIMARY KEY, name text, email text, salary int); INSERT INTO people VALUES (1, 'Jane', 'jane@example.com', 5000), (2, 'Joe', 'joe@corp.test', 7000)",
    [],
    db.url,
  );
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('market', db.url)]);
});
afterAll(async () => {
  await resetEngine();
  await db.drop();
});

describe('access in the data path', () => {
  it('refuses without an operator (401) and without a role on the domain (403), before reading anything', async () => {
    await expect(listResource(null, domain, people, {})).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listResource(as({ blog: 'admin' }), domain, people, {})).rejects.toBeInstanceOf(ForbiddenError);
    // The refusal is the same for a row that exists and one that does not.
    const a = await listResource(as({ blog: 'admin' }), domain, people, { q: 'Jane' }).catch((e: Error) => e.message);
    const b = await listResource(as({ blog: 'admin' }), domain, people, { q: 'nobody-here' }).catch((e: Error) => e.message);
    expect(a).toBe(b);
  });

  it('applies the hub minimums and a definition that raises them', () => {
    expect(can(as({ market: 'viewer' }), people, 'read')).toBe(true);
    expect(can(as({ market: 'viewer' }), people, 'create')).toBe(false);
    expect(can(as({ market: 'editor' }), people, 'create')).toBe(true);
    expect(can(as({ market: 'editor' }), people, 'update')).toBe(false); // raised to admin
    expect(can(as({ market: 'admin' }), people, 'hardDelete')).toBe(true);
    expect(can(as({ market: 'editor' }), people, 'hardDelete')).toBe(false);
    expect(can(as({}, true), people, 'bulk')).toBe(true);
    expect(() => authorize(as({ market: 'viewer' }), people, 'update')).toThrow('You may not edit people in Market: that needs the admin role.');
  });

  it('masks columns for roles below their visibility, and keeps them whole above', async () => {
    const viewer = await listResource(as({ market: 'viewer' }), domain, people, { sort: 'id' });
    expect(viewer.rows.map((r) => [r.email, r.salary])).toEqual([
      ['j***@example.com', '***'],
      ['j***@corp.test', '***'],
    ]);
    const editor = await listResource(as({ market: 'editor' }), domain, people, { sort: 'id' });
    expect(editor.rows.map((r) => [r.email, r.salary])).toEqual([
      ['jane@example.com', '***'],
      ['joe@corp.test', '***'],
    ]);
    const admin = await listResource(as({ market: 'admin' }), domain, people, { sort: 'id' });
    expect(admin.rows.map((r) => r.salary)).toEqual([5000, 7000]);
  });

  it('does not let a masked column be searched, sorted or filtered by those who see it masked', async () => {
    // Search only looks at columns the operator can see: the email "jane@" is not found by a viewer.
    const viewerSearch = await listResource(as({ market: 'viewer' }), domain, people, { q: 'corp.test' });
    expect(viewerSearch.rows).toEqual([]);
    const editorSearch = await listResource(as({ market: 'editor' }), domain, people, { q: 'corp.test' });
    expect(editorSearch.rows.map((r) => r.id)).toEqual([2]);
    await expect(listResource(as({ market: 'viewer' }), domain, people, { sort: 'email' })).rejects.toBeInstanceOf(ListQueryError);
    await expect(listResource(as({ market: 'editor' }), domain, people, { 'f.salary.min': '6000' })).rejects.toBeInstanceOf(ListQueryError);
    const adminFilter = await listResource(as({ market: 'admin' }), domain, people, { 'f.salary.min': '6000' });
    expect(adminFilter.rows.map((r) => r.id)).toEqual([2]);
  });

  it('masks emails keeping the first letter and the domain', () => {
    expect(maskValue(people.columns[2]!, 'ada@lovelace.org')).toBe('a***@lovelace.org');
    expect(maskValue(people.columns[3]!, 123)).toBe('***');
    expect(maskValue(people.columns[2]!, null)).toBeNull();
  });
});
