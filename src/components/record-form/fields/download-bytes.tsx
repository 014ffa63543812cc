'use client';

import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { hexToBytes } from '@admin-hub/engine/values/bytes';

/**
 * Saves a bytea value as a file, from the hex the page already holds (the record page and the
 * form read the row with the operator's access, so no second door serves the bytes).
 */
export function DownloadBytes({ hex, filename, testId }: { hex: string; filename: string; testId?: string }) {
  const t = useTranslations('form');
  const save = () => {
    const url = URL.createObjectURL(new Blob([hexToBytes(hex) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Button type="button" variant="outline" size="sm" onClick={save} data-testid={testId}>
      <Download aria-hidden /> {t('bytes.download')}
    </Button>
  );
}
