'use client';

import { X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { ResolvedColumn } from '@/engine/resources/types';
import { localToIso } from '../record-form/values';

interface FilterBarProps {
  columns: ResolvedColumn[];
  value: (key: string) => string | undefined;
  onChange: (changes: Record<string, string | undefined>) => void;
}

const inputType = (column: ResolvedColumn) =>
  column.type === 'date'
    ? 'date'
    : column.type === 'datetime' || column.type === 'timestamp'
      ? 'date'
      : ['integer', 'bigint', 'number', 'money_cents'].includes(column.type)
        ? 'number'
        : 'text';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * A day's first (`min`) or last (`max`) instant in `timeZone`, as ISO 8601 with that zone's
 * offset then: `2024-02-29T00:00:00+09:00`, `2024-02-29T23:59:59.999999+09:00`.
 */
export function dayBoundary(day: string, end: 'min' | 'max', timeZone: string): string {
  const iso = localToIso(`${day}T${end === 'min' ? '00:00:00' : '23:59:59'}`, timeZone);
  if (iso === '') return day; // not a date: the API says what is wrong with it
  return end === 'min' ? iso : iso.replace(/(:\d{2})([+-]\d{2}:\d{2})$/, '$1.999999$2');
}

/** A text-like input that applies on Enter or when it loses focus, not on every key. */
function CommitInput({
  current,
  onCommit,
  ...props
}: { current: string | undefined; onCommit: (v: string | undefined) => void } & Omit<React.ComponentProps<typeof Input>, 'onChange' | 'value'>) {
  const [draft, setDraft] = useState(current ?? '');
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    setDraft(current ?? '');
  }
  const commit = () => draft !== (current ?? '') && onCommit(draft.trim() || undefined);
  return <Input {...props} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />;
}

function FilterControl({ column, value, onChange }: { column: ResolvedColumn } & Omit<FilterBarProps, 'columns'>) {
  const key = `f.${column.name}`;
  const label = column.label;
  switch (column.filter) {
    case 'oneOf':
      return (
        <Select
          aria-label={label}
          data-testid={`filter-${column.name}`}
          value={value(key) ?? ''}
          onChange={(e) => onChange({ [key]: e.target.value || undefined })}
        >
          <option value="">{label}: any</option>
          {column.options?.map((o) => (
            <option key={o} value={o}>
              {label}: {o}
            </option>
          ))}
        </Select>
      );
    case 'boolean':
      return (
        <Select
          aria-label={label}
          data-testid={`filter-${column.name}`}
          value={value(key) ?? ''}
          onChange={(e) => onChange({ [key]: e.target.value || undefined })}
        >
          <option value="">{label}: any</option>
          <option value="true">{label}: yes</option>
          <option value="false">{label}: no</option>
        </Select>
      );
    case 'isNull':
      return (
        <Select
          aria-label={label}
          data-testid={`filter-${column.name}`}
          value={value(`${key}.null`) ?? ''}
          onChange={(e) => onChange({ [`${key}.null`]: e.target.value || undefined })}
        >
          <option value="">{label}: any</option>
          <option value="true">{label}: empty</option>
          <option value="false">{label}: not empty</option>
        </Select>
      );
    case 'range': {
      // A date-time column is filtered by whole days of the operator's time zone: the first
      // instant of the "from" day and the last of the "to" day, sent with this browser's offset.
      const byDay = column.type === 'datetime';
      const shown = (param: string | undefined) => (byDay && param ? param.slice(0, 10) : param);
      const bound = (day: string | undefined, end: 'min' | 'max') => (byDay && day ? dayBoundary(day, end, browserZone()) : day);
      return (
        <span className="flex items-center gap-1 text-sm text-muted-foreground" data-testid={`filter-${column.name}`}>
          <span className="whitespace-nowrap">{label}</span>
          <CommitInput
            aria-label={`${label} from`}
            placeholder="from"
            type={inputType(column)}
            className="w-36"
            current={shown(value(`${key}.min`))}
            onCommit={(v) => onChange({ [`${key}.min`]: bound(v, 'min') })}
          />
          <span aria-hidden="true">–</span>
          <CommitInput
            aria-label={`${label} to`}
            placeholder="to"
            type={inputType(column)}
            className="w-36"
            current={shown(value(`${key}.max`))}
            onCommit={(v) => onChange({ [`${key}.max`]: bound(v, 'max') })}
          />
        </span>
      );
    }
    case 'equals':
      return (
        <CommitInput
          aria-label={label}
          placeholder={`${label} =`}
          type={inputType(column)}
          className="w-36"
          current={value(key)}
          onCommit={(v) => onChange({ [key]: v })}
        />
      );
    default:
      return null;
  }
}

/** The filters a resource declares, as compact controls; each writes its own URL parameter. */
export function FilterBar({ columns, value, onChange }: FilterBarProps) {
  const filterable = columns.filter((c) => c.filter);
  const active = filterable.flatMap((c) => [`f.${c.name}`, `f.${c.name}.min`, `f.${c.name}.max`, `f.${c.name}.null`]).filter((k) => value(k) !== undefined);
  if (filterable.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {filterable.map((column) => (
        <FilterControl key={column.name} column={column} value={value} onChange={onChange} />
      ))}
      {active.length > 0 ? (
        <Button variant="ghost" size="sm" onClick={() => onChange(Object.fromEntries(active.map((k) => [k, undefined])))}>
          <X className="size-4" aria-hidden="true" /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
