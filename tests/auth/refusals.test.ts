import { describe, expect, it } from 'vitest';
import { authorize } from '../../src/engine/auth/access';
import { ForbiddenError } from '../../src/engine/auth/errors';
import type { Operator } from '../../src/engine/auth/operator';
import { ACTION_WORDS, customActionRefusal, domainInternalRefusal, refusalMessage } from '../../src/engine/auth/refusals';
import type { Action } from '../../src/engine/auth/roles';
import { auditResource } from '../../src/engine/audit/resource';
import { resolveResource } from '../../src/engine/resources/define';

/** Refusals say in words what the person may not do, where, and the role it needs. */
const tags = resolveResource({ domain: 'blog', name: 'tags', table: 'tags', title: 'Tags', columns: [{ name: 'id', type: 'integer' }] });
const people = resolveResource({
  domain: 'market',
  name: 'people',
  table: 'people',
  title: 'People',
  access: { update: 'admin', export: 'editor' },
  columns: [{ name: 'id', type: 'integer' }],
});
const as = (roles: Operator['roles']): Operator => ({ id: 'x', email: 'x@test', name: 'x', superadmin: false, roles, sessionId: undefined });

describe('refusal wording', () => {
  it('has words for every action, and never the engine’s name for it', () => {
    const expected: Record<Action, string> = {
      read: 'You may not view tags in Blog: that needs the viewer role.',
      export: 'You may not export tags in Blog: that needs the viewer role.',
      create: 'You may not create tags in Blog: that needs the editor role.',
      update: 'You may not edit tags in Blog: that needs the editor role.',
      delete: 'You may not delete tags in Blog: that needs the editor role.',
      restore: 'You may not restore tags in Blog: that needs the editor role.',
      hardDelete: 'You may not permanently delete tags in Blog: that needs the admin role.',
      bulk: 'You may not run bulk actions on tags in Blog: that needs the admin role.',
      internal: 'You may not run internal actions on tags in Blog: that needs the admin role.',
    };
    for (const action of Object.keys(ACTION_WORDS) as Action[]) {
      expect(refusalMessage(tags, action)).toBe(expected[action]);
      expect(refusalMessage(tags, action)).not.toMatch(/hardDelete|\bbulk tags\b|\bread\b|cannot/);
    }
    expect(Object.keys(expected).sort()).toEqual(Object.keys(ACTION_WORDS).sort());
  });

  it('names the role the definition asks for when it raises the minimum', () => {
    expect(refusalMessage(people, 'update')).toBe('You may not edit people in Market: that needs the admin role.');
    expect(refusalMessage(people, 'export')).toBe('You may not export people in Market: that needs the editor role.');
  });

  it('calls the audit log by its name, and the whole log a superadmin’s', () => {
    expect(refusalMessage(auditResource('blog'), 'read')).toBe('You may not view the audit log of Blog: that needs the admin role.');
    expect(refusalMessage(auditResource('blog'), 'export')).toBe('You may not export the audit log of Blog: that needs the admin role.');
    expect(refusalMessage(auditResource(), 'read')).toBe('You may not view the audit log of the whole hub: that needs the superadmin role.');
  });

  it('words custom and domain-wide internal actions the same way', () => {
    expect(customActionRefusal(tags, 'Force merge', 'admin')).toBe('You may not run “Force merge” on tags in Blog: that needs the admin role.');
    expect(domainInternalRefusal('blog', 'admin')).toBe('You may not run internal actions in Blog: that needs the admin role.');
  });

  it('is what authorize() throws', () => {
    expect(() => authorize(as({ blog: 'editor' }), tags, 'hardDelete')).toThrow(
      new ForbiddenError('You may not permanently delete tags in Blog: that needs the admin role.'),
    );
    expect(() => authorize(as({ blog: 'viewer' }), tags, 'bulk')).toThrow('You may not run bulk actions on tags in Blog: that needs the admin role.');
    expect(() => authorize(as({ market: 'admin' }), tags, 'read')).toThrow('You may not view tags in Blog: that needs the viewer role.');
    expect(() => authorize(as({ blog: 'editor' }), auditResource('blog'), 'read')).toThrow(
      'You may not view the audit log of Blog: that needs the admin role.',
    );
  });
});
