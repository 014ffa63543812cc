'use client';

import { Columns3 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '../ui/button';
import { Checkbox } from '../ui/checkbox';
import { Popover, PopoverContent, PopoverTrigger } from '../ui/popover';

export interface ColumnChooserProps {
  columns: Array<{ key: string; header: string }>;
  visibleKeys: string[];
  onChange: (keys: string[]) => void;
}

/**
 * A button that opens a checklist of columns in a Radix popover (focus moves in, Escape and an
 * outside click close it, focus returns to the button). The last visible column cannot be unticked.
 */
export function ColumnChooser({ columns, visibleKeys, onChange }: ColumnChooserProps) {
  const t = useTranslations('table');
  const visible = new Set(visibleKeys);

  function toggle(key: string, checked: boolean) {
    // Rebuild from `columns` so the emitted keys keep the table's column order.
    const next = columns.filter((c) => (c.key === key ? checked : visible.has(c.key))).map((c) => c.key);
    if (next.length > 0) onChange(next);
  }

  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" data-testid="column-chooser">
          <Columns3 aria-hidden="true" />
          {t('columns')}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="max-h-80 w-56 overflow-y-auto p-2">
        <fieldset data-testid="column-chooser-panel">
          <legend className="sr-only">{t('visibleColumns')}</legend>
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
      </PopoverContent>
    </Popover>
  );
}
