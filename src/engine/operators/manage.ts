import { getConfig, configuredDomains } from '../config/current';
import { say } from '../i18n/say';
import { recordHubChange } from '../audit/record';
import { forgetOperator } from '../auth/operator-cache';
import { announceOperatorChange } from '../hub-db/operator-changes';
import { query, withTransaction, type Tx } from '../db/query';
import { listResource, type ListResult } from '../list/run-list';
import type { SearchParams } from '../list/list-query';
import { resolveResource } from '../resources/define';
import type { Resource } from '../resources/types';
import { ForbiddenError } from '../auth/errors';
import type { Operator } from '../auth/operator';
import { createOperator } from '../auth/operators';
import { isDomainRole, type DomainRole } from '../auth/roles';
import { HubError } from '../errors';

/**
 * Managing operators and their roles from the hub itself. Every function takes the acting
 * operator first and refuses unless it is a superadmin, whoever calls it (a page, a server
 * action, a script); every write is one transaction, every value a parameter.
 *
 * Writes that touch grants or delete operators take one transaction-scoped advisory lock, so
 * two superadmins demoting each other at the same moment cannot leave the hub without one.
 */

export interface Grants {
  superadmin: boolean;
  roles: Record<string, DomainRole>;
}

/** A request the hub refuses as wrong (bad domain, last superadmin…): a 400 with the reason. */
export class OperatorInputError extends HubError {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'OperatorInputError';
  }
}

export class OperatorNotFoundError extends HubError {
  readonly status = 404;
  constructor() {
    super(say('operators.notFound'));
    this.name = 'OperatorNotFoundError';
  }
}

function requireSuperadmin(actor: Operator | null | undefined): asserts actor is Operator {
  if (!actor?.superadmin) throw new ForbiddenError(say('operators.superadminOnly'));
}

/**
 * The operators list as a hub resource, so it pages, sorts and searches through the same
 * list engine as every domain table. Domain 'hub': roleOn gives it to superadmins only.
 */
export const operatorsResource: Resource = resolveResource({
  domain: 'hub',
  name: 'operators',
  table: 'public.hub_user',
  title: 'Operators',
  subtitle: 'Who may sign in to this hub, and their roles.',
  icon: 'users',
  iconColor: 'violet',
  columns: [
    { name: 'id', type: 'text', label: 'ID', list: false, filter: false },
    { name: 'email', type: 'email', searchable: true, nullable: false },
    { name: 'name', type: 'text', searchable: true },
    { name: 'createdAt', type: 'datetime', label: 'Created', filter: false, nullable: false },
  ],
  defaultSort: { column: 'createdAt', direction: 'desc' },
  access: { read: 'admin', create: 'admin', update: 'admin', delete: 'admin' },
});

export interface OperatorListRow {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  grants: Grants;
  /** Start of the newest session still stored (sign-out deletes sessions), or null. */
  lastSignInAt: string | null;
}

export type OperatorList = Omit<ListResult, 'rows'> & { rows: OperatorListRow[] };

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : value == null ? null : String(value));

async function grantsFor(ids: string[]): Promise<Map<string, Grants>> {
  const out = new Map<string, Grants>(ids.map((id) => [id, { superadmin: false, roles: {} }]));
  if (ids.length === 0) return out;
  const rows = await query<{ user_id: string; domain: string; role: string }>(
    'hub',
    'SELECT user_id, domain, role FROM hub_grants WHERE user_id = ANY($1::text[]) ORDER BY domain',
    [ids],
  );
  for (const row of rows) {
    const grants = out.get(row.user_id)!;
    if (row.domain === '*' && row.role === 'superadmin') grants.superadmin = true;
    else grants.roles[row.domain] = row.role as DomainRole;
  }
  return out;
}

