import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import { auditActionWords } from '@admin-hub/engine/audit/action-kind';
import type { HistoryEntry } from '@admin-hub/engine/audit/history';
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
  return (
    <Card data-testid="record-history">
      <CardContent className="flex flex-col gap-3 pt-4 sm:pt-6">
        <h2 className="text-base font-semibold">History</h2>
        {entries.length === 0 ? <p className="text-sm text-muted-foreground">No changes made through the hub yet.</p> : null}
        <ol className="flex flex-col gap-3">
          {entries.map((e) => (
            <li key={e.id} className="rounded-md border p-3 text-sm" data-testid="history-entry">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant="outline">{auditActionWords({ action: e.action, action_name: e.actionName })}</Badge>
                <span className="text-muted-foreground">
                  {e.actorEmail ?? 'unknown'} · {e.at.replace('T', ' ').slice(0, 19)} UTC
                </span>
                {e.outcome === 'unknown' ? <Badge variant="warning">outcome unknown</Badge> : null}
                {e.outcome === 'pending' ? (
                  <Badge variant="warning" title="The change is being confirmed with the domain database">
                    settling
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
