'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@/components/ui/sheet';
import type { AuditSubjects } from '@admin-hub/engine/audit/subjects';
import { useAuditActionWords, useOutcomeWords } from './action-words';
import { ChangeDiff } from './change-diff';
import type { Changes } from './change-values';
import { ZonedTime } from './zoned-time';
import { linkClass, operatorHref, recordHref, recordName, subjectOf, type EntryRef } from './entry-links';

/** What the drawer shows: a row of the list (long values clipped) or the entry read in full. */
export interface SheetEntry extends EntryRef {
  id: string;
  at: string;
  actor_email: string | null;
  outcome: string;
  changes: Changes;
  detail?: string | null;
  ip?: string | null;
  user_agent?: string | null;
  request_id?: string | null;
}

function Meta({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/**
 * One audit entry in a right-side sheet (a Radix dialog: focus trapped, aria-modal, Escape
 * closes, focus goes back to the row's button): who, when, what record, and the full diff with
 * the resource's labels and long values folded. Open while `entryId` is set (it is in the URL).
 */
export function AuditEntrySheet({
  entryId,
  entry,
  loading,
  error,
  subjects,
  domain,
  canSeeOperators,
  onClose,
  returnFocus,
}: {
  entryId: string | undefined;
  entry: SheetEntry | undefined;
  loading: boolean;
  error: string | undefined;
  subjects: AuditSubjects;
  domain: string | undefined;
  canSeeOperators: boolean;
  onClose: () => void;
  /** Where focus goes when the drawer closes: the row's button it was opened from (Radix would look for a Dialog.Trigger, which a URL-opened drawer has none of). */
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const t = useTranslations('audit');
  const auditActionWords = useAuditActionWords();
  const outcomeWords = useOutcomeWords();
  const subject = entry ? subjectOf(subjects, domain, entry) : undefined;
  const record = entry ? recordHref(subjects, domain, entry) : undefined;
  const operator = entry ? operatorHref(canSeeOperators, entry) : undefined;
  return (
    <Sheet open={entryId !== undefined} onOpenChange={(open) => !open && onClose()}>
      <SheetContent
        side="right"
        className="max-w-2xl"
        data-testid="audit-entry-sheet"
        aria-modal="true"
        aria-busy={loading || undefined}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus()?.focus();
        }}
      >
        <SheetTitle>
          {entry
            ? `${auditActionWords(entry).replace(/^./, (c) => c.toUpperCase())} · ${recordName(subjects, domain, entry)}`
            : t('entryTitle', { id: entryId ?? '' })}
        </SheetTitle>
        <SheetDescription>
          {entry
            ? subject
              ? t('entryDescriptionIn', { id: entry.id, title: subject.title })
              : t('entryDescription', { id: entry.id })
            : error
              ? t('entryNotShown')
              : t('entryLoading')}
        </SheetDescription>
        {error && !entry ? (
          <p role="alert" className="text-sm text-destructive" data-testid="audit-entry-error">
            {error}
          </p>
        ) : null}
        {entry ? (
          <>
            <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
              <Meta label={t('when')} testId="audit-entry-at">
                <ZonedTime iso={entry.at} />
                <span className="text-muted-foreground"> {t('inUtc', { time: entry.at.replace('T', ' ').slice(0, 23) })}</span>
              </Meta>
              <Meta label={t('operator')} testId="audit-entry-operator">
                {operator ? (
                  <Link className={linkClass} href={operator}>
                    {entry.actor_email ?? entry.actor_id}
                  </Link>
                ) : (
                  (entry.actor_email ?? '—')
                )}
              </Meta>
              {entry.domain ? <Meta label={t('domain')}>{entry.domain}</Meta> : null}
              <Meta label={t('record')} testId="audit-entry-record">
                {record ? (
                  <Link className={linkClass} href={record}>
                    {recordName(subjects, domain, entry)}
                  </Link>
                ) : (
                  recordName(subjects, domain, entry)
                )}
              </Meta>
              <Meta label={t('action')}>
                <Badge variant="outline">{auditActionWords(entry)}</Badge>
              </Meta>
              <Meta label={t('outcome')}>{outcomeWords(entry.outcome)}</Meta>
              {entry.detail ? <Meta label={t('detail')}>{entry.detail}</Meta> : null}
              {entry.request_id ? <Meta label={t('request')}>{entry.request_id}</Meta> : null}
              {entry.ip ? <Meta label={t('address')}>{entry.ip}</Meta> : null}
              {entry.user_agent ? <Meta label={t('userAgent')}>{entry.user_agent}</Meta> : null}
            </dl>
            <section className="flex flex-col gap-2" aria-label={t('changes')}>
              <h3 className="text-sm font-semibold">{t('changes')}</h3>
              {entry.changes ? (
                <ChangeDiff changes={entry.changes} labels={subject?.labels} masked={subject?.masked} />
              ) : (
                <p className="text-sm text-muted-foreground">{t('noValues')}</p>
              )}
              {loading ? (
                <p className="text-xs text-muted-foreground" role="status">
                  {t('loadingFull')}
                </p>
              ) : null}
            </section>
          </>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
