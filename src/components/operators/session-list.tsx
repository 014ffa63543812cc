'use client';

import { LogOut, MonitorSmartphone } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { OperatorSession } from '@admin-hub/engine/operators/manage';
import { FormMessage } from './form-message';
import { useDateTime } from './format';
import { initialState, type FormAction } from './form-state';

/**
 * Active sessions with a Revoke button each, and "Sign out everywhere". Both go to one action
 * (the `intent` field says which), so the card shows the latest outcome.
 */
export function SessionList(props: { userId: string; sessions: OperatorSession[]; action: FormAction }) {
  const t = useTranslations('operators');
  const formatDateTime = useDateTime();
  const [state, action, busy] = useActionState(props.action, initialState);
  return (
    <div className="flex flex-col gap-3" data-testid="session-list">
      <FormMessage state={state} testId="sessions-message" />
      {props.sessions.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="no-sessions">
          {t('noSessions')}
        </p>
      ) : (
        <ul className="divide-y rounded-md border">
          {props.sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-3" data-testid="session-row">
              <div className="flex min-w-0 items-start gap-3">
                <MonitorSmartphone className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                <div className="min-w-0 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{s.ipAddress ?? t('unknownAddress')}</span>
                    {s.current ? <Badge variant="success">{t('thisBrowser')}</Badge> : null}
                  </div>
                  <div className="truncate text-xs text-muted-foreground" title={s.userAgent ?? undefined}>
                    {s.userAgent ?? t('unknownBrowser')}
                  </div>
                  <div className="text-xs text-muted-foreground">
                    {t('sessionTimes', { signedIn: formatDateTime(s.createdAt), expires: formatDateTime(s.expiresAt) })}
                  </div>
                </div>
              </div>
              <form action={action}>
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="userId" value={props.userId} />
                <input type="hidden" name="sessionId" value={s.id} />
                <Button type="submit" variant="outline" size="sm" disabled={busy} data-testid="revoke-session">
                  {t('revoke')}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={action}>
        <input type="hidden" name="intent" value="revoke-all" />
        <input type="hidden" name="userId" value={props.userId} />
        <Button type="submit" variant="outline" disabled={busy || props.sessions.length === 0} data-testid="revoke-all-sessions">
          <LogOut aria-hidden="true" /> {t('signOutEverywhere')}
        </Button>
      </form>
    </div>
  );
}
