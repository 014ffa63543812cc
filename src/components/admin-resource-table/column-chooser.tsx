'use client';

import { Columns3 } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../ui/button';
import { Checkbox } from '../ui/checkbox';

export interface ColumnChooserProps {
  columns: Array<{ key: string; header: string }>;
  visibleKeys: string[];
  onChange: (keys: string[]) => void;
}

/** A button that opens a checklist of columns. The last visible column cannot be unticked. */
export function ColumnChooser({ columns, visibleKeys, onChange }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const visible = new Set(visibleKeys);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    // Close when the pointer goes down anywhere else, like a native menu.
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function toggle(key: string, checked: boolean) {
    // Rebuild from `columns` so the emitted keys keep the table's column order.
    const next = columns.filter((c) => (c.key === key ? checked : visible.has(c.key))).map((c) => c.key);
    if (next.length > 0) onChange(next);
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <Button
        ref={buttonRef}
        variant="outline"
        size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="column-chooser"
        onClick={() => setOpen((o) => !o)}
      >
        <Columns3 aria-hidden="true" />
        Columns
      </Button>
      {open ? (
        <fieldset
          id={panelId}
          data-testid="column-chooser-panel"
          className="absolute top-full right-0 z-30 mt-1 max-h-80 w-56 overflow-y-auto rounded-md border bg-popover p-2 text-popover-foreground shadow-lg"
        >
          <legend className="sr-only">Visible columns</legend>
          {columns.map((column) => {
            const checked = visible.has(column.key);
            const last = checked && visible.size === 1;
            return (
              <label
                key={column.key}
                className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm hover:bg-accent has-disabled:cursor-not-allowed has-disabled:opacity-60"
              >
                <Checkbox
                  checked={checked}
                  disabled={last}
                  data-testid={`column-toggle-${column.key}`}
                  onChange={(event) => toggle(column.key, event.target.checked)}
                />
                <span className="truncate">{column.header}</span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