/** One page of operators (URL parameters as for any list: q, sort, after, before…) with grants and last sign-in. */
export async function listOperators(actor: Operator, params: SearchParams): Promise<OperatorList> {
  requireSuperadmin(actor);
  const result = await listResource(actor, 'hub', operatorsResource, params);
  const ids = result.rows.map((row) => String(row.id));
  const [grants, sessions] = await Promise.all([
    grantsFor(ids),
    ids.length === 0
      ? Promise.resolve([])
      : query<{ userId: string; last: Date }>(
          'hub',
          'SELECT "userId", max("createdAt") AS last FROM hub_session WHERE "userId" = ANY($1::text[]) GROUP BY "userId"',
          [ids],
        ),
  ]);
  const last = new Map(sessions.map((s) => [s.userId, iso(s.last)]));
  return {
    ...result,
    rows: result.rows.map((row) => ({
      id: String(row.id),
      email: String(row.email),
      name: String(row.name ?? ''),
      createdAt: iso(row.createdAt) ?? '',
      grants: grants.get(String(row.id))!,
      lastSignInAt: last.get(String(row.id)) ?? null,
    })),
  };
}

export interface OperatorSession {
  id: string;
  createdAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The session the acting operator is using right now. */
  current: boolean;
}

export interface OperatorDetail {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  grants: Grants;
  /** How the operator signs in: 'credential' (local password), 'github', 'google', 'oidc'. */
  providers: string[];
  /** Unexpired sessions, newest first. The token is never read. */
  sessions: OperatorSession[];
}

/** One operator with grants, sign-in methods and active sessions; null when there is none. */
export async function getOperator(actor: Operator, userId: string): Promise<OperatorDetail | null> {
  requireSuperadmin(actor);
  const [user] = await query<{ id: string; email: string; name: string | null; createdAt: Date }>(
    'hub',
    'SELECT id, email, name, "createdAt" FROM hub_user WHERE id = $1',
    [userId],
  );
  if (!user) return null;
  const [grants, accounts, sessions] = await Promise.all([
    grantsFor([user.id]),
    query<{ providerId: string }>('hub', 'SELECT DISTINCT "providerId" FROM hub_account WHERE "userId" = $1 ORDER BY "providerId"', [user.id]),
    query<{ id: string; createdAt: Date; expiresAt: Date; ipAddress: string | null; userAgent: string | null }>(
      'hub',
      'SELECT id, "createdAt", "expiresAt", "ipAddress", "userAgent" FROM hub_session WHERE "userId" = $1 AND "expiresAt" > now() ORDER BY "createdAt" DESC, id',
      [user.id],
    ),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name ?? '',
    createdAt: iso(user.createdAt) ?? '',
    grants: grants.get(user.id)!,
    providers: accounts.map((a) => a.providerId),
    sessions: sessions.map((s) => ({
      id: s.id,
      createdAt: iso(s.createdAt)!,
      expiresAt: iso(s.expiresAt)!,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
      current: s.id === actor.sessionId,
    })),
  };
}

/** Checks grants from a form or a script: configured domains, known roles, a real boolean. */
export function validateGrants(input: { superadmin: unknown; roles: unknown }): Grants {
  if (typeof input.superadmin !== 'boolean') throw new OperatorInputError(say('operators.superadminFlag'));
  if (typeof input.roles !== 'object' || input.roles === null || Array.isArray(input.roles)) throw new OperatorInputError(say('operators.rolesObject'));
  const configured = configuredDomains();
  const roles: Record<string, DomainRole> = {};
  for (const [domain, role] of Object.entries(input.roles as Record<string, unknown>)) {
    if (!configured.includes(domain))
      throw new OperatorInputError(
        say('operators.notADomain', { domain: domain.slice(0, 60), configured: configured.join(', ') || say('operators.noDomains') }),
      );
    if (typeof role !== 'string' || !isDomainRole(role)) throw new OperatorInputError(say('operators.notARole', { role: String(role).slice(0, 30), domain }));
    roles[domain] = role;
  }
  return { superadmin: input.superadmin, roles };
}

/** Serialises grant changes and deletions hub-wide for the rest of the transaction. */
async function lockOperators(tx: Tx): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('admin-hub:operators'))");
}

