import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import type { HistoryEntry } from '@/engine/audit/history';
import { RevertButton } from './revert-button';

const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A record's History: each audited change, newest first, as a readable before → after diff. */
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
                <Badge variant="outline">{e.action.replace(/_/g, ' ')}</Badge>
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
                <table className="mt-2 w-full text-xs">
                  <tbody>
                    {Object.keys(e.changes.after ?? e.changes.before ?? {}).map((column) => (
                      <tr key={column} className="align-top">
                        <td className="w-40 py-0.5 pr-2 font-medium">{column}</td>
                        {e.changes!.before ? (
                          <td className="break-all py-0.5 pr-2 text-rose-700 line-through dark:text-rose-400">{show(e.changes!.before[column])}</td>
                        ) : null}
                        {e.changes!.after ? <td className="break-all py-0.5 text-green-700 dark:text-green-400">{show(e.changes!.after[column])}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {e.detail ? <p className="mt-1 text-xs text-muted-foreground">{e.detail}</p> : null}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
