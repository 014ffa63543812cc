import type { ActionState } from '@/web/action-result';
import type { FormValues } from './values';

/**
 * What the record Server Actions answer (useActionState). Success redirects instead, so a
 * state is always something to show: field messages, a conflict, or a refusal in words.
 */
export type RecordFormState =
  | { status: 'idle' }
  | {
      status: 'invalid';
      /** Column → message, shown under the field; `_form` (or an unknown key) goes to the top. */
      fieldErrors: Record<string, string>;
      formError?: string;
      /** What was sent, so the form comes back as the operator left it. */
      values: FormValues;
    }
  | {
      status: 'conflict';
      /** The row as it is now (masked as this operator sees it), raw and as form values. */
      theirsRow: Record<string, unknown>;
      theirs: FormValues;
      /** The version to send to overwrite anyway. */
      version: string;
      /** What this operator tried to save (only the fields they changed). */
      yours: FormValues;
    }
  | { status: 'error'; code: number; message: string; values?: FormValues };

export const idleState: RecordFormState = { status: 'idle' };

/** The detail page's buttons (delete, restore, delete for good, custom actions): `ok`, or `error` (actionFailure's). */
export type RecordActionState = ActionState;

export type RecordFormAction = (state: RecordFormState, form: FormData) => Promise<RecordFormState>;
export type RecordButtonAction = (state: RecordActionState, form: FormData) => Promise<RecordActionState>;

/** Names of the hidden fields the actions read; column values use the column's own name. */
export const META = {
  domain: '$domain',
  resource: '$resource',
  id: '$id',
  version: '$version',
  mode: '$mode',
  confirm: '$confirm',
  action: '$action',
} as const;

export const isMetaField = (name: string) => name.startsWith('$');
