'use client';

import { History, LogIn, Save, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { AdminResourceTable } from '@/components/admin-resource-table';
import { resolveResourceIcon } from '@/components/shell';
import { Button, buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { isRequired } from '@admin-hub/engine/records/input-schema';
import { keepsEmpty } from '@admin-hub/engine/values/empty';
import type { ClientResource } from '@admin-hub/engine/resources/define';
import type { ResolvedColumn } from '@admin-hub/engine/resources/types';
import { ConflictScreen } from './conflict-screen';
import { clearDraft, draftKey, readDraft, saveDraft } from './draft';
import { fieldFor, hintFor } from './fields/field-for';
import type { ReferenceInfo } from './fields/types';
import { idleState, isMetaField, META, type RecordFormAction, type RecordFormState } from './state';
import { validatePayload } from './validate';
import { NULL_VALUE, payloadOf, type FormValues } from './values';
import { NullSwitch } from './null-switch';
import { sectionsOf } from '@/components/renderers/sections';

export interface RecordFormProps {
  resource: ClientResource;
  mode: 'create' | 'update';
  /** The record's URL id (update). */
  id?: string;
  /** The row version the form was opened on (update): sent back in a hidden field. */
  version?: string | null;
  /** Every column's value as a form string (see values.ts); empty for a new record. */
  initial: FormValues;
  /** Columns this operator sees masked: shown, never editable. */
  masked?: string[];
  /** Foreign-key columns → what their picker searches. */
  references?: Record<string, ReferenceInfo>;
  action: RecordFormAction;
  title: string;
  subtitle?: string;
  cancelHref: string;
}

/** Why a column cannot be edited here (its message is `form.locked.<reason>`), or undefined when it can. */
export type LockedReason = 'masked' | 'softDelete' | 'computed' | 'readOnly' | 'key';

export function lockedReason(
  resource: Pick<ClientResource, 'primaryKey' | 'softDelete'>,
  column: ResolvedColumn,
  mode: 'create' | 'update',
  masked: readonly string[],
): LockedReason | undefined {
  if (masked.includes(column.name) && !column.secret) return 'masked';
  if (column.name === resource.softDelete) return 'softDelete';
  if (column.computed) return 'computed';
  if (column.readOnly) return 'readOnly';
  if (mode === 'update' && resource.primaryKey.includes(column.name)) return 'key';
  return undefined;
}

const noSubscribe = () => () => {};

/**
 * The create and edit form of any resource, generated from its definition: one field per
 * column by type (or its custom renderer), checked in the browser with the server's own Zod
 * schema, then saved by a Server Action that checks everything again. On edit only changed
 * fields are sent, with the version the form was opened on; a newer save by someone else
 * comes back as a conflict screen instead of being overwritten. A save refused because the
 * session ended keeps what was typed (in this tab's sessionStorage) until the operator has
 * signed in again and is back on the form.
 */
export function RecordForm(props: RecordFormProps) {
  const { resource, mode, id, version, initial, masked = [], references = {}, action, title, subtitle, cancelHref } = props;
  const t = useTranslations('form');
  const format = useFormatter();
  const tSections = useTranslations('renderers');
  const router = useRouter();
  const pathname = usePathname();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<RecordFormState, FormData>(action, idleState);
  const [values, setValues] = useState<FormValues>(initial);
  // What the form was opened on: the page's row, or a restored draft's.
  const [opened, setOpened] = useState<{ initial: FormValues; version: string | null }>({ initial, version: version ?? null });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [validated, setValidated] = useState(false);
  // Server messages stay until the operator edits that field.
  const [edited, setEdited] = useState<{ state: RecordFormState; fields: Set<string> }>({ state, fields: new Set() });
  if (edited.state !== state) setEdited({ state, fields: new Set() });

  // A draft kept when a save was refused for lack of a session comes back once, after
  // hydration (the server cannot see this tab's storage).
  const key = draftKey(resource.domain, resource.name, id);
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [draftChecked, setDraftChecked] = useState(false);
  const [restored, setRestored] = useState<{ stale: boolean } | undefined>();
  if (hydrated && !draftChecked) {
    setDraftChecked(true);
    const draft = readDraft(key);
    if (draft) {
      setValues({ ...initial, ...draft.values });
      setOpened({ initial: draft.initial, version: draft.version });
      setRestored({ stale: mode === 'update' && draft.version !== (version ?? null) });
    }
  }
  const sessionEnded = state.status === 'error' && state.code === 401;
  useEffect(() => {
    // Kept (and kept up to date while they type) until they send again, keep theirs or discard.
    if (sessionEnded) saveDraft(key, { version: opened.version, initial: opened.initial, values });
  }, [sessionEnded, key, opened, values]);

  const shown = useMemo(
    () => resource.columns.filter((c) => mode === 'update' || !lockedReason(resource, c, mode, masked) || masked.includes(c.name)),
    [resource, mode, masked],
  );
  const editable = useMemo(() => shown.filter((c) => !lockedReason(resource, c, mode, masked)), [shown, resource, mode, masked]);
  // The definition's sections (fieldsets), or one untitled section; focus follows the order they show fields in.
  const sections = useMemo(() => sectionsOf(shown, resource.fieldsets ?? []), [shown, resource.fieldsets]);
  const inFormOrder = useMemo(() => sections.flatMap((s) => s.columns), [sections]);
  // After a refused save, focus moves to the first field the server named (in form order), or
  // to the message on top, so keyboard and screen-reader users land on what to fix. Once per answer.
  const errorBox = useRef<HTMLDivElement>(null);
  const focusedFor = useRef<RecordFormState>(state);
  useEffect(() => {
    if (focusedFor.current === state) return;
    focusedFor.current = state;
    if (state.status !== 'invalid' && state.status !== 'error') return;
    const named = state.status === 'invalid' ? state.fieldErrors : {};
    const first = inFormOrder.find((c) => named[c.name] !== undefined);
    const field = first ? document.getElementById(`${formId}-${first.name}`) : null;
    (field ?? errorBox.current)?.focus();
  }, [state, inFormOrder, formId]);

  const serverErrors = state.status === 'invalid' ? state.fieldErrors : {};
  const errorFor = (name: string) => clientErrors[name] ?? (edited.fields.has(name) ? undefined : serverErrors[name]);
  const known = new Set(shown.map((c) => c.name));
  // Messages about fields this form does not show (or the form as a whole) go on top.
  const orphanKeys = new Set([...Object.keys(serverErrors).filter((k) => !edited.fields.has(k)), ...Object.keys(clientErrors)]);
  const orphanErrors = [...orphanKeys].filter((k) => !known.has(k)).map((k) => clientErrors[k] ?? serverErrors[k]!);

  const setValue = (name: string, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    if (!edited.fields.has(name)) setEdited({ state: edited.state, fields: new Set(edited.fields).add(name) });
    // After a first attempt, messages follow the typing.
    if (validated) setClientErrors(validatePayload(resource, mode, payloadOf(mode, editable, next, opened.initial)));
  };

  const send = (payload: FormValues, overrideVersion?: string) => {
    const form = formRef.current;
    const data = form ? new FormData(form) : new FormData();
    for (const key of [...data.keys()]) if (!isMetaField(key) || key.startsWith('$ACTION')) data.delete(key);
    if (overrideVersion !== undefined) data.set(META.version, overrideVersion);
    for (const [name, value] of Object.entries(payload)) data.set(name, value);
    clearDraft(key);
    startTransition(() => formAction(data));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const payload = payloadOf(mode, editable, values, opened.initial);
    const errors = validatePayload(resource, mode, payload);
    setClientErrors(errors);
    setValidated(true);
    const first = inFormOrder.find((c) => errors[c.name]);
    if (Object.keys(errors).length > 0) {
      if (first) document.getElementById(`${formId}-${first.name}`)?.focus();
      return;
    }
    send(payload);
  };

  const discardDraft = () => {
    clearDraft(key);
    setValues(initial);
    setOpened({ initial, version: version ?? null });
    setRestored(undefined);
    setClientErrors({});
  };

  const formLevel = [
    ...(state.status === 'invalid' && state.formError ? [state.formError] : []),
    ...orphanErrors,
    ...(state.status === 'error' ? [state.message] : []),
  ];
  const signInHref = `/sign-in?next=${encodeURIComponent(pathname)}`;

  /** One field: label, input, NULL switch, error, help text and hint (the last three read out with the input). */
  const renderField = (column: ResolvedColumn) => {
    const locked = lockedReason(resource, column, mode, masked);
    const inputId = `${formId}-${column.name}`;
    const error = errorFor(column.name);
    const hint = locked ? t(`locked.${locked}`) : hintFor(column, mode, { t, format });
    const hintId = hint ? `${inputId}-hint` : undefined;
    const errorId = error ? `${inputId}-error` : undefined;
    const helpId = column.help ? `${inputId}-help` : undefined;
    // A secret left empty on edit keeps its value: never "required" there.
    const required = !locked && isRequired(column, mode) && !(column.secret && mode === 'update');
    const Field = fieldFor(column);
    return (
      <div
        key={column.name}
        className="flex flex-col gap-1.5"
        data-testid={`form-field-${column.name}`}
        data-locked={locked ? 'true' : undefined}
        data-required={required ? 'true' : undefined}
      >
        <label htmlFor={inputId} className="text-sm font-medium">
          {column.label}
          {required ? (
            <span className="ml-0.5 text-destructive" aria-hidden="true">
              *
            </span>
          ) : null}
          {required ? <span className="sr-only"> {t('required')}</span> : null}
        </label>
        <Field
          column={column}
          id={inputId}
          name={locked ? '' : column.name}
          value={values[column.name] === NULL_VALUE ? '' : (values[column.name] ?? '')}
          onChange={(v) => setValue(column.name, v)}
          disabled={Boolean(locked) || pending}
          invalid={Boolean(error)}
          required={required}
          describedBy={[errorId, helpId, hintId].filter(Boolean).join(' ') || undefined}
          mode={mode}
          domain={resource.domain}
          reference={references[column.name]}
        />
        {!locked && keepsEmpty(column) ? (
          <NullSwitch
            column={column}
            isNull={(values[column.name] ?? (mode === 'create' ? NULL_VALUE : '')) === NULL_VALUE}
            disabled={pending}
            onChange={(isNull) => setValue(column.name, isNull ? NULL_VALUE : '')}
          />
        ) : null}
        {error ? (
          <p id={errorId} className="text-sm text-destructive" data-testid={`field-error-${column.name}`}>
            {error}
          </p>
        ) : null}
        {column.help ? (
          <p id={helpId} className="text-sm text-muted-foreground" data-testid={`field-help-${column.name}`}>
            {column.help}
          </p>
        ) : null}
        {hint ? (
          <p id={hintId} className="text-xs text-muted-foreground">
            {hint}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <AdminResourceTable
      headersOnly
      title={title}
      subtitle={subtitle}
      icon={resolveResourceIcon(resource.icon)}
      iconColor={resource.iconColor}
      columns={[]}
      rows={[]}
      rowKey={() => ''}
      actions={
        <Link href={cancelHref} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
          {t('cancel')}
        </Link>
      }
    >
      {state.status === 'conflict' ? (
        <ConflictScreen
          columns={shown}
          initial={opened.initial}
          theirs={state.theirs}
          yours={state.yours}
          pending={pending}
          onKeepTheirs={() => {
            clearDraft(key);
            router.refresh();
          }}
          onSaveMine={() => send(state.yours, state.version)}
        />
      ) : null}
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className={cn('flex max-w-3xl flex-col gap-5 rounded-xl border bg-card p-4 shadow-xs sm:p-6', state.status === 'conflict' && 'opacity-60')}
        data-testid="record-form"
        data-mode={mode}
        aria-busy={pending}
      >
        <input type="hidden" name={META.mode} value={mode} />
        <input type="hidden" name={META.domain} value={resource.domain} />
        <input type="hidden" name={META.resource} value={resource.name} />
        {id !== undefined ? <input type="hidden" name={META.id} value={id} /> : null}
        {mode === 'update' ? <input type="hidden" name={META.version} value={opened.version ?? ''} data-testid="record-version" /> : null}

        {restored ? (
          <div role="status" className="flex items-start gap-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm" data-testid="draft-restored">
            <History className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
            <div className="flex flex-col gap-1">
              <p>{restored.stale ? t('draftRestoredStale') : t('draftRestored')}</p>
              <p>
                <button type="button" className="cursor-pointer underline underline-offset-2" onClick={discardDraft} data-testid="draft-discard">
                  {t('discardDraft')}
                </button>
              </p>
            </div>
          </div>
        ) : null}

        {formLevel.length > 0 ? (
          <div
            ref={errorBox}
            role="alert"
            tabIndex={-1}
            className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm focus:outline-2 focus:outline-ring"
            data-testid="form-error"
          >
            <TriangleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
            <div className="flex flex-col gap-1">
              {formLevel.map((m, i) => (
                <p key={i}>{m}</p>
              ))}
              {sessionEnded ? <p data-testid="draft-kept">{t('draftKept')}</p> : null}
              {sessionEnded ? (
                <p>
                  <Link href={signInHref} className="inline-flex items-center gap-1 font-medium underline underline-offset-2" data-testid="session-sign-in">
                    <LogIn className="size-4" aria-hidden="true" /> {t('signInAgain')}
                  </Link>
                </p>
              ) : null}
            </div>
          </div>
        ) : null}

        {(resource.fieldsets ?? []).length === 0
          ? shown.map((column) => renderField(column))
          : sections.map((section, i) => (
              <fieldset key={i} className="min-w-0" aria-describedby={section.description ? `${formId}-section-${i}` : undefined} data-testid="form-fieldset">
                <legend className="w-full border-b pb-2 text-base font-semibold">{section.other ? tSections('otherSection') : section.title}</legend>
                <div className="mt-3 flex flex-col gap-5">
                  {section.description ? (
                    <p id={`${formId}-section-${i}`} className="-mt-1 text-sm text-muted-foreground">
                      {section.description}
                    </p>
                  ) : null}
                  {section.columns.map((column) => renderField(column))}
                </div>
              </fieldset>
            ))}

        <div className="flex flex-wrap items-center gap-2 border-t pt-4">
          <Button type="submit" disabled={pending || state.status === 'conflict'} data-testid="record-save">
            <Save aria-hidden="true" /> {pending ? t('saving') : mode === 'create' ? t('create') : t('saveChanges')}
          </Button>
          <Link href={cancelHref} className={buttonVariants({ variant: 'ghost' })}>
            {t('cancel')}
          </Link>
        </div>
      </form>
    </AdminResourceTable>
  );
}
