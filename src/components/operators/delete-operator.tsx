'use client';

import { Trash2 } from 'lucide-react';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { FormMessage } from './form-message';
import { initialState, type FormAction } from './form-state';

/** Deleting asks for the operator's email to be typed: the confirmation names who goes. */
export function DeleteOperator({ userId, email, action }: { userId: string; email: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  if (!open) {
    return (
      <div>
        <Button variant="destructive" onClick={() => setOpen(true)} data-testid="delete-operator">
          <Trash2 aria-hidden="true" /> Delete operator…
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="delete-operator-form">
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm">
        Delete <strong>{email}</strong>? Their roles, sessions and sign-in methods are removed and they are signed out at once. This cannot be undone.
      </p>
      <label className="flex flex-col gap-1 text-sm">
        <span>
          Type <code className="font-mono">{email}</code> to confirm
        </span>
        <Input name="confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-confirm-input" />
      </label>
      <FormMessage state={state} />
      <div className="flex gap-2">
        <Button type="submit" variant="destructive" disabled={pending || typed.trim().toLowerCase() !== email} data-testid="delete-confirm">
          {pending ? 'Deleting…' : `Delete ${email}`}
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
