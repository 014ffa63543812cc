'use server';

import { revalidatePath } from 'next/cache';
import { toHttpError } from '@/engine/http/errors';
import { refreshMaterializedView } from '@/engine/records/refresh-view';
import { findResource } from '@/engine/resources/registry';
import { isForm, NOT_A_FORM } from './action-form';
import { currentOperator } from './operator';

/** Server Action (its Origin is checked at the door): refresh a materialized view; the engine checks the admin role and audits it. */
export async function refreshViewAction(_state: { message: string; ok?: boolean }, form: FormData): Promise<{ message: string; ok?: boolean }> {
  if (!isForm(form)) return { message: NOT_A_FORM };
  try {
    const operator = await currentOperator();
    const found = await findResource(String(form.get('domain')), String(form.get('resource')));
    const done = await refreshMaterializedView(operator, found.domain, found.resource);
    revalidatePath(`/d/${found.domain}/${found.resource.name}`);
    return { ok: true, message: `Refreshed${done.concurrently ? ' (concurrently)' : ''} in ${done.ms} ms.` };
  } catch (error) {
    return { message: toHttpError(error).body.error };
  }
}
