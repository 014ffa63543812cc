'use client';

import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryDetail } from '@admin-hub/engine/audit/entry';
import type { AuditSubjects } from '@admin-hub/engine/audit/subjects';
import { loadAuditEntryAction, type AuditEntryLoad } from '@/web/audit-entry-action';

type Loaded = { id: string } & AuditEntryLoad;

/** `?entry=<id>` with the other parameters kept, or without it. */
function withEntry(params: URLSearchParams, id: string | undefined): string {
  const next = new URLSearchParams(params.toString());
  if (id === undefined) next.delete('entry');
  else next.set('entry', id);
  const query = next.toString();
  return query ? `?${query}` : window.location.pathname;
}

/**
 * The detail drawer's state lives in the URL (`?entry=<id>`), so a link to one entry can be
 * shared and Back closes it. Opening changes only the browser's history (Next.js keeps
 * useSearchParams in step without a server round trip), so the list stays as it is and focus
 * can return to the row; the full entry (the page's rows carry long values clipped) is read by
 * a Server Action. A shared link arrives with the entry already read by the page.
 */
export function useEntryDrawer(domain: string | undefined, initial: { id: string; entry?: AuditEntryDetail; subjects: AuditSubjects } | undefined) {
  const t = useTranslations('audit');
  const searchParams = useSearchParams();
  const entryId = searchParams.get('entry') ?? undefined;
  const [loaded, setLoaded] = useState<Loaded | undefined>(() =>
    initial
      ? initial.entry
        ? { id: initial.id, entry: initial.entry, subjects: initial.subjects }
        : { id: initial.id, error: t('entryNotInLog') }
      : undefined,
  );

  useEffect(() => {
    if (entryId === undefined || loaded?.id === entryId) return;
    let current = true;
    loadAuditEntryAction(domain, entryId).then(
      (result) => current && setLoaded({ id: entryId, ...result }),
      () => current && setLoaded({ id: entryId, error: t('entryNotLoaded') }),
    );
    return () => {
      current = false;
    };
  }, [domain, entryId, loaded?.id, t]);

  const open = useCallback((id: string) => window.history.pushState(null, '', withEntry(searchParams, id)), [searchParams]);
  const close = useCallback(() => window.history.replaceState(null, '', withEntry(searchParams, undefined)), [searchParams]);

  const mine = loaded?.id === entryId ? loaded : undefined;
  return {
    entryId,
    full: mine && 'entry' in mine ? mine.entry : undefined,
    subjects: mine && 'subjects' in mine ? mine.subjects : undefined,
    error: mine && 'error' in mine ? mine.error : undefined,
    loading: entryId !== undefined && mine === undefined,
    open,
    close,
  };
}
