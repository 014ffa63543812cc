'use client';

import { Save } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Select } from '@/components/ui/select';
import type { Grants } from '@admin-hub/engine/operators/manage';
import { FormMessage } from './form-message';
import { initialState, type FormAction } from './form-state';
import { useFocusOnError } from './use-focus-on-error';

/** Superadmin checkbox and one role per configured domain; the server validates and saves them. */
export function RoleFields({ domains, grants }: { domains: string[]; grants?: Pick<Grants, 'superadmin'> & { roles: Record<string, string> } }) {
  const t = useTranslations('operators');
  return (
    <>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox name="superadmin" defaultChecked={grants?.superadmin ?? false} data-testid="superadmin-checkbox" />
        <span>
          <span className="font-medium">{t('superadmin')}</span>
          <span className="text-muted-foreground"> {t('superadminHint')}</span>
        </span>
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        {domains.map((domain) => (
          <label key={domain} className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{domain}</span>
            <Select name={`role:${domain}`} defaultValue={grants?.roles[domain] ?? ''} data-testid={`role-select-${domain}`}>
              <option value="">{t('roleNone')}</option>
              <option value="viewer">{t('roleViewer')}</option>
              <option value="editor">{t('roleEditor')}</option>
              <option value="admin">{t('roleAdmin')}</option>
            </Select>
          </label>
        ))}
      </div>
    </>
  );
}

export function GrantsForm({ userId, domains, grants, action }: { userId: string; domains: string[]; grants: Grants; action: FormAction }) {
  const t = useTranslations('operators');
  const [state, formAction, pending] = useActionState(action, initialState);
  const message = useRef<HTMLParagraphElement>(null);
  useFocusOnError(state, () => message.current);
  return (
    // The key re-mounts the fields when the saved grants change, so they show what is stored
    // (after a refused change too: the message says why, the fields what still holds).
    <form action={formAction} className="flex flex-col gap-4" data-testid="grants-form" key={JSON.stringify(grants)}>
      <input type="hidden" name="userId" value={userId} />
      <RoleFields domains={domains} grants={grants} />
      <FormMessage state={state} ref={message} />
      <div>
        <Button type="submit" disabled={pending} data-testid="save-grants">
          <Save aria-hidden="true" /> {pending ? t('saving') : t('saveRoles')}
        </Button>
      </div>
    </form>
  );
}
