import { randomBytes } from 'node:crypto';
import { withTransaction } from '../db/query';
import { getAuth } from './better-auth';
import type { DomainRole } from './roles';

export interface NewOperator {
  email: string;
  name?: string;
  /** Omitted: a strong random password is generated and returned. */
  password?: string;
  superadmin?: boolean;
  roles?: Record<string, DomainRole>;
}

/** 24 random bytes, URL-safe: ~32 characters, far beyond any guessing within the rate limit. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Creates a local operator (email + password) with its roles. Public sign-up is off, so this
 * is the only way in besides an allowed identity provider: the CLI, the first-run demo and
 * (later) the superadmin's operator pages call it. The password is hashed by the auth
 * library (scrypt); we never store or log it.
 */
export async function createOperator(input: NewOperator): Promise<{ id: string; email: string; password: string }> {
  const ctx = await getAuth().$context;
  const email = input.email.trim().toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email)) throw new Error(`An operator with the email ${email} already exists.`);
  const password = input.password ?? generatePassword();
  if (password.length < 12) throw new Error('The password must be at least 12 characters long.');
  const user = await ctx.internalAdapter.createUser({ email, name: input.name ?? email.split('@')[0]!, emailVerified: true }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: await ctx.password.hash(password) });
  await setGrants(user.id, { superadmin: input.superadmin ?? false, roles: input.roles ?? {} });
  return { id: user.id, email, password };
}

/** Replaces an operator's grants in one transaction (never a moment with half of them). */
export async function setGrants(userId: string, grants: { superadmin: boolean; roles: Record<string, DomainRole> }, grantedBy?: string): Promise<void> {
  await withTransaction('hub', async (tx) => {
    await tx.query('DELETE FROM hub_grants WHERE user_id = $1', [userId]);
    const rows: [string, string][] = Object.entries(grants.roles);
    if (grants.superadmin) rows.push(['*', 'superadmin']);
    for (const [domain, role] of rows) {
      await tx.query('INSERT INTO hub_grants (user_id, domain, role, granted_by) VALUES ($1, $2, $3, $4)', [userId, domain, role, grantedBy ?? null]);
    }
  });
}
