'use server';

import { revalidatePath } from 'next/cache';
import { saveOperatorSettings } from '@admin-hub/engine/operators/settings';
import { actionOperator } from './action-result';

/** The operator's language, from the switch in their menu: stored on them in the hub database. */
export async function chooseLocale(locale: string): Promise<void> {
  await saveOperatorSettings(await actionOperator(), { locale });
  // Every page's words change, so nothing cached may be served in the old language.
  revalidatePath('/', 'layout');
}
