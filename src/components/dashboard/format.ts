import type { NumberFormat, WidgetCell } from '@admin-hub/engine/dashboard/types';

/**
 * Formatting shared by the server-rendered cards and the client widgets. Fixed locale and
 * UTC, so the server's HTML and the browser's hydration always agree.
 */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const currencies = new Map<string, Intl.NumberFormat>();
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fullDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function currency(code: string, compactForm = false): Intl.NumberFormat {
  const key = `${code}:${compactForm}`;
  let f = currencies.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, ...(compactForm ? { notation: 'compact', maximumFractionDigits: 1 } : {}) });
    currencies.set(key, f);
  }
  return f;
}

/** A cell as a number, or null when it is not one (int8 and numeric arrive as text). */
export function toNumber(value: WidgetCell | undefined): number | null {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function formatNumber(value: number, format: NumberFormat = 'decimal'): string {
  if (format === 'integer') return integer.format(value);
  if (format === 'percent') return percent.format(value);
  if (typeof format === 'object') return currency(format.currency).format(value);
  return decimal.format(value);
}

/** Short form for axis ticks: 12.5K, €1.2M. */
export function formatCompact(value: number, format: NumberFormat = 'decimal'): string {
  if (typeof format === 'object') return currency(format.currency, true).format(value);
  if (format === 'percent') return percent.format(value);
  return compact.format(value);
}

export function formatCell(value: WidgetCell | undefined, format?: NumberFormat): string {
  if (value === null || value === undefined) return '—';
  if (format) {
    const n = toNumber(value);
    if (n !== null) return formatNumber(n, format);
  }
  return String(value);
}

export const formatInteger = (n: number) => integer.format(n);
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** Chart x values: a day or timestamp as "26 Nov", anything else as it is. */
export function formatX(value: unknown, long = false): string {
  if (typeof value === 'string' && (DAY.test(value) || ISO_TIME.test(value))) {
    const date = new Date(DAY.test(value) ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(date.getTime())) return (long ? fullDay : dayMonth).format(date);
  }
  return String(value ?? '');
}

const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** 1,536 → "1.5 kB" (powers of 1024, like pg_size_pretty). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${integer.format(value)} bytes` : `${value >= 100 ? integer.format(value) : decimal.format(Math.round(value * 10) / 10)} ${UNITS[unit]}`;
}

/** The change from `previous` to `value` as a fraction, or null when there is nothing to compare. */
export function change(value: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}
