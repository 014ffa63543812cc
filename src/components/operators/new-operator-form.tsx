'use client';

import { Check, Copy, KeyRound, UserPlus } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { FormMessage } from './form-message';
import { initialState, type ActionState, type FormAction } from './form-state';
import { RoleFields } from './grants-form';
import { useFocusOnError } from './use-focus-on-error';

/** The generated password, shown this once: it is not stored in clear and cannot be shown again. */
function CreatedPanel({ created, onAnother }: { created: NonNullable<ActionState['created']>; onAnother: () => void }) {
  const t = useTranslations('operators');
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | undefined>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.password);
      setCopied('yes');
    } catch {
      field.current?.select(); // no clipboard access (plain http): select it for Ctrl+C
      setCopied('manual');
    }
  }
  return (
    <div className="flex flex-col gap-4" data-testid="operator-created">
      <p className="flex items-center gap-2 text-sm">
        <KeyRound className="size-4 text-success" aria-hidden="true" />{' '}
        <span>{t.rich('canSignIn', { email: created.email, strong: (chunks) => <strong>{chunks}</strong> })}</span>
      </p>
      <div className="flex gap-2">
        <Input
          ref={field}
          readOnly
          value={created.password}
          className="font-mono"
          aria-label={t('generatedPassword')}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="created-password"
        />
        <Button variant="outline" onClick={copy} data-testid="copy-password">
          {copied === 'yes' ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />} {copied === 'yes' ? t('copied') : t('copy')}
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">
        {copied === 'manual' ? `${t('copyBlocked')} ` : ''}
        {t('shownOnce')}
      </p>
      <div className="flex gap-2">
        <Link href={`/operators/${encodeURIComponent(created.id)}`} className={buttonVariants({ variant: 'default' })} data-testid="open-created">
          {t('openOperator')}
        </Link>
        <Button variant="outline" onClick={onAnother}>
          {t('createAnother')}
        </Button>
      </div>
    </div>
  );
}

/** A refusal about the email (malformed, taken) names it, in either language: focus goes to that field. */
const ABOUT_EMAIL = /email|이메일/i;

function Form({ domains, action, onAnother }: { domains: string[]; action: FormAction; onAnother: () => void }) {
  const t = useTranslations('operators');
  const [state, formAction, pending] = useActionState(action, initialState);
  const email = useRef<HTMLInputElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  // The refusals are about the email (taken, malformed) or the form as a whole.
  useFocusOnError(state, () => (state.error && ABOUT_EMAIL.test(state.error) ? email.current : message.current));
  if (state.created) return <CreatedPanel created={state.created} onAnother={onAnother} />;
  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid="new-operator-form" key={JSON.stringify(state.values ?? null)}>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('email')}</span>
          <Input
            ref={email}
            name="email"
            type="email"
            required
            autoComplete="off"
            defaultValue={state.values?.email}
            aria-invalid={(state.error && ABOUT_EMAIL.test(state.error)) || undefined}
            data-testid="new-email"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">
            {t('name')} <span className="font-normal text-muted-foreground">{t('optional')}</span>
          </span>
          <Input name="name" autoComplete="off" maxLength={120} defaultValue={state.values?.name} data-testid="new-name" />
        </label>
      </div>
      <RoleFields domains={domains} grants={state.values} />
      <FormMessage state={state} ref={message} />
      <div>
        <Button type="submit" disabled={pending} data-testid="create-operator">
          <UserPlus aria-hidden="true" /> {pending ? t('creating') : t('createOperator')}
        </Button>
      </div>
    </form>
  );
}

/** Create a local operator; "Create another" starts over with a fresh form (and forgets the password). */
export function NewOperatorForm({ domains, action }: { domains: string[]; action: FormAction }) {
  const [round, setRound] = useState(0);
  return <Form key={round} domains={domains} action={action} onAnother={() => setRound((n) => n + 1)} />;
}
