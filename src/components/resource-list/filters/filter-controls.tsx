'use client';

import { useTimeZone, useTranslations } from 'next-intl';
import { optionLabel } from '@/components/renderers/option-label';
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { RelatedResource, ResolvedColumn } from '@admin-hub/engine/resources/types';
import { browserZone, dayBoundary, dayPresets } from './days';
import { minorDigits, minorToUnits, unitsToMinor, type AmountProblem } from './money';

/**
 * The foreign-key picker (cmdk's combobox) is loaded on demand, so it is not in the list page's
 * first load (issue 18). The list fetches it once idle (preloadReferenceFilter); once here it is
 * rendered at once, so the popover's focus lands in its search box as before.
 */
let ReferenceFilter: (typeof import('./reference-filter'))['ReferenceFilter'] | undefined;
const loadReferenceFilter = () =>
  import('./reference-filter').then((m) => {
    ReferenceFilter = m.ReferenceFilter;
    return m.ReferenceFilter;
  });
const LazyReferenceFilter = lazy(() => loadReferenceFilter().then((component) => ({ default: component })));
export const preloadReferenceFilter = () => void loadReferenceFilter().catch(() => undefined);

export type FilterValue = (key: string) => string | undefined;
export type FilterChange = (changes: Record<string, string | undefined>) => void;

interface ControlProps {
  column: ResolvedColumn;
  value: FilterValue;
  /** Applies the changes (the URL changes) and closes the control's popover. */
  onChange: FilterChange;
  domain: string;
}

/** The control that edits one column's filter, in a popover (desktop) or the filter sheet (phones). */
export function FilterControl(props: ControlProps) {
  const t = useTranslations('list');
  const { column } = props;
  if (column.references && (column.filter === 'equals' || column.filter === 'oneOf')) return <ReferenceControl {...props} />;
  switch (column.filter) {
    case 'oneOf':
      return <OneOfControl {...props} />;
    case 'boolean':
      return (
        <ChoiceControl
          {...props}
          param={`f.${column.name}`}
          choices={[
            ['true', t('choiceYes')],
            ['false', t('choiceNo')],
          ]}
        />
      );
    case 'isNull':
      return (
        <ChoiceControl
          {...props}
          param={`f.${column.name}.null`}
          choices={[
            ['true', t('choiceEmpty')],
            ['false', t('choiceNotEmpty')],
          ]}
        />
      );
    case 'range':
      return <RangeControl {...props} />;
    case 'equals':
      return <EqualsControl {...props} />;
    default:
      return null;
  }
}

/** "Has related rows": any, some, none (`has.<key>`). */
export function RelatedControl({ related, value, onChange }: { related: RelatedResource; value: FilterValue; onChange: FilterChange }) {
  const t = useTranslations('list');
  return (
    <ChoiceList
      legend={related.title}
      testId={`filter-control-has-${related.key}`}
      param={`has.${related.key}`}
      value={value}
      onChange={onChange}
      choices={[
        ['true', t('hasRelated', { title: related.title.toLowerCase() })],
        ['false', t('noRelated', { title: related.title.toLowerCase() })],
      ]}
    />
  );
}

/** Any / each choice, as radio buttons: one click applies. */
function ChoiceControl({ column, value, onChange, param, choices }: ControlProps & { param: string; choices: [string, string][] }) {
  return <ChoiceList legend={column.label} testId={`filter-control-${column.name}`} param={param} value={value} onChange={onChange} choices={choices} />;
}

