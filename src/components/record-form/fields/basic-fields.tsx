'use client';

import { Shuffle } from 'lucide-react';
import { optionLabel } from '@/components/renderers/option-label';
import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from './textarea';
import { parseArrayText } from '@admin-hub/engine/values/arrays';
import { centsToAmount, formatMoney, type Formatter } from '@/components/renderers/exact-number';
import type { FieldProps } from './types';

/** The attributes every input shares. */
function common({ id, name, value, disabled, invalid, required, describedBy, column }: FieldProps) {
  return {
    id,
    name,
    value,
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy,
    'data-testid': `field-${column.name}`,
  };
}

export function TextField(props: FieldProps) {
  const { column, onChange } = props;
  return (
    <Input
      {...common(props)}
      type={column.type === 'email' ? 'email' : 'text'}
      maxLength={column.maxLength}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function LongTextField(props: FieldProps) {
  return <Textarea {...common(props)} rows={6} maxLength={props.column.maxLength} onChange={(e) => props.onChange(e.target.value)} />;
}

/** integer (int2/int4): the browser's number input, whole numbers only. */
export function IntegerField(props: FieldProps) {
  return <Input {...common(props)} type="number" step={1} inputMode="numeric" onChange={(e) => props.onChange(e.target.value)} />;
}

/** bigint and numeric stay text: a number input would round values beyond 2^53 or 15 digits. */
export function DecimalField(props: FieldProps) {
  const integral = props.column.type === 'bigint';
  return (
    <Input
      {...common(props)}
      type="text"
      inputMode={integral ? 'numeric' : 'decimal'}
      autoComplete="off"
      onChange={(e) => props.onChange(e.target.value.trim())}
    />
  );
}

/** Cents typed as text, as the amount they mean in the page's locale: exact (the decimal point moves in the text). */
export function formatCents(format: Formatter, cents: string, currency = 'EUR'): string | undefined {
  if (!/^-?\d{1,18}$/.test(cents)) return undefined;
  return formatMoney(format, centsToAmount(cents), currency);
}

/** Money is stored in cents; the amount it means is shown as it is typed. */
export function MoneyField(props: FieldProps) {
  const t = useTranslations('form');
  const amount = formatCents(useFormatter(), props.value, props.column.currency);
  return (
    <div className="flex items-center gap-2">
      <Input
        {...common(props)}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="max-w-48"
        onChange={(e) => props.onChange(e.target.value.trim())}
      />
      <span className="text-sm text-muted-foreground tabular-nums" data-testid={`money-${props.column.name}`} aria-live="polite">
        {amount ? t('money.equals', { amount }) : t('money.inCents')}
      </span>
    </div>
  );
}

/**
 * A checkbox. Empty ('') is shown as "mixed": on create, the column's default; on edit, NULL.
 * The value travels in a hidden input so an unchecked box still sends "false".
 */
export function BooleanField(props: FieldProps) {
  const { id, name, value, onChange, disabled, invalid, required, describedBy, mode } = props;
  const t = useTranslations('form');
  const unset = value === '';
  return (
    <div className="flex h-9 items-center gap-2">
      <input type="hidden" name={name} value={value} />
      <Checkbox
        id={id}
        checked={value === 'true'}
        indeterminate={unset}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        data-testid={`field-${props.column.name}`}
        onChange={(e) => onChange(e.target.checked ? 'true' : 'false')}
      />
      <span className="text-sm text-muted-foreground">
        {unset
          ? required
            ? t('boolean.notChosen')
            : mode === 'create'
              ? t('boolean.default')
              : t('boolean.empty')
          : value === 'true'
            ? t('boolean.yes')
            : t('boolean.no')}
      </span>
      {!unset && !disabled && !required ? (
        <Button variant="ghost" size="sm" onClick={() => onChange('')}>
          {mode === 'create' ? t('boolean.useDefault') : t('boolean.clear')}
        </Button>
      ) : null}
    </div>
  );
}

export function DateField(props: FieldProps) {
  return <Input {...common(props)} type="date" className="max-w-48" onChange={(e) => props.onChange(e.target.value)} />;
}

/**
 * timestamp without time zone: typed as the database holds it (every microsecond, BC, infinity),
 * no zone conversion, because the column has none; a browser date-time picker stops at milliseconds.
 */
export function TimestampField(props: FieldProps) {
  return (
    <Input
      {...common(props)}
      type="text"
      inputMode="numeric"
      className="max-w-64 font-mono"
      placeholder="2025-01-31 12:00:00"
      autoComplete="off"
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

export function EnumField(props: FieldProps) {
  const { column, mode, value, onChange, required } = props;
  const t = useTranslations('form');
  return (
    <Select {...common(props)} containerClassName="w-full max-w-xs" onChange={(e) => onChange(e.target.value)}>
      {!required || value === '' ? <option value="">{required ? t('enum.choose') : mode === 'create' ? t('enum.default') : t('enum.empty')}</option> : null}
      {column.options?.map((o) => (
        <option key={o} value={o}>
          {optionLabel(column, o)}
        </option>
      ))}
    </Select>
  );
}

export function UuidField(props: FieldProps) {
  const t = useTranslations('form');
  return (
    <div className="flex items-center gap-2">
      <Input
        {...common(props)}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        placeholder={t('uuid.placeholder')}
        onChange={(e) => props.onChange(e.target.value.trim())}
      />
      {!props.disabled ? (
        <Button variant="outline" size="sm" onClick={() => props.onChange(crypto.randomUUID())} aria-label={t('uuid.newRandom', { field: props.column.label })}>
          <Shuffle aria-hidden="true" /> {t('uuid.new')}
        </Button>
      ) : null}
    </div>
  );
}

/** Arrays: one item per line; blank lines are dropped when saved. */
/** A secret (ColumnDef.secret): typed blind, never filled in from the stored value. */
export function SecretField(props: FieldProps) {
  const t = useTranslations('form');
  return (
    <Input
      {...common(props)}
      type="password"
      autoComplete="new-password"
      placeholder={props.mode === 'update' ? t('secret.unchanged') : undefined}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/** One item per line, or JSON (`["a", null]`) for items lines cannot hold: engine/values/arrays.ts. */
export function ArrayField(props: FieldProps) {
  const t = useTranslations('form');
  const parsed = parseArrayText(props.value);
  const asJson = props.value.trimStart().startsWith('[');
  const items = parsed.ok ? parsed.value.length : 0;
  return (
    <div className="flex flex-col gap-1">
      <Textarea
        {...common(props)}
        rows={Math.min(10, Math.max(3, props.value.split('\n').length + 1))}
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span className="text-xs text-muted-foreground" data-testid={`array-count-${props.column.name}`}>
        {!parsed.ok ? parsed.message : asJson ? t('array.json', { count: items }) : t('array.lines', { count: items })}
      </span>
    </div>
  );
}
