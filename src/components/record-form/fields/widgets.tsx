'use client';

import { useTranslations } from 'next-intl';
import { Input } from '@/components/ui/input';
import type { InputWidgets } from '@/components/renderers/names';
import { Textarea } from './textarea';
import type { FieldProps } from './types';

/** The options the definition gave its `input` (`{ kind: 'textarea', rows: 3 }`). */
function optionsOf<N extends keyof InputWidgets>(props: FieldProps): Readonly<InputWidgets[N]> {
  return (props.column.input?.options ?? {}) as InputWidgets[N];
}

function aria({ invalid, required, describedBy }: FieldProps) {
  return { 'aria-invalid': invalid || undefined, 'aria-required': required || undefined, 'aria-describedby': describedBy };
}

/** `input: 'textarea'` (or `{ kind: 'textarea', rows }`): several lines for a text column. */
export function TextareaField(props: FieldProps) {
  const { id, name, value, onChange, disabled, column } = props;
  const rows = optionsOf<'textarea'>(props).rows ?? 6;
  return (
    <Textarea
      id={id}
      name={name}
      value={value}
      rows={rows}
      maxLength={column.maxLength}
      disabled={disabled}
      {...aria(props)}
      data-testid={`field-${column.name}`}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

const HEX = /^#[0-9a-f]{6}$/i;

/** `input: 'color'`: the browser's colour picker beside the #rrggbb text it sets (which can be typed too). */
export function ColorField(props: FieldProps) {
  const { id, name, value, onChange, disabled, column } = props;
  const t = useTranslations('form');
  return (
    <div className="flex items-center gap-2">
      <input
        type="color"
        value={HEX.test(value) ? value.toLowerCase() : '#000000'}
        disabled={disabled}
        aria-label={t('color.pick', { field: column.label })}
        className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-input bg-card p-1 disabled:cursor-not-allowed disabled:opacity-50"
        data-testid={`color-${column.name}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <Input
        id={id}
        name={name}
        value={value}
        placeholder={t('color.placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={column.maxLength}
        disabled={disabled}
        {...aria(props)}
        className="font-mono"
        data-testid={`field-${column.name}`}
        onChange={(e) => onChange(e.target.value.trim())}
      />
    </div>
  );
}
