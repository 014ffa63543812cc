/**
 * Money columns hold whole minor units (cents); operators type what the list shows (euros, or
 * won, which has no minor unit). Converted as text, digit for digit: no float ever holds an
 * amount, so 0.29 € is 29 cents, not 28.999….
 */

/** How many minor-unit digits a currency has, as Intl knows it: EUR 2, KRW 0, JPY 0, BHD 3 (the currency's, the same in every language: 'und' only reads the data). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('und', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // an unknown code: the list shows cents as hundredths
  }
}

/** Why a typed amount was refused, for the control to say in the reader's language (list catalog: notAmount, noMinorUnit, tooManyDecimals). */
export type AmountProblem =
  { problem: 'notAmount'; text: string } | { problem: 'noMinorUnit'; currency: string } | { problem: 'tooManyDecimals'; currency: string; digits: number };

/** "10.5" (EUR) → "1050"; "-3" → "-300"; refuses more decimals than the currency has, and anything not a plain amount. */
export function unitsToMinor(text: string, currency: string): { ok: true; value: string } | ({ ok: false } & AmountProblem) {
  const digits = minorDigits(currency);
  const match = /^(-?)(\d{1,16})(?:\.(\d*))?$/.exec(text.trim().replace(/[,_\s]/g, ''));
  if (!match) return { ok: false, problem: 'notAmount', text };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits)
    return digits === 0 ? { ok: false, problem: 'noMinorUnit', currency } : { ok: false, problem: 'tooManyDecimals', currency, digits };
  const minor = BigInt(`${whole}${fraction.padEnd(digits, '0')}`);
  return { ok: true, value: `${sign && minor !== 0n ? '-' : ''}${minor}` };
}

/** "1050" (EUR) → "10.50"; "-5" → "-0.05"; "1050" (KRW) → "1050". The inverse of unitsToMinor. */
export function minorToUnits(minor: string, currency: string): string {
  const digits = minorDigits(currency);
  const match = /^(-?)(\d+)$/.exec(minor);
  if (!match) return minor;
  const [, sign, abs] = match;
  if (digits === 0) return `${sign}${BigInt(abs!)}`;
  const padded = abs!.padStart(digits + 1, '0');
  return `${sign}${BigInt(padded.slice(0, -digits))}.${padded.slice(-digits)}`;
}
