'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import type { ClientResource } from '@admin-hub/engine/resources/define';
import { errorMessage, readJsonLines } from './streams';
import { toastBulkOutcome } from './bulk-toast';

export interface BulkFailure {
  id: string;
  reason: string;
}

/** What the bulk bar asks for: an action on selected ids or on every row a filter matches. */
export interface BulkRequest {
  action: 'delete' | 'restore' | 'set';
  field?: string;
  value?: unknown;
  ids?: string[];
  /** The list's filter (query string) and the exact count the operator confirmed. */
  matching?: { query: string; count: number };
  /** "Delete 3 rows", for the progress panel (in the reader's language). */
  label: string;
}

export interface BulkRunState {
  label: string;
  total: number;
  processed: number;
  done: number;
  failed: BulkFailure[];
  status: 'running' | 'done' | 'stopped' | 'error';
  message?: string;
  request: BulkRequest;
}

type Line =
  | { type: 'start'; total: number }
  | { type: 'batch'; processed: number; done: number; failed: BulkFailure[] }
  | { type: 'end'; done: number; failed: BulkFailure[] }
  | { type: 'error'; error: string; processed: number; done: number; failed: BulkFailure[] };

/**
 * Runs a bulk action through POST …/bulk and follows its JSON lines, one per committed
 * batch, so the page shows progress as it goes. Cancel aborts the request; the server stops
 * after the batch in progress, and what was committed stays done.
 */
export function useBulkRun(resource: Pick<ClientResource, 'domain' | 'name'>, onFinished: (state: BulkRunState) => void) {
  const t = useTranslations('list');
  const [state, setState] = useState<BulkRunState | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);

  const start = useCallback(
    async (request: BulkRequest) => {
      const abort = new AbortController();
      controller.current = abort;
      const total = request.ids?.length ?? request.matching?.count ?? 0;
      let current: BulkRunState = { label: request.label, total, processed: 0, done: 0, failed: [], status: 'running', request };
      const update = (next: Partial<BulkRunState>) => {
        current = { ...current, ...next };
        setState(current);
      };
      update({});
      try {
        const body = { action: request.action, field: request.field, value: request.value, ids: request.ids, matching: request.matching };
        const response = await fetch(`/api/d/${resource.domain}/${resource.name}/bulk`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: abort.signal,
        });
        if (!response.ok || !response.body) {
          update({ status: 'error', message: await errorMessage(response) });
        } else {
          await readJsonLines<Line>(response.body, (line) => {
            if (line.type === 'start') update({ total: line.total });
            else if (line.type === 'batch') update({ processed: line.processed, done: line.done, failed: [...current.failed, ...line.failed] });
            else if (line.type === 'end') update({ status: 'done', processed: line.done + line.failed.length, done: line.done, failed: line.failed });
            else update({ status: 'error', message: line.error, processed: line.processed, done: line.done, failed: line.failed });
          });
          if (current.status === 'running') update({ status: 'stopped', message: t('connectionEnded') });
        }
      } catch (error) {
        if (abort.signal.aborted) update({ status: 'stopped', message: t('bulkCancelled') });
        else update({ status: 'error', message: (error as Error).message });
      } finally {
        controller.current = undefined;
        toastBulkOutcome(current, t);
        onFinished(current);
      }
    },
    [resource.domain, resource.name, onFinished, t],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState((s) => (s?.status === 'running' ? s : undefined)), []);
  return { state, start, cancel, dismiss };
}
