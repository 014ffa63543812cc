'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { findResource } from '@admin-hub/engine/resources/registry';
import { SavedViewExistsError } from '@admin-hub/engine/views/errors';
import { deleteView, saveView } from '@admin-hub/engine/views/saved-views';
import { actionFailure, actionOperator, type ActionState } from './action-result';

/*
 * The saved-views menu's writes. A Server Action is a POST anyone could send (its Origin is
 * checked at the door), so each one reads the operator from the session again, finds the
 * resource from the names in the form and lets the engine check access and validate. Refusals
 * come back as words for the dialog, in the operator's language (the engine's refusals speak it too); success revalidates the list, whose server half renders
 * the menu again with the new views.
 */

export interface SavedViewActionState extends ActionState {
  /** This name is taken by one of the operator's own views: the dialog offers to replace it (while the name is unchanged). */
  exists?: string;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

async function target(form: FormData) {
  const operator = await actionOperator();
  const found = await findResource(text(form, 'domain'), text(form, 'resource'));
  return { operator, ...found, path: `/d/${found.domain}/${found.resource.name}` };
}

function refusal(error: unknown): SavedViewActionState {
  if (error instanceof SavedViewExistsError) return { error: error.message, code: error.status, exists: error.viewName };
  return actionFailure(error);
}

/** Saves the list's current query under a name (`shared`: for the domain's operators; `replace`: over the operator's own view of that name). */
export async function saveViewAction(_state: SavedViewActionState, form: FormData): Promise<SavedViewActionState> {
  const words = await getTranslations('savedViews');
  if (!(form instanceof FormData)) return { error: words('notAFormSave') };
  try {
    const t = await target(form);
    const view = await saveView(t.operator, t.resource, {
      name: text(form, 'name'),
      query: text(form, 'query'),
      shared: text(form, 'shared') === 'on',
      replace: text(form, 'replace') === '1',
    });
    revalidatePath(t.path);
    return { ok: words('saved', { name: view.name, shared: view.shared ? 'yes' : 'no' }) };
  } catch (error) {
    return refusal(error);
  }
}

/** Deletes a view: the operator's own, or (as an admin of the domain) a shared one. */
export async function deleteViewAction(_state: SavedViewActionState, form: FormData): Promise<SavedViewActionState> {
  const words = await getTranslations('savedViews');
  if (!(form instanceof FormData)) return { error: words('notAFormDelete') };
  try {
    const t = await target(form);
    const { name } = await deleteView(t.operator, t.resource, text(form, 'id'));
    revalidatePath(t.path);
    return { ok: words('deleted', { name }) };
  } catch (error) {
    return refusal(error);
  }
}
