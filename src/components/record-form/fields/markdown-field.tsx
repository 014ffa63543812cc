'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { renderMarkdown } from './markdown';
import { Textarea } from './textarea';
import type { FieldProps } from './types';

/** `input: 'markdown'`: a textarea with Write / Preview tabs. */
export function MarkdownField(props: FieldProps) {
  const { id, name, value, onChange, disabled, invalid, required, describedBy, column } = props;
  const t = useTranslations('form');
  const [preview, setPreview] = useState(false);
  return (
    <div className="flex flex-col gap-2" data-testid={`markdown-${column.name}`}>
      <div role="tablist" aria-label={t('markdown.tabs', { field: column.label })} className="flex gap-1">
        <Button role="tab" aria-selected={!preview} variant={preview ? 'ghost' : 'outline'} size="sm" onClick={() => setPreview(false)}>
          {t('markdown.write')}
        </Button>
        <Button role="tab" aria-selected={preview} variant={preview ? 'outline' : 'ghost'} size="sm" onClick={() => setPreview(true)}>
          {t('markdown.preview')}
        </Button>
      </div>
      {/* The textarea stays in the form while previewing, so the value is always submitted. */}
      <Textarea
        id={id}
        name={name}
        value={value}
        rows={10}
        hidden={preview}
        className="font-mono text-sm"
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        data-testid={`field-${column.name}`}
        onChange={(e) => onChange(e.target.value)}
      />
      {preview ? (
        <div className="flex min-h-24 flex-col gap-2 rounded-md border bg-card p-3 text-sm" data-testid={`markdown-preview-${column.name}`}>
          {value.trim() ? renderMarkdown(value) : <span className="text-muted-foreground">{t('markdown.nothing')}</span>}
        </div>
      ) : null}
    </div>
  );
}
