import type { useFormatter } from 'next-intl';

/** next-intl's formatter (useFormatter() in components, getFormatter() on the server): the request's locale and time zone. */
export type Formatter = ReturnType<typeof useFormatter>;

type NumberOptions = Parameters<Formatter['number']>[2];

const DECIMAL = /^-?\d+(\.\d+)?$/;
const CURRENCY = /^[a-z]{3}$/i;

/**
 * A number as Intl can format it without losing a digit: a finite JS number as it is, or the
 * database's decimal text (int8, numeric) as text. Intl.NumberFormat reads a string as an exact
 * decimal (ES2023), so "12345678901234567.89" keeps every digit; a JS number would round it.
 * Anything else (NaN, Infinity, text that is not a plain decimal): undefined.
 */
export function exactDecimal(value: unknown): number | string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  return undefined;
}

/** Whole cents as the amount they mean, by moving the decimal point in the text: "1999" → "19.99", "-5" → "-0.05". */
export function centsToAmount(cents: number | string): number | string {
  const text = typeof cents === 'number' ? (Number.isSafeInteger(cents) ? String(cents) : undefined) : cents;
  const match = text === undefined ? null : /^(-?)(\d+)$/.exec(text);
  if (!match) return Number(cents) / 100;
  const digits = match[2]!.padStart(3, '0');
  return `${match[1]}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * A decimal (exactDecimal's) through next-intl's number format, in the request's locale. The
 * formatter hands the value straight to Intl.NumberFormat#format, which takes decimal text
 * exactly; its type only names numbers, hence the cast.
 */
export function formatDecimal(format: Formatter, value: number | string, options?: NumberOptions): string {
  return format.number(value as number, options);
}

/**
 * An amount of money in the locale's way with the currency's own minor units (KRW none, EUR
 * two), exactly; undefined for a currency code Intl would refuse.
 */
export function formatMoney(format: Formatter, amount: number | string, currency: string): string | undefined {
  if (!CURRENCY.test(currency)) return undefined;
  return formatDecimal(format, amount, { style: 'currency', currency: currency.toUpperCase() });
}
