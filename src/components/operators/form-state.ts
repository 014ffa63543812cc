import type { ActionState as SharedActionState } from '@/web/action-result';

/**
 * What an operators form action answers (useActionState): a message to show in the form,
 * never a thrown error. `created` carries a new operator's password, shown once.
 */
export interface ActionState extends SharedActionState {
  created?: { id: string; email: string; password: string };
  /** What was submitted, so a refused form comes back filled in (React resets forms after an action). */
  values?: { email: string; name: string; superadmin: boolean; roles: Record<string, string> };
}

/** A Server Action as the forms receive it from their page. */
export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

export const initialState: ActionState = {};