async function lockUser(tx: Tx, userId: string): Promise<{ id: string; email: string }> {
  const [user] = await tx.query<{ id: string; email: string }>('SELECT id, email FROM hub_user WHERE id = $1 FOR UPDATE', [userId]);
  if (!user) throw new OperatorNotFoundError();
  return user;
}

async function otherSuperadmins(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM hub_grants g JOIN hub_user u ON u.id = g.user_id WHERE g.domain = '*' AND g.role = 'superadmin' AND g.user_id <> $1",
    [userId],
  );
  return row!.n;
}

async function writeGrants(tx: Tx, userId: string, grants: Grants, grantedBy: string): Promise<void> {
  await tx.query('DELETE FROM hub_grants WHERE user_id = $1', [userId]);
  const rows: [string, string][] = Object.entries(grants.roles);
  if (grants.superadmin) rows.push(['*', 'superadmin']);
  for (const [domain, role] of rows) {
    await tx.query('INSERT INTO hub_grants (user_id, domain, role, granted_by) VALUES ($1, $2, $3, $4)', [userId, domain, role, grantedBy]);
  }
}

/**
 * Replaces an operator's grants. Refuses to take superadmin away from the last one (the
 * acting operator included): the hub would have nobody left to manage it.
 */
export async function updateGrants(actor: Operator, userId: string, input: { superadmin: boolean; roles: Record<string, string> }): Promise<Grants> {
  requireSuperadmin(actor);
  const grants = validateGrants(input);
  await withTransaction('hub', async (tx) => {
    await lockOperators(tx);
    const user = await lockUser(tx, userId);
    if (!grants.superadmin) {
      const [was] = await tx.query("SELECT 1 FROM hub_grants WHERE user_id = $1 AND domain = '*' AND role = 'superadmin'", [userId]);
      if (was && (await otherSuperadmins(tx, userId)) === 0) {
        throw new OperatorInputError(say('operators.lastSuperadmin', { email: user.email }));
      }
    }
    const before = await tx.query<{ domain: string; role: string }>('SELECT domain, role FROM hub_grants WHERE user_id = $1 ORDER BY domain', [userId]);
    await writeGrants(tx, userId, grants, actor.id);
    const after = await tx.query<{ domain: string; role: string }>('SELECT domain, role FROM hub_grants WHERE user_id = $1 ORDER BY domain', [userId]);
    const asMap = (rows: { domain: string; role: string }[]) => Object.fromEntries(rows.map((r) => [r.domain, r.role]));
    await recordHubChange(tx, {
      actor,
      resource: 'operators',
      recordId: user.email,
      action: 'roles_change',
      changes: { before: asMap(before), after: asMap(after) },
    });
    await announceOperatorChange(userId, tx);
  });
  forgetOperator(userId);
  return grants;
}

/** Ends one session: its cookie stops working on the next request. Returns the session's operator. */
export async function revokeSession(actor: Operator, sessionId: string): Promise<{ userId: string }> {
  requireSuperadmin(actor);
  return withTransaction('hub', async (tx) => {
    const [row] = await tx.query<{ userId: string }>('DELETE FROM hub_session WHERE id = $1 RETURNING "userId"', [sessionId]);
    if (!row) throw new OperatorInputError(say('operators.sessionEnded'));
    await recordHubChange(tx, { actor, resource: 'sessions', recordId: row.userId, action: 'session_revoke', detail: `session ${sessionId}` });
    await announceOperatorChange(row.userId, tx);
    return { userId: row.userId };
  }).then((result) => {
    forgetOperator(result.userId);
    return result;
  });
}

