/**
 * The value model's field errors in English (engine/values, the input schema): what a form, the
 * JSON API and a list filter say about a value that cannot be stored. Their own file because
 * the browser runs these parsers too (engine/i18n/words.ts): only this part of the catalogs
 * reaches a page.
 */
const values = {
  required: 'Required.',
  nul: 'Text cannot contain the NUL character (\\0): PostgreSQL does not store it.',
  loneSurrogate: 'Text contains a broken character (half of a UTF-16 pair), which would be stored as �.',
  tooLong: 'At most {limit} characters.',
  notEmail: 'Not an email address.',
  notUuid: 'Not a UUID.',
  oneOf: 'One of: {options}.',
  computed: 'This field is computed from the others: it cannot be written.',
  notWritable: 'This field cannot be written.',
  notWhole: '"{raw}" is not a whole number (digits, with a minus sign if negative).',
  notCents: '"{raw}" is not a whole number of cents (digits, with a minus sign if negative).',
  outsideRange: '{raw} is outside {min} to {max}.',
  notNumber: '"{raw}" is not a number (like 12, -3.5 or 1.2e-7).',
  tooManyDigits: 'Too large for this column: at most {limit} {limit, plural, one {digit} other {digits}} before the decimal point.',
  tooManyDigitsKeeps:
    'Too large for this column: at most {limit} {limit, plural, one {digit} other {digits}} before the decimal point (it keeps {scale} {scale, plural, one {decimal} other {decimals}}).',
  belowPower: 'Too large for this column: it holds numbers below 1e{limit}.',
  noInfinity: 'This column cannot hold infinity: it has a fixed number of digits.',
  notDateTime: '"{raw}" is not a date and time like 2025-01-31T12:00:00Z (ISO 8601; up to 6 fractional digits; an offset such as +02:00 or Z), or infinity.',
  notTimestamp: '"{raw}" is not a date and time like 2025-01-31 12:00:00 (up to 6 fractional digits, no time zone), or infinity.',
  notDate: '"{raw}" is not a date like 2025-01-31.',
  notCalendarDay: '"{raw}" is not a day of the calendar.',
  outsideDates: '"{raw}" is outside the dates PostgreSQL holds (4713 BC to 294276 AD).',
  notTimeOfDay: '"{raw}" is not a time of day (00:00:00 to 23:59:59).',
  offsetRange: '"{raw}" has an offset outside -15:59 to +15:59.',
  hasTimeZone: '"{raw}" has a time zone ({offset}), but this column holds a date and time without one: type the wall-clock time alone.',
  notJson: 'Not valid JSON.',
  notJsonArray: 'Not a JSON array: write items as ["a", null, "b"], or one item per line.',
  arrayItems: 'Each item must be a JSON string or null (quote numbers: ["1", "2"]), or an array of such items.',
  arrayRectangular: 'Nested arrays must all have the same length (PostgreSQL arrays are rectangular).',
  notBytes: 'Not bytes: expected hex like \\x0a1b (two digits per byte), or upload a file.',
  bytesTooLarge: 'Too large: {size}; at most {max} can be saved from a form.',
};

export type ValueRefusals = typeof values;
export default values;
