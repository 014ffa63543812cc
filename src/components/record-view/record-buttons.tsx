'use client';

import { Pencil, RotateCcw, Trash2, Zap } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useId, useRef, useState, type ReactNode } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button, buttonVariants } from '@/components/ui/button';
import { dropFlash, parkFlash } from '@/components/ui/flash';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { META, type RecordActionState, type RecordButtonAction } from '../record-form/state';
import { FormMessage } from '@/components/ui/form-message';

export interface RecordTarget {
  domain: string;
  resource: string;
  /** The URL id (encoded key values). */
  id: string;
}

export interface RecordButtonsProps {
  target: RecordTarget;
  /** The id as the operator reads and types it. */
  displayId: string;
  /** What the record is called: "Authors 12 (Ada Lovelace)". */
  name: string;
  editHref?: string;
  softDelete?: RecordButtonAction;
  restore?: RecordButtonAction;
  /** The restore action, offered as "Undo" in the toast after a soft delete (when the operator may restore). */
  undoDelete?: RecordButtonAction;
  hardDelete?: { action: RecordButtonAction; referrers: string[] };
  customActions?: { name: string; label: string; confirm: string | undefined; action: RecordButtonAction }[];
}

function Hidden({ target }: { target: RecordTarget }) {
  return (
    <>
      <input type="hidden" name={META.domain} value={target.domain} />
      <input type="hidden" name={META.resource} value={target.resource} />
      <input type="hidden" name={META.id} value={target.id} />
    </>
  );
}

function targetForm(target: RecordTarget): FormData {
  const form = new FormData();
  form.set(META.domain, target.domain);
  form.set(META.resource, target.resource);
  form.set(META.id, target.id);
  return form;
}

/** Kept under its old name for the record pages' callers. */
export const ActionMessage = FormMessage;

/** Restore, or the toast's Undo after a soft delete: it runs outside any form, so the toast says how it went. */
function useUndo(target: RecordTarget, name: string, undo: RecordButtonAction | undefined) {
  const router = useRouter();
  const t = useTranslations('record');
  if (!undo) return undefined;
  return async () => {
    const outcome = await undo({}, targetForm(target));
    if (outcome.error) toast.error(outcome.error, { testId: 'undo-toast' });
    else {
      toast.success(t('buttons.restoredToast', { name }), { testId: 'undo-toast' });
      router.refresh();
    }
  };
}

/** Restore: a one-button form. */
function SimpleAction({
  target,
  action,
  children,
  variant,
  testId,
}: {
  target: RecordTarget;
  action: RecordButtonAction;
  children: ReactNode;
  variant: 'outline' | 'destructive';
  testId: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="contents">
      <Hidden target={target} />
      <Button type="submit" size="sm" variant={variant} disabled={pending} data-testid={testId}>
        {children}
      </Button>
      <Portal state={state} testId={`${testId}-message`} />
    </form>
  );
}

/** Soft delete: the outcome is a toast (with Undo when a restore is allowed); a refusal stays under the buttons. */
function SoftDelete({ target, name, action, undo }: { target: RecordTarget; name: string; action: RecordButtonAction; undo?: RecordButtonAction }) {
  const t = useTranslations('record');
  const runUndo = useUndo(target, name, undo);
  const [state, formAction, pending] = useActionState(async (previous: RecordActionState, form: FormData) => {
    const outcome = await action(previous, form);
    if (outcome.ok) {
      toast.success(t('buttons.deletedToast', { name }), {
        testId: 'delete-toast',
        action: runUndo ? { label: t('buttons.undo'), onClick: () => void runUndo() } : undefined,
      });
      return {};
    }
    return outcome;
  }, {});
  return (
    <form action={formAction} className="contents">
      <Hidden target={target} />
      <Button type="submit" size="sm" variant="outline" disabled={pending} data-testid="record-delete">
        <Trash2 aria-hidden="true" /> {t('buttons.delete')}
      </Button>
      <Portal state={state} testId="record-delete-message" />
    </form>
  );
}

/** Messages go under the button row; a fixed slot keeps the row from jumping. */
function Portal({ state, testId }: { state: RecordActionState; testId: string }) {
  if (!state.ok && !state.error) return null;
  return (
    <div className="basis-full">
      <ActionMessage state={state} testId={testId} />
    </div>
  );
}

/**
 * Delete for good, in a modal alert dialog (focus trapped, Escape cancels, focus back on the
 * button). Success redirects to the list, which then says in a toast what was deleted: the
 * message is parked before the action runs and dropped again if it is refused.
 */
