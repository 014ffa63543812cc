'use client';

import { Download } from 'lucide-react';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import type { ExportFormat } from './streams';
import { canSaveToFile } from './use-export';

export interface ExportMenuProps {
  running: boolean;
  onExport: (format: ExportFormat, toFile: boolean) => void;
}

const noSubscribe = () => () => undefined;

/** "Export ▾": CSV or JSON Lines of the list as it is filtered and sorted, every row, the columns shown. */
export function ExportMenu({ running, onExport }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [toFile, setToFile] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  // Known only in the browser; the server renders without the option.
  const fileSupported = useSyncExternalStore(noSubscribe, canSaveToFile, () => false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const choose = (format: ExportFormat) => {
    setOpen(false);
    onExport(format, fileSupported && toFile);
  };

  return (
    <div ref={rootRef} className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <Button
        variant="outline"
        size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={running}
        onClick={() => setOpen((o) => !o)}
        data-testid="export-menu"
      >
        <Download aria-hidden="true" /> Export
      </Button>
      {open ? (
        <div
          id={panelId}
          role="menu"
          className="absolute top-full right-0 z-30 mt-1 w-64 rounded-md border bg-popover p-1 text-sm text-popover-foreground shadow-lg"
          data-testid="export-panel"
        >
          <p className="px-2 py-1.5 text-xs text-muted-foreground">Every row of this view, as filtered and sorted, with the columns shown.</p>
          <button
            type="button"
            role="menuitem"
            className="w-full cursor-pointer rounded-sm px-2 py-1.5 text-left hover:bg-accent"
            onClick={() => choose('csv')}
            data-testid="export-csv"
          >
            CSV
          </button>
          <button
            type="button"
            role="menuitem"
            className="w-full cursor-pointer rounded-sm px-2 py-1.5 text-left hover:bg-accent"
            onClick={() => choose('jsonl')}
            data-testid="export-jsonl"
          >
            JSON Lines
          </button>
          {fileSupported ? (
            <label className="mt-1 flex cursor-pointer items-center gap-2 border-t px-2 pt-2 pb-1 text-xs">
              <Checkbox checked={toFile} onChange={(e) => setToFile(e.target.checked)} />
              Save straight to a file (for very large exports)
            </label>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
