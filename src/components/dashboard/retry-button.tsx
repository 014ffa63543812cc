'use client';

import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

/**
 * Re-renders the page on the server (router.refresh): every card and widget loads again,
 * each behind its own Suspense boundary, while what is on screen stays until the new
 * version arrives.
 */
export function RetryButton({ label, testId = 'dashboard-retry' }: { label?: string; testId?: string }) {
  const t = useTranslations('dashboard');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="outline" size="sm" disabled={pending} onClick={() => startTransition(() => router.refresh())} data-testid={testId}>
      <RefreshCw aria-hidden="true" className={cn(pending && 'animate-spin motion-reduce:animate-none')} />
      {pending ? t('retrying') : (label ?? t('retry'))}
    </Button>
  );
}
