'use client';

import { X } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { BulkRunState } from './use-bulk-run';
import type { ExportState } from './use-export';

const format = (n: number) => n.toLocaleString('en-US');

function Panel({
  title,
  children,
  onCancel,
  onDismiss,
  testId,
}: {
  title: string;
  children: ReactNode;
  onCancel?: () => void;
  onDismiss?: () => void;
  testId: string;
}) {
  return (
    <section
      role="status"
      aria-live="polite"
      aria-label={title}
      data-testid={testId}
      className="flex flex-col gap-2 rounded-lg border bg-popover p-3 text-sm text-popover-foreground shadow-lg"
    >
      <div className="flex items-start gap-2">
        <h2 className="min-w-0 flex-1 font-medium">{title}</h2>
        {onCancel ? (
          <Button size="sm" variant="outline" onClick={onCancel} data-testid={`${testId}-cancel`}>
            Cancel
          </Button>
        ) : null}
        {onDismiss ? (
          <Button size="icon-sm" variant="ghost" aria-label="Dismiss" onClick={onDismiss} data-testid={`${testId}-dismiss`}>
            <X aria-hidden="true" />
          </Button>
        ) : null}
      </div>
      {children}
    </section>
  );
}

function Progress({ value, max }: { value: number; max: number | null }) {
  return <progress className="h-2 w-full accent-primary" value={max ? Math.min(value, max) : undefined} max={max ?? undefined} />;
}

/** A bulk run: batch-by-batch progress, then what was done and each row that failed, with why. */
export function BulkRunPanel({ state, base, onCancel, onDismiss }: { state: BulkRunState; base: string; onCancel: () => void; onDismiss: () => void }) {
  const running = state.status === 'running';
  const title = running ? `${state.label}…` : state.label;
  return (
    <Panel title={title} testId="bulk-run" onCancel={running ? onCancel : undefined} onDismiss={running ? undefined : onDismiss}>
      {running ? (
        <>
          <Progress value={state.processed} max={state.total} />
          <p className="text-muted-foreground tabular-nums" data-testid="bulk-run-progress">
            {format(state.processed)} of {format(state.total)} processed · {format(state.done)} done
            {state.failed.length ? ` · ${format(state.failed.length)} failed` : ''}
          </p>
        </>
      ) : (
        <p data-testid="bulk-run-result">
          <strong>{format(state.done)}</strong> done
          {state.failed.length ? (
            <>
              , <strong>{format(state.failed.length)}</strong> failed
            </>
          ) : null}
          .{state.status !== 'done' && state.message ? <span className="block text-destructive">{state.message}</span> : null}
        </p>
      )}
      {state.failed.length > 0 ? (
        <ul className="max-h-48 overflow-y-auto rounded border p-2 text-xs" data-testid="bulk-run-failures">
          {state.failed.slice(0, 200).map((f) => (
            <li key={f.id} className="py-0.5">
              <Link className="font-mono underline underline-offset-2" href={`${base}/${f.id}`}>
                {decodeURIComponent(f.id)}
              </Link>
              : {f.reason}
            </li>
          ))}
          {state.failed.length > 200 ? <li className="text-muted-foreground">…and {format(state.failed.length - 200)} more</li> : null}
        </ul>
      ) : null}
    </Panel>
  );
}

/** An export download: rows so far against the list's count, then saved (or why not). */
export function ExportPanel({ state, onCancel, onDismiss }: { state: ExportState; onCancel: () => void; onDismiss: () => void }) {
  const running = state.status === 'running';
  const label = state.format === 'csv' ? 'CSV' : 'JSON Lines';
  const title = running
    ? `Exporting ${label}…`
    : state.status === 'done'
      ? `Exported ${state.filename}`
      : `Export ${state.status === 'cancelled' ? 'cancelled' : 'failed'}`;
  return (
    <Panel title={title} testId="export-run" onCancel={running ? onCancel : undefined} onDismiss={running ? undefined : onDismiss}>
      {running ? <Progress value={state.rows} max={state.total} /> : null}
      <p className="text-muted-foreground tabular-nums" data-testid="export-run-progress">
        {format(state.rows)} rows{running && state.total !== null ? ` of ${state.totalLabel}` : ''}
        {state.toFile && running ? ', writing to the file' : ''}
      </p>
      {state.message ? <p className={state.status === 'error' ? 'text-destructive' : 'text-muted-foreground'}>{state.message}</p> : null}
    </Panel>
  );
}
