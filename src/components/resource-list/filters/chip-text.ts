import type { useFormatter, useTranslations } from 'next-intl';
import { optionLabel } from '@/components/renderers/option-label';
import type { RelatedResource, ResolvedColumn } from '@admin-hub/engine/resources/types';
import { minorToUnits } from './money';

/** The list's words (`useTranslations('list')`) and the request's formats (`useFormatter()`), for text built outside a component. */
export interface ListWords {
  t: ReturnType<typeof useTranslations<'list'>>;
  format: ReturnType<typeof useFormatter>;
}

/** What a filter parameter is called in the URL, per column: `f.status`, `f.total.min`, `f.note.null`. */
export function filterKeys(column: ResolvedColumn): string[] {
  const key = `f.${column.name}`;
  return [key, `${key}.min`, `${key}.max`, `${key}.null`];
}

/**
 * A bound as the operator reads it: an amount in the currency's units (digit for digit, as typed
 * in the control), a day in the reader's language (never a raw ISO instant). A bound is a
 * calendar day already (of the operator's zone), so it is formatted as that day, in UTC.
 */
export function boundText({ format }: ListWords, column: ResolvedColumn, raw: string): string {
  if (column.type === 'money_cents') return `${minorToUnits(raw, column.currency ?? 'EUR')} ${column.currency ?? 'EUR'}`;
  if ((column.type === 'date' || column.type === 'datetime' || column.type === 'timestamp') && /^\d{4}-\d{2}-\d{2}/.test(raw)) {
    const date = new Date(`${raw.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? raw.slice(0, 10) : format.dateTime(date, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }
  return raw;
}

/**
 * The words on a filter's chip: "Status: paid", "Total: 10.00 EUR – 20.00 EUR", "Created: from
 * Nov 1, 2026", "Customer: Maja Murphy". `label` names the referenced row of a foreign-key filter.
 */
export function chipText(
  words: ListWords,
  column: ResolvedColumn,
  value: (key: string) => string | undefined,
  label?: string,
): { text: string; active: boolean } {
  const { t } = words;
  const key = `f.${column.name}`;
  const equals = value(key);
  const min = value(`${key}.min`);
  const max = value(`${key}.max`);
  const isNull = value(`${key}.null`);
  if (isNull !== undefined) return { text: t(isNull === 'true' ? 'chipEmpty' : 'chipNotEmpty', { label: column.label }), active: true };
  if (equals !== undefined) {
    const shown = column.references
      ? (label ?? `#${equals}`)
      : column.filter === 'boolean'
        ? t(equals === 'true' ? 'yes' : 'no')
        : column.filter === 'oneOf'
          ? equals
              .split(',')
              .map((option) => optionLabel(column, option))
              .join(', ')
          : boundText(words, column, equals);
    return { text: t('chipValue', { label: column.label, value: shown }), active: true };
  }
  if (min !== undefined && max !== undefined)
    return { text: t('chipBetween', { label: column.label, min: boundText(words, column, min), max: boundText(words, column, max) }), active: true };
  if (min !== undefined) return { text: t('chipFrom', { label: column.label, min: boundText(words, column, min) }), active: true };
  if (max !== undefined) return { text: t('chipUntil', { label: column.label, max: boundText(words, column, max) }), active: true };
  return { text: column.label, active: false };
}

/** "Orders: some", "Orders: none", or just "Orders" when the filter is not set. */
export function relatedChipText({ t }: ListWords, related: RelatedResource, value: (key: string) => string | undefined): { text: string; active: boolean } {
  const set = value(`has.${related.key}`);
  if (set === undefined) return { text: related.title, active: false };
  return { text: t(set === 'true' ? 'relatedSome' : 'relatedNone', { title: related.title }), active: true };
}
