'use client';

import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { ExportFormat } from './streams';
import { canSaveToFile } from './use-export';

export interface ExportMenuProps {
  running: boolean;
  onExport: (format: ExportFormat, toFile: boolean) => void;
}

const noSubscribe = () => () => undefined;

/**
 * "Export ▾": CSV or JSON Lines of the list as it is filtered and sorted, every row, the columns
 * shown. A Radix menu: arrow keys, Enter, Escape, focus back on the button.
 */
export function ExportMenu({ running, onExport }: ExportMenuProps) {
  const t = useTranslations('list');
  const [toFile, setToFile] = useState(false);
  // Known only in the browser; the server renders without the option.
  const fileSupported = useSyncExternalStore(noSubscribe, canSaveToFile, () => false);

  const choose = (format: ExportFormat) => onExport(format, fileSupported && toFile);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" disabled={running} data-testid="export-menu">
          <Download aria-hidden="true" /> {t('export')}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64" data-testid="export-panel">
        <DropdownMenuLabel>{t('exportDescription')}</DropdownMenuLabel>
        <DropdownMenuItem onSelect={() => choose('csv')} data-testid="export-csv">
          {t('csv')}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => choose('jsonl')} data-testid="export-jsonl">
          {t('jsonl')}
        </DropdownMenuItem>
        {fileSupported ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuCheckboxItem
              checked={toFile}
              onCheckedChange={setToFile}
              // Ticking the option keeps the menu open for the format choice.
              onSelect={(event) => event.preventDefault()}
              className="text-xs"
              data-testid="export-to-file"
            >
              {t('saveToFile')}
            </DropdownMenuCheckboxItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
