'use client';

import { Languages, LogOut, ScrollText, Users } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { LOCALES, type Locale } from '@admin-hub/engine/shared/locale';
import { chooseLocale } from '@/web/settings-actions';
import { authClient } from './auth-client';

/**
 * The signed-in operator at the foot of the sidebar: their language (one click, kept on the
 * operator in the hub database, so it follows them to any browser), sign-out, and operators
 * and the audit log for superadmins.
 */
export function OperatorMenu({ email, superadmin, locale }: { email: string; superadmin: boolean; locale: string }) {
  const t = useTranslations('operatorMenu');
  const languages = useTranslations('languages');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [switching, startSwitch] = useTransition();
  const choose = (next: Locale) =>
    startSwitch(async () => {
      await chooseLocale(next);
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-2 border-t p-3 text-sm">
      <span className="truncate text-muted-foreground" data-testid="operator-email" title={email}>
        {email}
      </span>
      {superadmin ? (
        <>
          <Link href="/operators" className="flex items-center gap-2 text-foreground hover:underline">
            <Users className="size-4" aria-hidden="true" /> {t('operators')}
          </Link>
          <Link href="/audit" className="flex items-center gap-2 text-foreground hover:underline" data-testid="audit-link">
            <ScrollText className="size-4" aria-hidden="true" /> {t('auditLog')}
          </Link>
        </>
      ) : null}
      <div role="group" aria-label={languages('label')} className="flex items-center gap-1" data-testid="language-switch">
        <Languages className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        {LOCALES.map((l) => (
          <Button
            key={l}
            variant={l === locale ? 'outline' : 'ghost'}
            size="sm"
            lang={l}
            aria-pressed={l === locale}
            disabled={switching}
            onClick={() => l !== locale && choose(l)}
            data-testid={`language-${l}`}
          >
            {languages(l)}
          </Button>
        ))}
      </div>
      <Button
        variant="outline"
        size="sm"
        disabled={busy}
        data-testid="sign-out"
        onClick={async () => {
          setBusy(true);
          await authClient.signOut();
          router.replace('/sign-in');
          router.refresh();
        }}
      >
        <LogOut className="size-4" aria-hidden="true" /> {t('signOut')}
      </Button>
    </div>
  );
}
