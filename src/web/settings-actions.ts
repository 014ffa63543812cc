'use server';

import { revalidatePath } from 'next/cache';
import { saveOperatorSettings } from '@admin-hub/engine/operators/settings';
import { actionFailure, actionOperator, type ActionState } from './action-result';

/**
 * The operator's language, from the switch in their menu: stored on them in the hub database.
 * A Server Action is a POST anyone could send with any arguments: a bad one is answered in
 * words (the engine names the languages it speaks), never a 500.
 */
export async function chooseLocale(locale: unknown): Promise<ActionState> {
  try {
    await saveOperatorSettings(await actionOperator(), { locale: typeof locale === 'string' ? locale : String(locale).slice(0, 20) });
    // Every page's words change, so nothing cached may be served in the old language.
    revalidatePath('/', 'layout');
    return { ok: 'saved' };
  } catch (error) {
    return actionFailure(error);
  }
}
