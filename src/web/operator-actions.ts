'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/components/operators/form-state';
import {
  createLocalOperator,
  deleteOperator,
  getOperator,
  OperatorNotFoundError,
  revokeAllSessions,
  revokeSession,
  updateGrants,
} from '@admin-hub/engine/operators/manage';
import type { Operator } from '@admin-hub/engine/auth/operator';
import { isForm, notAForm } from '@/web/action-form';
import { actionOperator, runAction } from '@/web/action-result';

/*
 * The operators pages' writes. A Server Action is a POST anyone could send, so each one reads
 * the operator from the session again (never from the form) and manage.ts checks superadmin
 * again. Next.js already refuses an action whose Origin header does not match the Host (its
 * built-in CSRF check), and the session cookie is SameSite=Lax. Failures come back as a
 * message for the form, never as a thrown error.
 */

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The work with the signed-in operator; any failure (an ended session too) as actionFailure words it, never SQL. */
async function withOperator(work: (actor: Operator) => Promise<ActionState>): Promise<ActionState> {
  return runAction(async () => work(await actionOperator()));
}

/** `superadmin` checkbox and `role:<domain>` selects; an empty select means no role there. */
function grantsFrom(form: FormData): { superadmin: boolean; roles: Record<string, string> } {
  const roles: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('role:') && typeof value === 'string' && value !== '') roles[key.slice('role:'.length)] = value;
  }
  return { superadmin: form.get('superadmin') === 'on', roles };
}

function revalidateOperators(userId?: string): void {
  revalidatePath('/operators');
  if (userId) revalidatePath(`/operators/${encodeURIComponent(userId)}`);
}

export async function saveGrantsAction(_state: ActionState, form: FormData): Promise<ActionState> {
  if (!isForm(form)) return { error: notAForm() };
  const userId = field(form, 'userId');
  return withOperator(async (actor) => {
    await updateGrants(actor, userId, grantsFrom(form));
    revalidateOperators(userId);
    return { ok: (await getTranslations('operators'))('rolesSaved') };
  });
}

export async function sessionsAction(_state: ActionState, form: FormData): Promise<ActionState> {
  if (!isForm(form)) return { error: notAForm() };
  const userId = field(form, 'userId');
  return withOperator(async (actor) => {
    if (field(form, 'intent') === 'revoke-all') {
      const { revoked } = await revokeAllSessions(actor, userId);
      revalidateOperators(userId);
      return { ok: (await getTranslations('operators'))('signedOutEverywhere', { count: revoked }) };
    }
    await revokeSession(actor, field(form, 'sessionId'));
    revalidateOperators(userId);
    return { ok: (await getTranslations('operators'))('sessionRevoked') };
  });
}

export async function createOperatorAction(_state: ActionState, form: FormData): Promise<ActionState> {
  if (!isForm(form)) return { error: notAForm() };
  const values = { email: field(form, 'email'), name: field(form, 'name'), ...grantsFrom(form) };
  const result = await withOperator(async (actor) => {
    const created = await createLocalOperator(actor, values);
    revalidateOperators();
    return { created };
  });
  return result.error ? { ...result, values } : result;
}

export async function deleteOperatorAction(_state: ActionState, form: FormData): Promise<ActionState> {
  if (!isForm(form)) return { error: notAForm() };
  const userId = field(form, 'userId');
  const result = await withOperator(async (actor) => {
    const target = await getOperator(actor, userId);
    if (!target) throw new OperatorNotFoundError();
    if (field(form, 'confirm').toLowerCase() !== target.email) return { error: (await getTranslations('operators'))('typeExactly', { email: target.email }) };
    await deleteOperator(actor, userId);
    revalidateOperators(userId);
    return { ok: 'deleted' };
  });
  if (result.error) return result;
  redirect('/operators'); // outside the try: redirect() works by throwing
}
