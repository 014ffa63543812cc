'use client';

import { useTimeZone, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { formatOffset, isoToLocal, localToIso, zoneOffsetMinutes } from '../values';
import type { FieldProps } from './types';

/**
 * A timestamptz as a wall-clock date and time in an explicit zone: the operator's (default:
 * their own choice, else their browser's, from the request's configuration, so the server and
 * the browser render the same) or UTC. The zone's offset at that moment is shown, and the value
 * sent is ISO 8601 with that offset ("2025-03-30T14:00:00+02:00"), so what the operator meant
 * is never reinterpreted by the server's time zone.
 */
export function DatetimeField(props: FieldProps) {
  const { id, name, value, onChange, disabled, invalid, required, describedBy, column } = props;
  const t = useTranslations('form');
  const yourZone = useTimeZone() ?? 'UTC';
  const [choice, setChoice] = useState<'local' | 'utc'>('local');
  const zone = choice === 'utc' ? 'UTC' : yourZone;
  const instant = value === '' ? undefined : new Date(value);
  const valid = instant !== undefined && !Number.isNaN(instant.getTime());
  const offset = formatOffset(zoneOffsetMinutes(valid ? instant : new Date(), zone));
  return (
    <div className="flex flex-col gap-1">
      <input type="hidden" name={name} value={value} />
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={id}
          type="datetime-local"
          step={1}
          className="max-w-64"
          value={valid ? isoToLocal(value, zone) : ''}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy}
          data-testid={`field-${column.name}`}
          onChange={(e) => onChange(e.target.value === '' ? '' : localToIso(e.target.value, zone))}
        />
        <Select
          aria-label={t('datetime.zoneLabel', { field: column.label })}
          value={choice}
          disabled={disabled}
          data-testid={`zone-${column.name}`}
          onChange={(e) => setChoice(e.target.value === 'utc' ? 'utc' : 'local')}
        >
          <option value="local">{t('datetime.yourZone', { zone: yourZone })}</option>
          <option value="utc">{t('datetime.utc')}</option>
        </Select>
        <span className="text-sm text-muted-foreground tabular-nums" data-testid={`offset-${column.name}`}>
          {t('datetime.offset', { offset })}
        </span>
      </div>
      {valid ? (
        <span className="text-xs text-muted-foreground" data-testid={`iso-${column.name}`}>
          {t.rich('datetime.savedAs', {
            value: value.endsWith('Z') ? instant.toISOString() : value,
            code: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </span>
      ) : null}
    </div>
  );
}
