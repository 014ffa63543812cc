'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { FormMessage } from './form-message';
import { initialState, type FormAction } from './form-state';
import { useFocusOnError } from './use-focus-on-error';

/**
 * Deleting asks, in a modal alert dialog (focus trapped, Escape cancels, focus back on the
 * button), for the operator's email to be typed: the confirmation names who goes.
 */
export function DeleteOperator({ userId, email, action }: { userId: string; email: string; action: FormAction }) {
  const t = useTranslations('operators');
  const [state, formAction, pending] = useActionState(action, initialState);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useFocusOnError(state, () => input.current);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped('');
      }}
    >
      <div>
        <AlertDialogTrigger asChild>
          <Button variant="destructive" data-testid="delete-operator">
            <Trash2 aria-hidden="true" /> {t('deleteOperatorEllipsis')}
          </Button>
        </AlertDialogTrigger>
      </div>
      <AlertDialogContent
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          input.current?.focus();
        }}
      >
        <form action={formAction} className="flex flex-col gap-3" data-testid="delete-operator-form">
          <input type="hidden" name="userId" value={userId} />
          <AlertDialogTitle>{t('deleteTitle', { email })}</AlertDialogTitle>
          <AlertDialogDescription>{t('deleteDescription')}</AlertDialogDescription>
          <label className="flex flex-col gap-1 text-sm">
            <span>{t.rich('typeToConfirm', { email, code: (chunks) => <code className="font-mono">{chunks}</code> })}</span>
            <Input ref={input} name="confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-confirm-input" />
          </label>
          <FormMessage state={state} />
          <AlertDialogFooter className="justify-start">
            <Button type="submit" variant="destructive" disabled={pending || typed.trim().toLowerCase() !== email} data-testid="delete-confirm">
              {pending ? t('deleting') : t('deleteEmail', { email })}
            </Button>
            <AlertDialogCancel>{t('cancel')}</AlertDialogCancel>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
