import type { RelatedResource, ResolvedColumn } from '@admin-hub/engine/resources/types';
import { minorToUnits } from './money';

/** What a filter parameter is called in the URL, per column: `f.status`, `f.total.min`, `f.note.null`. */
export function filterKeys(column: ResolvedColumn): string[] {
  const key = `f.${column.name}`;
  return [key, `${key}.min`, `${key}.max`, `${key}.null`];
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A bound as the operator reads it: an amount in the currency's units, a day (never a raw ISO instant). */
export function boundText(column: ResolvedColumn, raw: string): string {
  if (column.type === 'money_cents') return `${minorToUnits(raw, column.currency ?? 'EUR')} ${column.currency ?? 'EUR'}`;
  if ((column.type === 'date' || column.type === 'datetime' || column.type === 'timestamp') && /^\d{4}-\d{2}-\d{2}/.test(raw)) {
    const date = new Date(`${raw.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? raw.slice(0, 10) : day.format(date);
  }
  return raw;
}

/**
 * The words on a filter's chip: "Status: paid", "Total: 10.00 EUR – 20.00 EUR", "Created: from
 * 1 Nov 2026", "Customer: Maja Murphy". `label` names the referenced row of a foreign-key filter.
 */
export function chipText(column: ResolvedColumn, value: (key: string) => string | undefined, label?: string): { text: string; active: boolean } {
  const key = `f.${column.name}`;
  const equals = value(key);
  const min = value(`${key}.min`);
  const max = value(`${key}.max`);
  const isNull = value(`${key}.null`);
  if (isNull !== undefined) return { text: `${column.label}: ${isNull === 'true' ? 'empty' : 'not empty'}`, active: true };
  if (equals !== undefined) {
    const shown = column.references
      ? (label ?? `#${equals}`)
      : column.filter === 'boolean'
        ? equals === 'true'
          ? 'yes'
          : 'no'
        : column.filter === 'oneOf'
          ? equals.split(',').join(', ')
          : boundText(column, equals);
    return { text: `${column.label}: ${shown}`, active: true };
  }
  if (min !== undefined && max !== undefined) return { text: `${column.label}: ${boundText(column, min)} – ${boundText(column, max)}`, active: true };
  if (min !== undefined) return { text: `${column.label}: from ${boundText(column, min)}`, active: true };
  if (max !== undefined) return { text: `${column.label}: until ${boundText(column, max)}`, active: true };
  return { text: column.label, active: false };
}

/** "Orders: some", "Orders: none", or just "Orders" when the filter is not set. */
export function relatedChipText(related: RelatedResource, value: (key: string) => string | undefined): { text: string; active: boolean } {
  const set = value(`has.${related.key}`);
  if (set === undefined) return { text: related.title, active: false };
  return { text: `${related.title}: ${set === 'true' ? 'some' : 'none'}`, active: true };
}
