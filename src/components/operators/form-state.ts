/**
 * What an operators form action answers (useActionState): a message to show in the form,
 * never a thrown error. `created` carries a new operator's password, shown once.
 */
export interface ActionState {
  ok?: string;
  error?: string;
  created?: { id: string; email: string; password: string };
}

/** A Server Action as the forms receive it from their page. */
export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

export const initialState: ActionState = {};
