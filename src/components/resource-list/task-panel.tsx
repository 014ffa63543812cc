'use client';

import { X } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { BulkRunState } from './use-bulk-run';
import type { ExportState } from './use-export';

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

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
  const t = useTranslations('list');
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
            {t('cancel')}
          </Button>
        ) : null}
        {onDismiss ? (
          <Button size="icon-sm" variant="ghost" aria-label={t('dismiss')} onClick={onDismiss} data-testid={`${testId}-dismiss`}>
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
  const t = useTranslations('list');
  const running = state.status === 'running';
  const title = running ? t('running', { label: state.label }) : state.label;
  const counts = { done: state.done, failed: state.failed.length };
  return (
    <Panel title={title} testId="bulk-run" onCancel={running ? onCancel : undefined} onDismiss={running ? undefined : onDismiss}>
      {running ? (
        <>
          <Progress value={state.processed} max={state.total} />
          <p className="text-muted-foreground tabular-nums" data-testid="bulk-run-progress">
            {t('bulkProgress', { processed: state.processed, total: state.total, ...counts })}
          </p>
        </>
      ) : (
        <p data-testid="bulk-run-result">
          {state.failed.length ? t.rich('bulkResultFailed', { ...counts, strong }) : t.rich('bulkResultDone', { ...counts, strong })}
          {state.status !== 'done' && state.message ? <span className="block text-destructive">{state.message}</span> : null}
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
          {state.failed.length > 200 ? <li className="text-muted-foreground">{t('andMore', { count: state.failed.length - 200 })}</li> : null}
        </ul>
      ) : null}
    </Panel>
  );
}

/** An export download: rows so far against the list's count, then saved (or why not). */
export function ExportPanel({ state, onCancel, onDismiss }: { state: ExportState; onCancel: () => void; onDismiss: () => void }) {
  const t = useTranslations('list');
  const table = useTranslations('table');
  const format = useFormatter();
  const running = state.status === 'running';
  const label = t(state.format === 'csv' ? 'csv' : 'jsonl');
  const title = running
    ? t('exporting', { format: label })
    : state.status === 'done'
      ? t('exported', { filename: state.filename })
      : t(state.status === 'cancelled' ? 'exportCancelled' : 'exportFailed');
  // "of 3,000" or "of about 600,000": the list's count as the table words it.
  const total = state.total === null ? undefined : state.totalExact ? format.number(state.total) : table('aboutCount', { count: state.total });
  return (
    <Panel title={title} testId="export-run" onCancel={running ? onCancel : undefined} onDismiss={running ? undefined : onDismiss}>
      {running ? <Progress value={state.rows} max={state.total} /> : null}
      <p className="text-muted-foreground tabular-nums" data-testid="export-run-progress">
        {running && total !== undefined ? t('exportRowsOf', { rows: state.rows, total }) : t('exportRows', { rows: state.rows })}
        {state.toFile && running ? t('writingToFile') : ''}
      </p>
      {state.message ? <p className={state.status === 'error' ? 'text-destructive' : 'text-muted-foreground'}>{state.message}</p> : null}
    </Panel>
  );
}
