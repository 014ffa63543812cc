'use server';

import { revalidatePath } from 'next/cache';
import { revertEntry } from '@/engine/audit/history';
import { toHttpError } from '@/engine/http/errors';
import { RecordConflictError } from '@/engine/records/errors';
import { findResource } from '@/engine/resources/registry';
import { isForm, NOT_A_FORM } from './action-form';
import { currentOperator } from './operator';

/** Server Action (Next.js checks its Origin): revert one audited update; the engine re-checks the role. */
export async function revertAuditEntryAction(_state: { message: string }, form: FormData): Promise<{ message: string }> {
  if (!isForm(form)) return { message: NOT_A_FORM };
  try {
    const operator = await currentOperator();
    const found = await findResource(String(form.get('domain')), String(form.get('resource')));
    await revertEntry(operator, found.domain, found.resource, String(form.get('auditId')));
    revalidatePath(`/d/${found.domain}/${found.resource.name}/${String(form.get('id'))}`);
    return { message: 'Reverted.' };
  } catch (error) {
    if (error instanceof RecordConflictError) return { message: 'The record changed since this entry: revert refused. Edit it instead.' };
    return { message: toHttpError(error).body.error };
  }
}
