'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { revertEntry } from '@admin-hub/engine/audit/history';
import { RecordConflictError } from '@admin-hub/engine/records/errors';
import { findResource } from '@admin-hub/engine/resources/registry';
import { isForm, notAForm } from './action-form';
import { actionFailure, actionOperator, type ActionState } from './action-result';

/** Server Action (Next.js checks its Origin): revert one audited update; the engine re-checks the role. */
export async function revertAuditEntryAction(_state: ActionState, form: FormData): Promise<ActionState> {
  if (!isForm(form)) return { error: notAForm() };
  try {
    const operator = await actionOperator();
    const found = await findResource(String(form.get('domain')), String(form.get('resource')));
    await revertEntry(operator, found.domain, found.resource, String(form.get('auditId')));
    revalidatePath(`/d/${found.domain}/${found.resource.name}/${String(form.get('id'))}`);
    return { ok: (await getTranslations('audit'))('reverted') };
  } catch (error) {
    if (error instanceof RecordConflictError) return { error: (await getTranslations('audit'))('revertConflict'), code: 409 };
    return actionFailure(error);
  }
}
