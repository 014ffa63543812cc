'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormMessage } from '@/components/ui/form-message';
import type { SavedView } from '@admin-hub/engine/views/saved-views';
import { deleteViewAction, type SavedViewActionState } from '@/web/saved-views-actions';

export interface ManageViewsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  domain: string;
  resource: string;
  /** The views this operator may delete. */
  views: SavedView[];
  onCloseAutoFocus: (event: Event) => void;
}

/** The views the operator may delete, each with its own button (Tab and Enter; no hover needed). */
export function ManageViewsDialog({ open, onOpenChange, domain, resource, views, onCloseAutoFocus }: ManageViewsDialogProps) {
  const t = useTranslations('savedViews');
  const [state, action, pending] = useActionState<SavedViewActionState, FormData>(deleteViewAction, {});
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="manage-views-dialog" onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{t('manageTitle')}</DialogTitle>
          <DialogDescription>{t('manageDescription')}</DialogDescription>
        </DialogHeader>
        <FormMessage state={state} testId="manage-views-message" />
        {views.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('nothingToManage')}</p>
        ) : (
          <ul className="flex flex-col divide-y rounded-md border">
            {views.map((view) => (
              <li key={view.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span className="min-w-0 truncate">
                  {view.name}
                  {view.shared ? <span className="text-muted-foreground">{view.mine ? t('shared') : t('sharedBy', { owner: view.ownerName })}</span> : null}
                </span>
                <form action={action}>
                  <input type="hidden" name="domain" value={domain} />
                  <input type="hidden" name="resource" value={resource} />
                  <input type="hidden" name="id" value={view.id} />
                  <Button
                    type="submit"
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    aria-label={t('deleteView', { name: view.name })}
                    data-testid="delete-view"
                    data-view-name={view.name}
                  >
                    <Trash2 aria-hidden="true" /> {t('delete')}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}
