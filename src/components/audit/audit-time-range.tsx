'use client';

import { useLocale, useNow, useTimeZone, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Input } from '@/components/ui/input';
import { boundDay, dayBound } from './day-range';

/** A date input that applies on Enter or when it loses focus, not on every key (a half-typed year is not a filter). */
function DayInput({ current, onCommit, ...props }: { current: string; onCommit: (day: string | undefined) => void } & React.ComponentProps<typeof Input>) {
  const [draft, setDraft] = useState(current);
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    setDraft(current);
  }
  const commit = (value = draft) => value !== current && onCommit(value || undefined);
  return (
    <Input
      {...props}
      type="date"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => commit()}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** A time zone's name in `locale` on `at` (its offset can change with the season). */
export function zoneNameOf(locale: string, timeZone: string, style: 'short' | 'long', at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/**
 * "When" from / to as whole days of the operator's time zone (the request's): "from" sends that day's first
 * instant and "to" its last, each with the zone's offset, as `f.at.min` / `f.at.max`. The log's
 * own control, so the meaning of its time filter does not depend on the generic filter bar.
 */
export function AuditTimeRange({
  value,
  onChange,
}: {
  value: (key: string) => string | undefined;
  onChange: (changes: Record<string, string | undefined>) => void;
}) {
  const t = useTranslations('audit');
  // The operator's zone (the request's: their own, else the browser's), the one the log's times are shown in.
  const zone = useTimeZone() ?? 'UTC';
  const locale = useLocale();
  const now = useNow();
  // The zone as the log's times name it ("GMT+13", "UTC"), and in full in the operator's language ("한국 표준시").
  const zoneName = (style: 'short' | 'long') => zoneNameOf(locale, zone, style, now);
  const bound = (end: 'min' | 'max') => (day: string | undefined) => onChange({ [`f.at.${end}`]: day ? dayBound(day, end, zone) : undefined });
  return (
    <fieldset className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground" data-testid="audit-time-range">
      <legend className="sr-only">{t('whenLegend', { zone: zoneName('short') })}</legend>
      <span aria-hidden="true" className="whitespace-nowrap">
        {t('when')}
      </span>
      <DayInput aria-label={t('whenFrom')} className="w-40" current={boundDay(value('f.at.min'))} onCommit={bound('min')} data-testid="audit-time-from" />
      <span aria-hidden="true">–</span>
      <DayInput aria-label={t('whenTo')} className="w-40" current={boundDay(value('f.at.max'))} onCommit={bound('max')} data-testid="audit-time-to" />
      <span className="text-xs whitespace-nowrap" data-testid="audit-time-zone" data-zone={zone} title={t('zoneTitle', { name: zoneName('long') })}>
        {zoneName('short')}
      </span>
    </fieldset>
  );
}
