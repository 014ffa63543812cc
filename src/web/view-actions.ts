'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { refreshMaterializedView } from '@admin-hub/engine/records/refresh-view';
import { findResource } from '@admin-hub/engine/resources/registry';
import { isForm, notAForm } from './action-form';
import { actionFailure, actionOperator, type ActionState } from './action-result';

/** Server Action (its Origin is checked at the door): refresh a materialized view; the engine checks the admin role and audits it. */
export async function refreshViewAction(_state: ActionState, form: FormData): Promise<ActionState> {
  if (!isForm(form)) return { error: notAForm() };
  try {
    const operator = await actionOperator();
    const found = await findResource(String(form.get('domain')), String(form.get('resource')));
    const done = await refreshMaterializedView(operator, found.domain, found.resource);
    revalidatePath(`/d/${found.domain}/${found.resource.name}`);
    return { ok: (await getTranslations('list'))('refreshed', { concurrently: done.concurrently ? 'yes' : 'no', ms: done.ms }) };
  } catch (error) {
    return actionFailure(error);
  }
}
