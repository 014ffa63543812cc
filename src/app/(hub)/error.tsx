'use client';

import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

/**
 * An unexpected failure while rendering a hub page, shown inside the shell. Only the digest
 * (the reference in the server's log) is shown: never the error's message or stack.
 */
export default function HubError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center" data-testid="error-page">
      <TriangleAlert className="size-10 text-destructive" aria-hidden="true" />
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">
        This page could not be shown. Try again; if it keeps failing, give this reference to whoever runs the hub
        {error.digest ? (
          <>
            : <code className="rounded bg-muted px-1 font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button variant="outline" size="sm" onClick={reset}>
        Try again
      </Button>
    </section>
  );
}
