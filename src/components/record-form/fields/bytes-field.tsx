'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { bytesToHex, byteLength, formatSize, MAX_FORM_BYTES } from '@admin-hub/engine/values/bytes';
import { DownloadBytes } from './download-bytes';
import type { FieldProps } from './types';

/**
 * bytea: a file picked here is stored byte for byte (sent as hex, `\x…`, which PostgreSQL reads
 * back as the same bytes). The current value can be downloaded or cleared; a file over the
 * form's limit is refused before it is read.
 */
export function BytesField(props: FieldProps) {
  const { id, name, value, onChange, disabled, invalid, required, describedBy, column } = props;
  const t = useTranslations('form');
  const [tooLarge, setTooLarge] = useState<string>();
  const size = value === '' ? undefined : byteLength(value);
  return (
    <div className="flex flex-col gap-1">
      <input type="hidden" name={name} value={value} />
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          type="file"
          disabled={disabled}
          aria-invalid={invalid || tooLarge !== undefined || undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy}
          data-testid={`field-${column.name}`}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-card file:px-3 file:py-1 file:text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            if (file.size > MAX_FORM_BYTES) {
              setTooLarge(t('bytes.tooLarge', { file: file.name, size: formatSize(file.size), max: formatSize(MAX_FORM_BYTES) }));
              e.target.value = '';
              return;
            }
            setTooLarge(undefined);
            onChange(bytesToHex(new Uint8Array(await file.arrayBuffer())));
          }}
        />
        {value !== '' && !disabled ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => onChange('')} data-testid={`clear-${column.name}`}>
            {t('bytes.clear')}
          </Button>
        ) : null}
        {value !== '' ? <DownloadBytes hex={value} filename={`${column.name}.bin`} /> : null}
      </div>
      <span className="text-xs text-muted-foreground" data-testid={`bytes-size-${column.name}`}>
        {size === undefined ? t('bytes.noValue') : `${formatSize(size)}: ${value.slice(0, 34)}${value.length > 34 ? '…' : ''}`}
      </span>
      {tooLarge ? (
        <span className="text-xs text-destructive" role="alert" data-testid={`bytes-refused-${column.name}`}>
          {tooLarge}
        </span>
      ) : null}
    </div>
  );
}
