'use client';

import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { refreshViewAction } from '@/web/view-actions';

/** For admins on a materialized view that has not been populated: refresh it, then show the list. */
export function RefreshViewButton({ domain, resource }: { domain: string; resource: string }) {
  const t = useTranslations('list');
  const router = useRouter();
  const [state, action, pending] = useActionState(refreshViewAction, {});
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="mt-2 flex flex-col items-center gap-1">
      <input type="hidden" name="domain" value={domain} />
      <input type="hidden" name="resource" value={resource} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} data-testid="refresh-view">
        <RefreshCw aria-hidden="true" /> {pending ? t('refreshing') : t('refreshNow')}
      </Button>
      {(state.ok ?? state.error) ? (
        <p role="status" className="text-xs text-muted-foreground" data-testid="refresh-view-message">
          {state.ok ?? state.error}
        </p>
      ) : null}
    </form>
  );
}
