'use client';

import { RotateCcw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { revertAuditEntryAction } from '@/web/audit-actions';

/** Puts the values an update replaced back, as a new audited update (refused if the row changed since). */
export function RevertButton(props: { domain: string; resource: string; id: string; auditId: string }) {
  const t = useTranslations('audit');
  const [state, action, pending] = useActionState(revertAuditEntryAction, {});
  return (
    <form action={action} className="ml-auto flex items-center gap-2">
      <input type="hidden" name="domain" value={props.domain} />
      <input type="hidden" name="resource" value={props.resource} />
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="auditId" value={props.auditId} />
      {(state.ok ?? state.error) ? (
        <span role="status" className="text-xs" data-testid="revert-message">
          {state.ok ?? state.error}
        </span>
      ) : null}
      <Button type="submit" size="sm" variant="ghost" disabled={pending} data-testid="revert">
        <RotateCcw className="size-3.5" aria-hidden="true" /> {t('revert')}
      </Button>
    </form>
  );
}
