'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import type { ClientResource } from '@admin-hub/engine/resources/define';
import { createRecordCounter, errorMessage, filenameFrom, type ExportFormat } from './streams';

export interface ExportState {
  format: ExportFormat;
  filename: string;
  /** Rows received so far. */
  rows: number;
  /** The list's count (exact or estimated), for "rows so far of about N"; null when unknown. */
  total: number | null;
  /** Whether `total` is exact, or an estimate ("about N"). */
  totalExact: boolean;
  status: 'running' | 'done' | 'cancelled' | 'error';
  message?: string;
  /** Written straight to a file the operator picked, rather than kept in memory until the end. */
  toFile: boolean;
}

type SaveFilePicker = (options: { suggestedName: string }) => Promise<FileSystemFileHandle>;

function savePicker(): SaveFilePicker | undefined {
  if (typeof window === 'undefined') return undefined;
  return (window as Window & { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
}

/** Chromium can stream a download straight to a file the operator picks (no size limit). */
export function canSaveToFile(): boolean {
  return savePicker() !== undefined;
}

function saveBlob(chunks: Uint8Array<ArrayBuffer>[], filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob(chunks, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads the list view's export with fetch and a reader, counting rows as the bytes
 * arrive (progress against the list's count), then saves it: as a Blob, or, when the browser
 * can and the operator asked, written chunk by chunk into a file they picked. Cancel aborts
 * the request, which closes the cursor on the server.
 */
export function useExport(resource: Pick<ClientResource, 'domain' | 'name'>) {
  const t = useTranslations('list');
  const [state, setState] = useState<ExportState | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);

  const start = useCallback(
    async (format: ExportFormat, query: URLSearchParams, count: { value: number | null; exact: boolean }, toFile: boolean) => {
      const fallbackName = `${resource.name}-${new Date().toISOString().slice(0, 10)}.${format}`;
      // The picker must open in the click itself, before anything else is awaited.
      const picking = toFile ? savePicker()?.({ suggestedName: fallbackName }) : undefined;
      const abort = new AbortController();
      controller.current = abort;
      let current: ExportState = {
        format,
        filename: fallbackName,
        rows: 0,
        total: count.value,
        totalExact: count.exact,
        status: 'running',
        toFile: picking !== undefined,
      };
      const update = (next: Partial<ExportState>) => {
        current = { ...current, ...next };
        setState(current);
      };
      let writable: FileSystemWritableFileStream | undefined;
      try {
        if (picking) {
          const handle = await picking;
          writable = await handle.createWritable();
          update({ filename: handle.name });
        } else {
          update({});
        }
        const params = new URLSearchParams(query);
        params.set('format', format);
        const response = await fetch(`/api/d/${resource.domain}/${resource.name}/export?${params}`, { signal: abort.signal });
        if (!response.ok || !response.body) {
          update({ status: 'error', message: await errorMessage(response) });
          await writable?.abort();
          return;
        }
        const filename = writable ? current.filename : filenameFrom(response.headers.get('content-disposition'), fallbackName);
        update({ filename });
        const counter = createRecordCounter(format);
        const reader = response.body.getReader();
        const chunks: Uint8Array<ArrayBuffer>[] = [];
        let shown = 0;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const rows = counter(value);
          if (writable) await writable.write(value);
          else chunks.push(value);
          // A state update per ~100 ms is plenty for a progress line.
          if (Date.now() - shown > 100) {
            shown = Date.now();
            update({ rows });
          }
          current.rows = rows;
        }
        if (writable) await writable.close();
        else saveBlob(chunks, filename, response.headers.get('content-type') ?? 'application/octet-stream');
        update({ status: 'done' });
      } catch (error) {
        await writable?.abort().catch(() => undefined);
        if (abort.signal.aborted || (error as Error).name === 'AbortError')
          update({ status: 'cancelled', message: picking && current.rows === 0 ? undefined : t('exportCancelledMessage') });
        else update({ status: 'error', message: (error as Error).message });
      } finally {
        controller.current = undefined;
      }
    },
    [resource.domain, resource.name, t],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState((s) => (s?.status === 'running' ? s : undefined)), []);
  return { state, start, cancel, dismiss };
}