function ChoiceList({
  legend,
  testId,
  value,
  onChange,
  param,
  choices,
}: {
  legend: string;
  testId: string;
  value: FilterValue;
  onChange: FilterChange;
  param: string;
  choices: [string, string][];
}) {
  const t = useTranslations('list');
  const name = useId();
  const current = value(param) ?? '';
  return (
    <fieldset className="flex flex-col gap-1" data-testid={testId}>
      <legend className="mb-1 text-xs font-medium text-muted-foreground">{legend}</legend>
      {[['', t('any')] as [string, string], ...choices].map(([choice, text]) => (
        <label key={choice} className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 hover:bg-muted">
          <input type="radio" name={name} value={choice} checked={current === choice} onChange={() => onChange({ [param]: choice || undefined })} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}

/** Several options at once (`f.status=paid,shipped`): tick, then Apply. */
function OneOfControl({ column, value, onChange }: ControlProps) {
  const t = useTranslations('list');
  const key = `f.${column.name}`;
  const [chosen, setChosen] = useState<string[]>(value(key)?.split(',') ?? []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ [key]: chosen.length > 0 ? chosen.join(',') : undefined });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" data-testid={`filter-control-${column.name}`}>
      <fieldset className="flex max-h-64 flex-col gap-1 overflow-y-auto">
        <legend className="mb-1 text-xs font-medium text-muted-foreground">{t('anyOf', { label: column.label })}</legend>
        {(column.options ?? []).map((option) => (
          <label key={option} className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 hover:bg-muted">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, option] : chosen.filter((o) => o !== option))}
            />
            {optionLabel(column, option)}
          </label>
        ))}
      </fieldset>
      <Actions onClear={() => onChange({ [key]: undefined })} />
    </form>
  );
}

function Actions({ onClear, disabled }: { onClear: () => void; disabled?: boolean }) {
  const t = useTranslations('list');
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="ghost" size="sm" onClick={onClear}>
        {t('clear')}
      </Button>
      <Button type="submit" size="sm" disabled={disabled} data-testid="filter-apply">
        {t('apply')}
      </Button>
    </div>
  );
}

/** How a range bound is typed and sent, by column type: days in the operator's zone, money in its units. */
function rangeKind(column: ResolvedColumn): 'day' | 'instant-day' | 'money' | 'number' | 'text' {
  if (column.type === 'date') return 'day';
  if (column.type === 'datetime' || column.type === 'timestamp') return 'instant-day';
  if (column.type === 'money_cents') return 'money';
  return ['integer', 'bigint', 'number'].includes(column.type) ? 'number' : 'text';
}

/** A refused amount in the reader's language. */
function amountProblem(t: ReturnType<typeof useTranslations<'list'>>, p: AmountProblem): string {
  if (p.problem === 'notAmount') return t('notAmount', { text: p.text });
  if (p.problem === 'noMinorUnit') return t('noMinorUnit', { currency: p.currency });
  return t('tooManyDecimals', { currency: p.currency, digits: p.digits });
}

function RangeControl({ column, value, onChange }: ControlProps) {
  const t = useTranslations('list');
  const key = `f.${column.name}`;
  const kind = rangeKind(column);
  const currency = column.currency ?? 'EUR';
  // Whole days of the operator's zone (their choice, else the browser's), as the list shows its times.
  const zone = useTimeZone() ?? browserZone();
  // What the inputs show: a day for date-time bounds, units for money (never cents or ISO instants).
  const shown = (raw: string | undefined) =>
    raw === undefined ? '' : kind === 'instant-day' ? raw.slice(0, 10) : kind === 'money' ? minorToUnits(raw, currency) : raw;
  const [from, setFrom] = useState(shown(value(`${key}.min`)));
  const [to, setTo] = useState(shown(value(`${key}.max`)));
  const [problem, setProblem] = useState<string>();
  const errorId = useId();

  const toParam = (text: string, end: 'min' | 'max'): { ok: true; value: string | undefined } | { ok: false; message: string } => {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: true, value: undefined };
    if (kind === 'instant-day' && column.type === 'datetime') return { ok: true, value: dayBoundary(trimmed, end, zone) };
    if (kind === 'money') {
      const amount = unitsToMinor(trimmed, currency);
      return amount.ok ? amount : { ok: false, message: amountProblem(t, amount) };
    }
    return { ok: true, value: trimmed };
  };
  const apply = (fromText: string, toText: string) => {
    const min = toParam(fromText, 'min');
    const max = toParam(toText, 'max');
    if (!min.ok || !max.ok) return setProblem((!min.ok ? min.message : '') || (!max.ok ? max.message : ''));
    setProblem(undefined);
    onChange({ [`${key}.min`]: min.value, [`${key}.max`]: max.value });
  };
  const inputType = kind === 'day' || kind === 'instant-day' ? 'date' : 'text';
  const unit =
    kind === 'money' ? (minorDigits(currency) > 0 ? t('unitDecimals', { currency, digits: minorDigits(currency) }) : t('unitWhole', { currency })) : '';
  return (
    <form
      className="flex flex-col gap-2"
      data-testid={`filter-control-${column.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        apply(from, to);
      }}
    >
      <span className="text-xs font-medium text-muted-foreground">
        {column.label}
        {unit}
        {kind === 'instant-day' && column.type === 'datetime' ? t('wholeDaysIn', { zone }) : ''}
      </span>
      {kind === 'day' || kind === 'instant-day' ? (
        <div className="flex flex-wrap gap-1">
          {dayPresets(zone).map((preset) => (
            <Button key={preset.name} type="button" variant="outline" size="sm" onClick={() => apply(preset.from, preset.to)}>
              {t(preset.name)}
            </Button>
          ))}
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        {(
          [
            ['from', t('from'), from, setFrom],
            ['to', t('to'), to, setTo],
          ] as const
        ).map(([end, text, current, set]) => (
          <label key={end} className="flex flex-col gap-1 text-xs">
            {text}
            <Input
              type={inputType}
              inputMode={kind === 'money' || kind === 'number' ? 'decimal' : undefined}
              value={current}
              onChange={(e) => set(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              data-testid={`filter-${column.name}-${end}`}
            />
          </label>
        ))}
      </div>
      {problem ? (
        <p id={errorId} role="alert" className="text-xs text-destructive">
          {problem}
        </p>
      ) : null}
      <Actions onClear={() => onChange({ [`${key}.min`]: undefined, [`${key}.max`]: undefined })} />
    </form>
  );
}

function EqualsControl({ column, value, onChange }: ControlProps) {
  const t = useTranslations('list');
  const key = `f.${column.name}`;
  const [draft, setDraft] = useState(value(key) ?? '');
  return (
    <form
      className="flex flex-col gap-2"
      data-testid={`filter-control-${column.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ [key]: draft.trim() || undefined });
      }}
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
        {t('isExactly', { label: column.label })}
        <Input value={draft} onChange={(e) => setDraft(e.target.value)} data-testid={`filter-${column.name}-input`} />
      </label>
      <Actions onClear={() => onChange({ [key]: undefined })} />
    </form>
  );
}

function ReferenceControl({ column, onChange, domain }: ControlProps) {
  const t = useTranslations('list');
  const key = `f.${column.name}`;
  return (
    <div className="flex flex-col gap-2" data-testid={`filter-control-${column.name}`}>
      {ReferenceFilter ? (
        <ReferenceFilter column={column} domain={domain} onChoose={(id) => onChange({ [key]: id })} />
      ) : (
        // Opened before it was fetched: its search box takes the focus the popover gave its frame.
        <Suspense fallback={<p className="text-sm text-muted-foreground">{t('loading')}</p>}>
          <LazyReferenceFilter column={column} domain={domain} onChoose={(id) => onChange({ [key]: id })} focusOnMount />
        </Suspense>
      )}
      <div className="flex justify-end">
        <Button type="button" variant="ghost" size="sm" onClick={() => onChange({ [key]: undefined })}>
          {t('clear')}
        </Button>
      </div>
    </div>
  );
}
