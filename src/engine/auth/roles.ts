/**
 * Roles, weakest first. A domain role applies to one domain; `superadmin` is hub-wide and
 * includes every domain role plus managing operators and their roles.
 */
export const DOMAIN_ROLES = ['viewer', 'editor', 'admin'] as const;
export type DomainRole = (typeof DOMAIN_ROLES)[number];
export type Role = DomainRole | 'superadmin';

/** What a resource can be asked to do; each needs at least a role (a definition may demand more). */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'restore' | 'hardDelete' | 'bulk' | 'internal' | 'export';

export const MINIMUM_ROLE: Record<Action, DomainRole> = {
  read: 'viewer',
  export: 'viewer',
  create: 'editor',
  update: 'editor',
  delete: 'editor', // soft delete
  restore: 'editor',
  hardDelete: 'admin',
  bulk: 'admin',
  internal: 'admin',
};

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3, superadmin: 4 };

export function atLeast(role: Role | undefined, minimum: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[minimum];
}

export function isDomainRole(value: string): value is DomainRole {
  return (DOMAIN_ROLES as readonly string[]).includes(value);
}

/**
 * The role a resource's custom action needs: the one its definition states, else the role
 * the resource asks for an update (`access.update`). The engine checks it before running the
 * action (records/write-record.ts); pages use it to decide which buttons to show.
 */
export function customActionRole(action: { role?: DomainRole }, access: Pick<Record<Action, DomainRole>, 'update'>): DomainRole {
  return action.role ?? access.update;
}
