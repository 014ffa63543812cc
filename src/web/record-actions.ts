'use server';

import { displayRecordId } from '@admin-hub/engine/shared/record-id';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isMetaField, META, type RecordActionState, type RecordFormState } from '@/components/record-form/state';
import { formValuesOf, inputOf, NULL_VALUE, type FormValues } from '@/components/record-form/values';
import type { Operator } from '@admin-hub/engine/auth/operator';
import type { DomainName } from '@admin-hub/engine/config/current';
import { RecordConflictError, RecordValidationError } from '@admin-hub/engine/records/errors';
import { createRecord, hardDeleteRecord, restoreRecord, runCustomAction, softDeleteRecord, updateRecord } from '@admin-hub/engine/records/write-record';
import { findResource } from '@admin-hub/engine/resources/registry';
import type { Resource } from '@admin-hub/engine/resources/types';
import { isForm, notAForm } from '@/web/action-form';
import { actionFailure, actionOperator, actionWords } from '@/web/action-result';

/*
 * The record pages' writes. A Server Action is a POST anyone could send with any fields, so
 * each one reads the operator from the session again, finds the resource from the names in
 * the form, and lets the engine check access, validate (the same Zod schema the form ran in
 * the browser) and write. Refusals come back as state for the form, in words: never SQL, a
 * driver message or a stack. Success redirects to the record (revalidating its pages).
 */

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** Column values from the form: every field that is not one of ours (`$…`, React's `$ACTION…`). */
function valuesOf(form: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of form.entries()) if (!isMetaField(key) && typeof value === 'string') out[key] = value;
  return out;
}

interface Target {
  operator: Operator;
  domain: DomainName;
  resource: Resource;
  id: string;
  base: string;
}

async function target(form: FormData): Promise<Target> {
  const operator = await actionOperator(); // an ended session: UnauthenticatedError, worded by actionFailure
  const { domain, resource } = await findResource(text(form, META.domain), text(form, META.resource));
  const id = text(form, META.id);
  return { operator, domain, resource, id, base: `/d/${domain}/${resource.name}` };
}

function revalidateRecord(base: string, id?: string): void {
  revalidatePath(base);
  if (id) {
    revalidatePath(`${base}/${id}`);
    revalidatePath(`${base}/${id}/edit`);
  }
}

/**
 * Create (no `$id`) or update (`$id` and `$version`, the row version the form was opened on).
 * The form sends only the fields to write; see payloadOf in record-form/values.ts.
 */
export async function saveRecordAction(_state: RecordFormState, form: FormData): Promise<RecordFormState> {
  if (!isForm(form)) return { status: 'error', code: 400, message: notAForm() };
  const values = valuesOf(form);
  const editing = text(form, META.mode) === 'update';
  let saved: { base: string; id: string };
  let t: Target | undefined;
  try {
    t = await target(form);
    if (editing) {
      const version = text(form, META.version);
      const outcome = await updateRecord(t.operator, t.domain, t.resource, t.id, inputOf(values), version);
      saved = { base: t.base, id: outcome.id };
    } else {
      // NULL means "not given" on create, so the column's default applies; the engine decides what '' means (keepsEmpty).
      const given = inputOf(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== NULL_VALUE)));
      const outcome = await createRecord(t.operator, t.domain, t.resource, given);
      saved = { base: t.base, id: outcome.id };
    }
  } catch (error) {
    if (error instanceof RecordValidationError) {
      const fieldErrors = { ...error.fieldErrors };
      const formError = error.formError ?? (Object.keys(fieldErrors).length > 0 ? actionWords()('fieldsNeedAttention') : undefined);
      return { status: 'invalid', fieldErrors, formError, values };
    }
    if (error instanceof RecordConflictError && t) {
      return {
        status: 'conflict',
        theirsRow: error.current,
        theirs: formValuesOf(t.resource.columns, error.current),
        version: error.currentVersion,
        yours: Object.fromEntries(
          Object.entries(error.attempted).map(([k, v]) => [k, v === null ? NULL_VALUE : typeof v === 'string' ? v : JSON.stringify(v)]),
        ),
      };
    }
    // A 401 keeps what was typed in this tab and offers a sign-in link back to the form (record-form.tsx).
    const { code, error: message } = actionFailure(error);
    return { status: 'error', code, message, values };
  }
  revalidateRecord(saved.base, saved.id);
  redirect(`${saved.base}/${saved.id}?saved=${editing ? 'updated' : 'created'}`);
}

async function buttonAction(form: FormData, work: (t: Target) => Promise<string | { redirectTo: string }>): Promise<RecordActionState> {
  if (!isForm(form)) return { error: notAForm() };
  let outcome: string | { redirectTo: string };
  try {
    const t = await target(form);
    outcome = await work(t);
    revalidateRecord(t.base, t.id);
  } catch (error) {
    return actionFailure(error);
  }
  if (typeof outcome !== 'string') redirect(outcome.redirectTo);
  return { ok: outcome };
}

export async function softDeleteRecordAction(_state: RecordActionState, form: FormData): Promise<RecordActionState> {
  return buttonAction(form, async (t) => {
    await softDeleteRecord(t.operator, t.domain, t.resource, t.id);
    return actionWords()('deleted');
  });
}

export async function restoreRecordAction(_state: RecordActionState, form: FormData): Promise<RecordActionState> {
  return buttonAction(form, async (t) => {
    await restoreRecord(t.operator, t.domain, t.resource, t.id);
    return actionWords()('restored');
  });
}

/**
 * Deletes for good. The operator types the id as the page shows it (the key values, not their
 * URL encoding); the engine compares the encoded id, so a correctly typed id is passed on as that.
 */
export async function hardDeleteRecordAction(_state: RecordActionState, form: FormData): Promise<RecordActionState> {
  return buttonAction(form, async (t) => {
    const typed = text(form, META.confirm).trim();
    const shown = displayRecordId(t.id);
    await hardDeleteRecord(t.operator, t.domain, t.resource, t.id, typed === shown ? t.id : typed);
    return { redirectTo: t.base };
  });
}

export async function customRecordAction(_state: RecordActionState, form: FormData): Promise<RecordActionState> {
  return buttonAction(form, async (t) => {
    const outcome = await runCustomAction(t.operator, t.domain, t.resource, t.id, text(form, META.action));
    return outcome.message ?? actionWords()('done');
  });
}
