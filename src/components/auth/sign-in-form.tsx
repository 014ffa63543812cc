'use client';

import { Database, LogIn } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { authClient } from './auth-client';

interface SignInFormProps {
  next: string;
  providers: { id: string; label: string }[];
  localAccounts: boolean;
  initialError?: string;
}

/**
 * Sign-in with an identity provider or a local account. Failures say what the operator can
 * do, never whether an email exists: a wrong password and an unknown email read the same.
 */
export function SignInForm({ next, providers, localAccounts, initialError }: SignInFormProps) {
  const t = useTranslations('signIn');
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const { error: failure } = await authClient.signIn.email({ email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    if (!failure) {
      router.replace(next);
      router.refresh();
    } else if (failure.status === 429) {
      // The hub says which limit and when to try again ("… Try again in 42 seconds.").
      setError(failure.message || t('tooMany'));
    } else if (failure.status === 403) {
      setError(t('notAllowed'));
    } else {
      setError(t('incorrect'));
    }
  }

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Database className="size-5 text-primary" aria-hidden="true" /> Admin Hub
        </CardTitle>
        <CardDescription>{t('prompt')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {providers.map((p) => (
          <Button
            key={p.id}
            variant="outline"
            data-testid={`sign-in-${p.id}`}
            onClick={() => authClient.signIn.social({ provider: p.id, callbackURL: next, errorCallbackURL: `/sign-in?next=${encodeURIComponent(next)}` })}
          >
            <LogIn className="size-4" aria-hidden="true" /> {t('continueWith', { provider: p.label })}
          </Button>
        ))}
        {localAccounts ? (
          <form className="flex flex-col gap-3" onSubmit={submit} data-testid="sign-in-form">
            <label className="flex flex-col gap-1 text-sm">
              {t('email')}
              <Input name="email" type="email" autoComplete="username" required />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t('password')}
              <Input name="password" type="password" autoComplete="current-password" required />
            </label>
            <Button type="submit" disabled={busy} data-testid="sign-in-submit">
              {busy ? t('submitting') : t('submit')}
            </Button>
          </form>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-destructive" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
