/**
 * Numbers as operators type them and PostgreSQL stores them. Only plain decimal text is
 * accepted: JavaScript's Number() would also take "0x41" (65), "  " (0), "1e3" for an integer
 * and "+5", and round 19 digits; none of those means one thing to the person who typed it.
 */
import { words } from '../i18n/words';

export type NumberParse = { ok: true; value: string } | { ok: false; message: string };

const WHOLE = /^-?\d+$/;
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Longer than any numeric PostgreSQL prints (131072 digits before the point is its limit, but no one types that). */
const MAX_LENGTH = 1000;

/** The bounds of PostgreSQL's integer types, as text compared through BigInt (exact at any size). */
export const INTEGER_RANGES = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
} as const;

/** A whole number within [min, max]: decimal digits, an optional minus, nothing else. The text is kept (int8 does not fit a JS number). */
export function parseWholeNumber(raw: string, [min, max]: readonly [bigint, bigint], unit: 'whole' | 'cents' = 'whole'): NumberParse {
  if (!WHOLE.test(raw) || raw.length > 40) return { ok: false, message: words(unit === 'cents' ? 'values.notCents' : 'values.notWhole', { raw: clip(raw) }) };
  const value = BigInt(raw);
  if (value < min || value > max) return { ok: false, message: words('values.outsideRange', { raw: clip(raw), min: String(min), max: String(max) }) };
  return { ok: true, value: value.toString() }; // "-0" and "007" as PostgreSQL would store them
}

/**
 * A decimal number for numeric, real or double precision: digits with an optional fraction and
 * exponent, or NaN / Infinity / -Infinity as PostgreSQL spells them. The text goes to the
 * database as typed, which stores it exactly (numeric) or as its nearest float.
 */
export function parseDecimal(raw: string): NumberParse {
  if (raw === 'NaN' || raw === 'Infinity' || raw === '-Infinity') return { ok: true, value: raw };
  if (raw.length > MAX_LENGTH || !DECIMAL.test(raw)) return { ok: false, message: words('values.notNumber', { raw: clip(raw) }) };
  return { ok: true, value: raw };
}

function clip(raw: string): string {
  return raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
}

/**
 * Whether a decimal (as parseDecimal accepts it) fits numeric(precision, scale) the way
 * PostgreSQL decides it: rounded half away from zero to `scale` decimals, its absolute value
 * must be below 10^(precision − scale). Exact (BigInt), whatever the exponent; any scale
 * PostgreSQL allows (negative, or above the precision, since 15). NaN fits; infinity does not.
 */
export function fitsNumeric(raw: string, precision: number, scale: number): NumberParse {
  const limit = precision - scale;
  const tooLarge = (): NumberParse => ({
    ok: false,
    message:
      limit > 0
        ? scale > 0
          ? words('values.tooManyDigitsKeeps', { limit, scale })
          : words('values.tooManyDigits', { limit })
        : words('values.belowPower', { limit: String(limit) }),
  });
  if (raw === 'NaN') return { ok: true, value: raw };
  if (raw === 'Infinity' || raw === '-Infinity') return { ok: false, message: words('values.noInfinity') };
  const match = /^-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (!match) return { ok: true, value: raw }; // not a decimal: parseDecimal says so
  const digits = `${match[1]}${match[2] ?? ''}`.replace(/^0+/, '');
  if (digits === '') return { ok: true, value: raw };
  // value = digits × 10^shift; scaled to whole units of the last kept decimal: digits × 10^(shift + scale).
  const shift = Number(match[3] ?? 0) - (match[2] ?? '').length + scale;
  if (digits.length + shift > precision + 1) return tooLarge(); // more digits than fit, before any rounding
  if (digits.length + shift < 0) return { ok: true, value: raw }; // below half a unit: rounds to 0
  const units = shift >= 0 ? BigInt(digits) * 10n ** BigInt(shift) : (BigInt(digits) + 5n * 10n ** BigInt(-shift - 1)) / 10n ** BigInt(-shift);
  return units < 10n ** BigInt(precision) ? { ok: true, value: raw } : tooLarge();
}
