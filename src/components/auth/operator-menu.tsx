'use client';

import { LogOut, ScrollText, Users } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from './auth-client';

/** The signed-in operator at the foot of the sidebar, with sign-out (and operators, for superadmins). */
export function OperatorMenu({ email, superadmin }: { email: string; superadmin: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-col gap-2 border-t p-3 text-sm">
      <span className="truncate text-muted-foreground" data-testid="operator-email" title={email}>
        {email}
      </span>
      {superadmin ? (
        <>
          <Link href="/operators" className="flex items-center gap-2 text-foreground hover:underline">
            <Users className="size-4" aria-hidden="true" /> Operators
          </Link>
          <Link href="/audit" className="flex items-center gap-2 text-foreground hover:underline" data-testid="audit-link">
            <ScrollText className="size-4" aria-hidden="true" /> Audit log
          </Link>
        </>
      ) : null}
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
        <LogOut className="size-4" aria-hidden="true" /> Sign out
      </Button>
    </div>
  );
}
