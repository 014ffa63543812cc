import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import { INSTANT_SECONDS } from '@/components/ui/date-formats';
import type { HistoryEntry } from '@admin-hub/engine/audit/history';
import { useAuditActionWords } from './action-words';
import { ChangeDiff } from './change-diff';
import { RevertButton } from './revert-button';

/** A record's History: each audited change, newest first, as a readable before → after diff (labels, long values folded). */
export function RecordHistory({
  entries,
  canRevert,
  target,
}: {
  entries: HistoryEntry[];
  canRevert: boolean;
  target: { domain: string; resource: string; id: string };
}) {
  const t = useTranslations('audit');
  const format = useFormatter();
  const auditActionWords = useAuditActionWords();
  return (
    <Card data-testid="record-history">
      <CardContent className="flex flex-col gap-3 pt-4 sm:pt-6">
        <h2 className="text-base font-semibold">{t('history')}</h2>
        {entries.length === 0 ? <p className="text-sm text-muted-foreground">{t('noHistory')}</p> : null}
        <ol className="flex flex-col gap-3">
          {entries.map((e) => (
            <li key={e.id} className="rounded-md border p-3 text-sm" data-testid="history-entry">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant="outline">{auditActionWords({ action: e.action, action_name: e.actionName })}</Badge>
                <span className="text-muted-foreground">
                  {e.actorEmail ?? t('unknownActor')} · <time dateTime={e.at}>{format.dateTime(new Date(e.at), INSTANT_SECONDS)}</time>
                </span>
                {e.outcome === 'unknown' ? <Badge variant="warning">{t('outcomeUnknown')}</Badge> : null}
                {e.outcome === 'pending' ? (
                  <Badge variant="warning" title={t('settlingTitle')}>
                    {t('settling')}
                  </Badge>
                ) : null}
                {canRevert && e.action === 'update' && e.outcome === 'committed' ? <RevertButton {...target} auditId={e.id} /> : null}
              </div>
              {e.changes ? (
                <div className="mt-2">
                  <ChangeDiff changes={e.changes} labels={e.labels} />
                </div>
              ) : null}
              {e.detail ? <p className="mt-1 text-xs text-muted-foreground">{e.detail}</p> : null}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