function HardDelete({
  target,
  displayId,
  name,
  action,
  referrers,
}: {
  target: RecordTarget;
  displayId: string;
  name: string;
  action: RecordButtonAction;
  referrers: string[];
}) {
  const t = useTranslations('record');
  const [state, formAction, pending] = useActionState(async (previous: RecordActionState, form: FormData) => {
    parkFlash({ message: t('buttons.hardDeletedFlash', { name }), path: `/d/${target.domain}/${target.resource}` });
    const outcome = await action(previous, form);
    if (outcome?.error) dropFlash();
    return outcome;
  }, {});
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped('');
      }}
    >
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="destructive" data-testid="record-hard-delete">
          <Trash2 aria-hidden="true" /> {t('buttons.hardDelete')}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent
        data-testid="hard-delete-dialog"
        onOpenAutoFocus={(event) => {
          // The one thing to do here is type the id.
          event.preventDefault();
          input.current?.focus();
        }}
      >
        <form action={formAction} className="flex flex-col gap-3" data-testid="hard-delete-form">
          <Hidden target={target} />
          <AlertDialogTitle>{t('buttons.hardDeleteTitle', { name })}</AlertDialogTitle>
          <AlertDialogDescription>{t('buttons.hardDeleteDescription')}</AlertDialogDescription>
          {referrers.length > 0 ? (
            <div className="text-sm">
              <p>{t('buttons.referrersIntro')}</p>
              <ul className="list-disc pl-6">
                {referrers.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <p className="text-muted-foreground">{t('buttons.referrersRule')}</p>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">{t('buttons.noReferrers')}</p>
          )}
          <label className="flex flex-col gap-1 text-sm">
            <span>
              {t.rich('buttons.typeToConfirm', { id: displayId, code: (chunks) => <code className="rounded bg-muted px-1 font-mono">{chunks}</code> })}
            </span>
            <Input
              ref={input}
              name={META.confirm}
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              data-testid="hard-delete-confirm-input"
            />
          </label>
          <ActionMessage state={state} testId="hard-delete-message" />
          <AlertDialogFooter className="justify-start">
            <Button type="submit" variant="destructive" disabled={pending || typed.trim() !== displayId} data-testid="hard-delete-confirm">
              {pending ? t('buttons.deleting') : t('buttons.hardDeleteConfirm')}
            </Button>
            <AlertDialogCancel data-testid="hard-delete-cancel">{t('buttons.cancel')}</AlertDialogCancel>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/**
 * A custom action; one with a `confirm` text asks first in an alert dialog. The dialog is
 * portalled out of the form, so its Run button names the form it submits (form=…).
 */
function CustomAction({
  target,
  name,
  label,
  confirm,
  action,
}: {
  target: RecordTarget;
  name: string;
  label: string;
  confirm: string | undefined;
  action: RecordButtonAction;
}) {
  const t = useTranslations('record');
  const [state, formAction, pending] = useActionState(action, {});
  const [asking, setAsking] = useState(false);
  const formId = useId();
  return (
    <form id={formId} action={formAction} className="contents" onSubmit={() => setAsking(false)}>
      <Hidden target={target} />
      <input type="hidden" name={META.action} value={name} />
      {confirm ? (
        <AlertDialog open={asking} onOpenChange={setAsking}>
          <AlertDialogTrigger asChild>
            <Button size="sm" variant="outline" disabled={pending} data-testid={`record-action-${name}`}>
              <Zap aria-hidden="true" /> {pending ? t('buttons.running', { label }) : label}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent data-testid={`record-action-confirm-${name}`}>
            <AlertDialogTitle>{label}</AlertDialogTitle>
            <AlertDialogDescription>{confirm}</AlertDialogDescription>
            <AlertDialogFooter className="justify-start">
              <Button type="submit" form={formId} disabled={pending} data-testid={`record-action-run-${name}`}>
                {label}
              </Button>
              <AlertDialogCancel>{t('buttons.cancel')}</AlertDialogCancel>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : (
        <Button type="submit" size="sm" variant="outline" disabled={pending} data-testid={`record-action-${name}`}>
          <Zap aria-hidden="true" /> {pending ? t('buttons.running', { label }) : label}
        </Button>
      )}
      <Portal state={state} testId={`record-action-message-${name}`} />
    </form>
  );
}

/** The record's buttons; the page passes only those the operator's role allows. */
export function RecordButtons({ target, displayId, name, editHref, softDelete, restore, undoDelete, hardDelete, customActions = [] }: RecordButtonsProps) {
  const t = useTranslations('record');
  return (
    <div className="flex flex-wrap items-center justify-end gap-2" data-testid="record-buttons">
      {editHref ? (
        <Link href={editHref} className={buttonVariants({ size: 'sm' })} data-testid="record-edit">
          <Pencil aria-hidden="true" /> {t('buttons.edit')}
        </Link>
      ) : null}
      {customActions.map((a) => (
        <CustomAction key={a.name} target={target} {...a} />
      ))}
      {restore ? (
        <SimpleAction target={target} action={restore} variant="outline" testId="record-restore">
          <RotateCcw aria-hidden="true" /> {t('buttons.restore')}
        </SimpleAction>
      ) : null}
      {softDelete ? <SoftDelete target={target} name={name} action={softDelete} undo={undoDelete} /> : null}
      {hardDelete ? <HardDelete target={target} displayId={displayId} name={name} action={hardDelete.action} referrers={hardDelete.referrers} /> : null}
    </div>
  );
}
