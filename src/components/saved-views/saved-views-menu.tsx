'use client';

import { Bookmark, BookmarkPlus, Check, Settings2 } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { SavedView } from '@admin-hub/engine/views/saved-views';
import { currentViewQuery } from './current-query';
import { ManageViewsDialog } from './manage-views-dialog';
import { SaveViewDialog } from './save-view-dialog';

export interface SavedViewsMenuProps {
  domain: string;
  resource: string;
  /** The operator's own views and the domain's shared ones (the server lists them, access checked). */
  views: SavedView[];
  /** Columns shown though the URL names none (the operator's remembered choice), "a,b,c". */
  impliedColumns?: string;
}

/**
 * "Views ▾" among the list's actions: the operator's views and the shared ones; choosing one
 * opens the list with its query (from the first page). "Save current view…" and "Manage
 * views…" open dialogs. A Radix menu: arrow keys, type-ahead, Enter, Escape.
 */
export function SavedViewsMenu({ domain, resource, views, impliedColumns }: SavedViewsMenuProps) {
  const t = useTranslations('savedViews');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [, startTransition] = useTransition();
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  const current = currentViewQuery(searchParams, impliedColumns);
  const active = views.find((v) => v.query === current);
  const mine = views.filter((v) => v.mine);
  const shared = views.filter((v) => !v.mine);
  const deletable = views.filter((v) => v.deletable);

  const apply = (view: SavedView) => startTransition(() => router.push(view.query ? `${pathname}?${view.query}` : pathname, { scroll: false }));
  // The item that opened a dialog is gone when it closes: focus goes back to the menu button.
  const focusTrigger = useCallback((event: Event) => {
    event.preventDefault();
    trigger.current?.focus();
  }, []);
  const closeDialog = useCallback((open: boolean) => setDialog(open ? dialog : null), [dialog]);

  const item = (view: SavedView) => (
    <DropdownMenuItem
      key={view.id}
      onSelect={() => apply(view)}
      data-testid="saved-view"
      data-view-name={view.name}
      data-mine={view.mine}
      data-active={view === active}
    >
      <Check className={view === active ? undefined : 'invisible'} aria-hidden="true" />
      <span className="min-w-0 flex-1 truncate">{view.name}</span>
      {view.mine ? null : <span className="text-xs text-muted-foreground">{view.ownerName}</span>}
      {view === active ? <span className="sr-only">{t('showing')}</span> : null}
    </DropdownMenuItem>
  );

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="outline" size="sm" data-testid="saved-views-menu" data-active-view={active?.name ?? ''}>
            <Bookmark aria-hidden="true" />
            <span className="max-w-40 truncate">{active ? active.name : t('views')}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent
          className="w-72"
          data-testid="saved-views-panel"
          // Opening a dialog from an item: the dialog takes focus, not the menu button.
          onCloseAutoFocus={(event) => {
            if (dialog) event.preventDefault();
          }}
        >
          {views.length === 0 ? <DropdownMenuLabel>{t('noViews')}</DropdownMenuLabel> : null}
          {mine.length > 0 ? (
            <DropdownMenuGroup>
              <DropdownMenuLabel>{t('myViews')}</DropdownMenuLabel>
              {mine.map(item)}
            </DropdownMenuGroup>
          ) : null}
          {shared.length > 0 ? (
            <DropdownMenuGroup>
              <DropdownMenuLabel>{t('sharedWith', { domain })}</DropdownMenuLabel>
              {shared.map(item)}
            </DropdownMenuGroup>
          ) : null}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setDialog('save')} data-testid="save-view">
            <BookmarkPlus aria-hidden="true" /> {t('saveCurrentMenu')}
          </DropdownMenuItem>
          {deletable.length > 0 ? (
            <DropdownMenuItem onSelect={() => setDialog('manage')} data-testid="manage-views">
              <Settings2 aria-hidden="true" /> {t('manageMenu')}
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <SaveViewDialog open={dialog === 'save'} onOpenChange={closeDialog} domain={domain} resource={resource} query={current} onCloseAutoFocus={focusTrigger} />
      <ManageViewsDialog
        open={dialog === 'manage'}
        onOpenChange={closeDialog}
        domain={domain}
        resource={resource}
        views={deletable}
        onCloseAutoFocus={focusTrigger}
      />
    </>
  );
}
