'use client';

import { Pencil, RotateCcw, Trash2, Zap } from 'lucide-react';
import Link from 'next/link';
import { useActionState, useId, useState, type ReactNode } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
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

/** Kept under its old name for the record pages' callers. */
export const ActionMessage = FormMessage;

/** A one-button form: soft delete, restore. */
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

/** Messages go under the button row; a fixed slot keeps the row from jumping. */
function Portal({ state, testId }: { state: RecordActionState; testId: string }) {
  if (!state.ok && !state.error) return null;
  return (
    <div className="basis-full">
      <ActionMessage state={state} testId={testId} />
    </div>
  );
}

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
  const [state, formAction, pending] = useActionState(action, {});
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const titleId = useId();
  if (!open) {
    return (
      <Button size="sm" variant="destructive" onClick={() => setOpen(true)} data-testid="record-hard-delete">
        <Trash2 aria-hidden="true" /> Delete for good…
      </Button>
    );
  }
  return (
    <form
      action={formAction}
      role="dialog"
      aria-labelledby={titleId}
      className="flex basis-full flex-col gap-3 rounded-xl border border-destructive/40 bg-card p-4 shadow-md"
      data-testid="hard-delete-dialog"
    >
      <Hidden target={target} />
      <h2 id={titleId} className="font-semibold">
        Delete {name} for good?
      </h2>
      <p className="text-sm">This removes the row from the database. It cannot be undone, and it is not kept in any trash.</p>
      {referrers.length > 0 ? (
        <div className="text-sm">
          <p>Other rows refer to it:</p>
          <ul className="list-disc pl-6">
            {referrers.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p className="text-muted-foreground">Depending on the database’s rules they are deleted with it, or the delete is refused.</p>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">No other rows refer to it.</p>
      )}
      <label className="flex flex-col gap-1 text-sm">
        <span>
          Type <code className="rounded bg-muted px-1 font-mono">{displayId}</code> to confirm
        </span>
        <Input name={META.confirm} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="hard-delete-confirm-input" />
      </label>
      <ActionMessage state={state} testId="hard-delete-message" />
      <div className="flex gap-2">
        <Button type="submit" variant="destructive" disabled={pending || typed.trim() !== displayId} data-testid="hard-delete-confirm">
          {pending ? 'Deleting…' : 'Delete for good'}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setOpen(false);
            setTyped('');
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}

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
  const [state, formAction, pending] = useActionState(action, {});
  const [asking, setAsking] = useState(false);
  return (
    <form action={formAction} className="contents" onSubmit={() => setAsking(false)}>
      <Hidden target={target} />
      <input type="hidden" name={META.action} value={name} />
      {confirm && !asking ? (
        <Button size="sm" variant="outline" onClick={() => setAsking(true)} disabled={pending} data-testid={`record-action-${name}`}>
          <Zap aria-hidden="true" /> {label}
        </Button>
      ) : null}
      {!confirm ? (
        <Button type="submit" size="sm" variant="outline" disabled={pending} data-testid={`record-action-${name}`}>
          <Zap aria-hidden="true" /> {pending ? `${label}…` : label}
        </Button>
      ) : null}
      {confirm && asking ? (
        <div
          role="alertdialog"
          aria-label={label}
          className="flex basis-full flex-col gap-2 rounded-xl border bg-card p-3 text-sm shadow-md"
          data-testid={`record-action-confirm-${name}`}
        >
          <p>{confirm}</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending} data-testid={`record-action-run-${name}`}>
              {label}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      <Portal state={state} testId={`record-action-message-${name}`} />
    </form>
  );
}

/** The record's buttons; the page passes only those the operator's role allows. */
export function RecordButtons({ target, displayId, name, editHref, softDelete, restore, hardDelete, customActions = [] }: RecordButtonsProps) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-2" data-testid="record-buttons">
      {editHref ? (
        <Link href={editHref} className={buttonVariants({ size: 'sm' })} data-testid="record-edit">
          <Pencil aria-hidden="true" /> Edit
        </Link>
      ) : null}
      {customActions.map((a) => (
        <CustomAction key={a.name} target={target} {...a} />
      ))}
      {restore ? (
        <SimpleAction target={target} action={restore} variant="outline" testId="record-restore">
          <RotateCcw aria-hidden="true" /> Restore
        </SimpleAction>
      ) : null}
      {softDelete ? (
        <SimpleAction target={target} action={softDelete} variant="outline" testId="record-delete">
          <Trash2 aria-hidden="true" /> Delete
        </SimpleAction>
      ) : null}
      {hardDelete ? <HardDelete target={target} displayId={displayId} name={name} action={hardDelete.action} referrers={hardDelete.referrers} /> : null}
    </div>
  );
}
