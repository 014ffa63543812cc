import { useFormatter, useTranslations } from 'next-intl';
import type { NumberFormat, WidgetCell } from '@admin-hub/engine/dashboard/types';
import { INSTANT_MINUTES } from '../ui/date-formats';

/**
 * Formatting shared by the server-rendered cards and the client widgets, in the operator's
 * language and time zone: next-intl's formatter (useFormatter / getFormatter) takes both from
 * the request, so the server's HTML and the browser's hydration agree.
 */
export type Formatter = ReturnType<typeof useFormatter>;
/** The dashboard's catalog words these formats need. */
export type FormatWords = (key: 'bytes', values: { count: number }) => string;

/** A cell as a number, or null when it is not one (int8 and numeric arrive as text). */
export function toNumber(value: WidgetCell | undefined): number | null {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The change from `previous` to `value` as a fraction, or null when there is nothing to compare. */
export function change(value: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;
const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB'];

/** A number the format takes as it came: a numeric text is formatted from its digits (Intl reads decimal strings exactly), not from a double. */
type Exact = number | string;
const asIntl = (value: Exact) => value as unknown as number;

type NumberOptions = NonNullable<Parameters<Formatter['number']>[2]>;

/** How a widget's number format reads; a currency keeps its own minor units (KRW none, EUR two). */
function numberOptions(kind: NumberFormat, compact = false): NumberOptions {
  const short: NumberOptions = compact ? { notation: 'compact', maximumFractionDigits: 1 } : {};
  if (typeof kind === 'object') return { style: 'currency', currency: kind.currency, ...short };
  if (kind === 'percent') return { style: 'percent', maximumFractionDigits: 1 };
  if (compact) return short;
  return { maximumFractionDigits: kind === 'integer' ? 0 : 2 };
}

/** The dashboard's formats bound to one formatter (the request's language and zone) and its words. */
export function dashboardFormat(format: Formatter, words: FormatWords) {
  const number = (value: Exact, kind: NumberFormat = 'decimal') => format.number(asIntl(value), numberOptions(kind));
  return {
    number,
    /** Short form for axis ticks: 12.5K, €1.2M, 1.3만. */
    compact: (value: number, kind: NumberFormat = 'decimal') => format.number(value, numberOptions(kind, true)),
    /** A change as a signed percentage: +25%, -3.1%, 0%. */
    signedPercent: (fraction: number) => format.number(fraction, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    /** A cell: formatted when its column says how and it is a number (numeric text keeps every digit), else as it is. */
    cell(value: WidgetCell | undefined, kind?: NumberFormat): string {
      if (value === null || value === undefined) return '—';
      if (kind) {
        if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return number(value.trim(), kind);
        const n = toNumber(value);
        if (n !== null) return number(n, kind);
      }
      return String(value);
    },
    integer: (n: number) => format.number(n, { maximumFractionDigits: 0 }),
    milliseconds: (ms: number) => format.number(ms, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }),
    /** An instant in the operator's zone, the zone named. */
    dateTime: (iso: string) => format.dateTime(new Date(iso), INSTANT_MINUTES),
    /** Chart x values: a day as that calendar day ("Mar 4"), a timestamp in the operator's zone, anything else as it is. */
    x(value: unknown, long = false): string {
      if (typeof value === 'string' && (DAY.test(value) || ISO_TIME.test(value))) {
        const day = DAY.test(value);
        const date = new Date(day ? `${value}T00:00:00Z` : value);
        if (!Number.isNaN(date.getTime()))
          return format.dateTime(date, {
            ...(long ? { weekday: 'short', year: 'numeric' } : {}),
            day: 'numeric',
            month: 'short',
            // A day is a calendar day, the same everywhere.
            ...(day ? { timeZone: 'UTC' } : {}),
          });
      }
      return String(value ?? '');
    },
    /** 1,536 → "1.5 kB" (powers of 1024, like pg_size_pretty). */
    bytes(bytes: number): string {
      let value = bytes;
      let unit = -1;
      while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit++;
      }
      if (unit < 0) return words('bytes', { count: bytes });
      const shown =
        value >= 100 ? format.number(value, { maximumFractionDigits: 0 }) : format.number(Math.round(value * 10) / 10, { maximumFractionDigits: 2 });
      return `${shown} ${UNITS[unit]}`;
    },
  };
}

export type DashboardFormat = ReturnType<typeof dashboardFormat>;

/** The dashboard's formats in the request's language and zone (client components and non-async server components). */
export function useDashboardFormat(): DashboardFormat {
  const t = useTranslations('dashboard');
  return dashboardFormat(useFormatter(), (key, values) => t(key, values));
}
