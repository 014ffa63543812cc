'use client';

import { CircleCheck, TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Textarea } from './textarea';
import type { FieldProps } from './types';

export type JsonCheck = { ok: true; value: unknown } | { ok: false; message: string } | { ok: 'empty' };

/** Parses as the operator types; the message is the parser's, without the input echoed back. */
export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: 'empty' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^JSON\.parse: /, '') };
  }
}

/** JSON in a textarea, checked on every keystroke, with a "Format" button once it parses. */
export function JsonField(props: FieldProps) {
  const { id, name, value, onChange, disabled, invalid, required, describedBy, column } = props;
  const t = useTranslations('form');
  const check = checkJson(value);
  const statusId = `${id}-json`;
  return (
    <div className="flex flex-col gap-1">
      <Textarea
        id={id}
        name={name}
        value={value}
        rows={Math.min(16, Math.max(4, value.split('\n').length + 1))}
        spellCheck={false}
        className="font-mono text-xs"
        disabled={disabled}
        aria-invalid={invalid || check.ok === false || undefined}
        aria-required={required || undefined}
        aria-describedby={[describedBy, statusId].filter(Boolean).join(' ')}
        data-testid={`field-${column.name}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <div
        className="flex items-center gap-2 text-xs"
        id={statusId}
        data-testid={`json-status-${column.name}`}
        data-valid={check.ok === false ? 'false' : 'true'}
        aria-live="polite"
      >
        {check.ok === false ? (
          <span className="flex items-center gap-1 text-destructive">
            <TriangleAlert className="size-3.5" aria-hidden="true" /> {t('json.invalid', { message: check.message })}
          </span>
        ) : check.ok === true ? (
          <>
            <span className="flex items-center gap-1 text-muted-foreground">
              <CircleCheck className="size-3.5 text-success" aria-hidden="true" /> {t('json.valid')}
            </span>
            {!disabled ? (
              <Button variant="ghost" size="sm" onClick={() => onChange(JSON.stringify(check.value, null, 2))}>
                {t('json.format')}
              </Button>
            ) : null}
          </>
        ) : (
          <span className="text-muted-foreground">{t('json.empty')}</span>
        )}
      </div>
    </div>
  );
}