/** Signs an operator out everywhere (the acting operator too, when it is the same one). */
export async function revokeAllSessions(actor: Operator, userId: string): Promise<{ revoked: number }> {
  requireSuperadmin(actor);
  return withTransaction('hub', async (tx) => {
    await lockUser(tx, userId);
    const result = await tx.execute('DELETE FROM hub_session WHERE "userId" = $1', [userId]);
    await recordHubChange(tx, { actor, resource: 'sessions', recordId: userId, action: 'session_revoke_all', detail: `${result.rowCount ?? 0} session(s)` });
    await announceOperatorChange(userId, tx);
    return { revoked: result.rowCount ?? 0 };
  }).finally(() => forgetOperator(userId));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a local (email + password) operator with a generated password, returned once and
 * never stored in clear. The account is written by the auth library (it hashes the password);
 * the grants follow in one transaction, and the account is removed again if they fail.
 */
export async function createLocalOperator(
  actor: Operator,
  input: { email: string; name?: string; roles?: Record<string, string>; superadmin?: boolean },
): Promise<{ id: string; email: string; password: string }> {
  requireSuperadmin(actor);
  if (!getConfig().auth.localAccounts) throw new OperatorInputError(say('operators.localOff'));
  const email = String(input.email ?? '')
    .trim()
    .toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw new OperatorInputError(say('operators.email'));
  const name = String(input.name ?? '').trim();
  if (name.length > 120) throw new OperatorInputError(say('operators.nameTooLong', { max: 120 }));
  const grants = validateGrants({ superadmin: input.superadmin ?? false, roles: input.roles ?? {} });
  const [existing] = await query('hub', 'SELECT 1 FROM hub_user WHERE lower(email) = $1', [email]);
  if (existing) throw new OperatorInputError(say('operators.emailTaken', { email }));
  let created: { id: string; email: string; password: string };
  try {
    created = await createOperator({ email, name: name || undefined });
  } catch (error) {
    // The allowlist hook and the duplicate check speak to the operator; anything else is a bug.
    const message = (error as { body?: { message?: string } }).body?.message ?? (error as Error).message;
    if (/not allowed|already exists/i.test(message)) throw new OperatorInputError(message);
    throw error;
  }
  try {
    await withTransaction('hub', async (tx) => {
      await writeGrants(tx, created.id, grants, actor.id);
      await recordHubChange(tx, {
        actor,
        resource: 'operators',
        recordId: email,
        action: 'operator_create',
        changes: { after: { superadmin: grants.superadmin, roles: grants.roles } },
      });
    });
  } catch (error) {
    await query('hub', 'DELETE FROM hub_user WHERE id = $1', [created.id]).catch(() => undefined);
    throw error;
  }
  return created;
}

/**
 * Deletes an operator with its grants, sessions and sign-in accounts. Not yourself (another
 * superadmin must do it) and never the last superadmin.
 */
export async function deleteOperator(actor: Operator, userId: string): Promise<{ email: string }> {
  requireSuperadmin(actor);
  if (userId === actor.id) throw new OperatorInputError(say('operators.notYourself'));
  return withTransaction('hub', async (tx) => {
    await lockOperators(tx);
    const user = await lockUser(tx, userId);
    const [superadmin] = await tx.query("SELECT 1 FROM hub_grants WHERE user_id = $1 AND domain = '*' AND role = 'superadmin'", [userId]);
    if (superadmin && (await otherSuperadmins(tx, userId)) === 0) throw new OperatorInputError(say('operators.lastSuperadminDelete', { email: user.email }));
    await tx.query('DELETE FROM hub_session WHERE "userId" = $1', [userId]);
    await tx.query('DELETE FROM hub_account WHERE "userId" = $1', [userId]);
    await tx.query('DELETE FROM hub_grants WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM hub_user WHERE id = $1', [userId]);
    await recordHubChange(tx, { actor, resource: 'operators', recordId: user.email, action: 'operator_delete' });
    await announceOperatorChange(userId, tx);
    return { email: user.email };
  }).finally(() => forgetOperator(userId));
}
