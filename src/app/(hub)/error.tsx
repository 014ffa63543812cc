'use client';

import { TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/**
 * An unexpected failure while rendering a hub page, shown inside the shell. Only the digest
 * (the reference in the server's log) is shown: never the error's message or stack.
 */
export default function HubError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('status');
  return (
    <section className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center" data-testid="error-page">
      <TriangleAlert className="size-10 text-destructive" aria-hidden="true" />
      <h1 className="text-2xl font-semibold">{t('errorTitle')}</h1>
      <p className="text-muted-foreground">
        {error.digest
          ? t.rich('errorText', { reference: error.digest, ref: (chunks) => <code className="rounded bg-muted px-1 font-mono">{chunks}</code> })
          : t('errorTextNoReference')}
      </p>
      <Button variant="outline" size="sm" onClick={reset}>
        {t('tryAgain')}
      </Button>
    </section>
  );
}
