'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormMessage } from '@/components/ui/form-message';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { saveViewAction, type SavedViewActionState } from '@/web/saved-views-actions';

export interface SaveViewDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  domain: string;
  resource: string;
  /** What the view stores: the list's query as currentViewQuery gives it. */
  query: string;
  /** Called when the dialog closes, to put focus back on the menu button (the menu item that opened it is gone). */
  onCloseAutoFocus: (event: Event) => void;
}

/**
 * "Save current view": a name and "share with the domain's operators". A name the operator
 * already uses is refused first; the refusal offers to replace that view instead.
 */
export function SaveViewDialog({ open, onOpenChange, domain, resource, query, onCloseAutoFocus }: SaveViewDialogProps) {
  const t = useTranslations('savedViews');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="save-view-dialog" onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{t('saveTitle')}</DialogTitle>
          <DialogDescription>{t('saveDescription')}</DialogDescription>
        </DialogHeader>
        {/* Mounted per opening, so a reopened dialog starts empty. */}
        {open ? <SaveViewForm domain={domain} resource={resource} query={query} onSaved={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function SaveViewForm({ domain, resource, query, onSaved }: { domain: string; resource: string; query: string; onSaved: () => void }) {
  const t = useTranslations('savedViews');
  const [state, action, pending] = useActionState<SavedViewActionState, FormData>(saveViewAction, {});
  const nameId = useId();
  const sharedId = useId();
  // Controlled: React resets a form's fields after each action, and a refused name must stay for "Replace it".
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);

  useEffect(() => {
    if (!state.ok) return;
    toast.success(state.ok, { testId: 'saved-view-toast' });
    onSaved();
  }, [state, onSaved]);

  return (
    <form action={action} className="flex flex-col gap-4" data-testid="save-view-form">
      <input type="hidden" name="domain" value={domain} />
      <input type="hidden" name="resource" value={resource} />
      <input type="hidden" name="query" value={query} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={nameId} className="text-sm font-medium">
          {t('name')}
        </label>
        <Input
          id={nameId}
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={80}
          autoFocus
          autoComplete="off"
          aria-invalid={state.error ? true : undefined}
          data-testid="save-view-name"
        />
      </div>
      <label htmlFor={sharedId} className="flex items-center gap-2 text-sm">
        <Checkbox id={sharedId} name="shared" checked={shared} onChange={(event) => setShared(event.target.checked)} data-testid="save-view-shared" />
        {t('share')}
      </label>
      <FormMessage state={{ error: state.error }} testId="save-view-message" />
      <DialogFooter>
        {state.exists !== undefined && state.exists === name.trim() ? (
          // The submitter's name and value go with the form: this one asks to overwrite.
          <Button type="submit" name="replace" value="1" variant="destructive" disabled={pending} data-testid="save-view-replace">
            {t('replace')}
          </Button>
        ) : null}
        <Button type="submit" disabled={pending} data-testid="save-view-submit">
          {pending ? t('saving') : t('save')}
        </Button>
      </DialogFooter>
    </form>
  );
}
