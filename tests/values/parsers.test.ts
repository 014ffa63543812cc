import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime, parseTimestamp, timestamptzFromPg } from '../../src/engine/values/datetime';
import { bytesToHex, byteLength, hexToBytes, MAX_FORM_BYTES, parseHexBytes } from '../../src/engine/values/bytes';
import { parseJsonText } from '../../src/engine/values/json';
import { INTEGER_RANGES, parseDecimal, parseWholeNumber } from '../../src/engine/values/numbers';

/** Property tests of the value model's parsers on their own (the database round trips are in round-trip.test.ts). */

const WHOLE = /^-?\d+$/;

describe('whole numbers', () => {
  it('accepts every integer in range as its canonical text, and refuses one past either end', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INTEGER_RANGES.bigint[0], max: INTEGER_RANGES.bigint[1] }), (n) => {
        expect(parseWholeNumber(n.toString(), INTEGER_RANGES.bigint)).toEqual({ ok: true, value: n.toString() });
      }),
    );
    expect(parseWholeNumber('9223372036854775808', INTEGER_RANGES.bigint).ok).toBe(false);
    expect(parseWholeNumber('-2147483649', INTEGER_RANGES.integer).ok).toBe(false);
    expect(parseWholeNumber('2147483647', INTEGER_RANGES.integer)).toEqual({ ok: true, value: '2147483647' });
  });

  it('refuses anything but decimal digits: hex, blanks, exponents, plus signs, padding', () => {
    for (const junk of ['0x41', '', '   ', ' 12 ', '1e3', '+5', '1.0', '١٢', '12abc', '--1', '$1']) {
      const parsed = parseWholeNumber(junk, INTEGER_RANGES.integer);
      expect(parsed.ok, junk).toBe(false);
      expect(!parsed.ok && parsed.message).toMatch(/is not a whole number/);
    }
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !WHOLE.test(s)),
        (s) => !parseWholeNumber(s, INTEGER_RANGES.bigint).ok,
      ),
    );
  });
});

describe('decimals', () => {
  it('keeps any number of digits as typed, and refuses what is not a number', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^\d{1,60}$/), fc.stringMatching(/^\d{0,40}$/), (negative, whole, fraction) => {
        const text = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
        expect(parseDecimal(text)).toEqual({ ok: true, value: text });
      }),
    );
    for (const ok of ['1e-07', '-1.5E+300', '.5', 'NaN', 'Infinity', '-Infinity']) expect(parseDecimal(ok).ok, ok).toBe(true);
    for (const junk of ['', ' 1', '1 ', '0x1', 'nan', 'inf', '1,5', '1.2.3', 'e5']) expect(parseDecimal(junk).ok, junk).toBe(false);
  });
});

/** A real calendar date-time with microseconds and an offset, as ISO text. */
const dateTime = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    micro: fc.integer({ min: 0, max: 999_999 }),
    offset: fc.constantFrom('Z', '+00:00', '+09:00', '-03:30', '+05:45', '-12:00'),
  })
  .filter(
    ({ year, month, day }) =>
      day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() && !(month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))),
  )
  .map((d) => {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${p(d.year, 4)}-${p(d.month)}-${p(d.day)}T${p(d.hour)}:${p(d.minute)}:${p(d.second)}.${p(d.micro, 6)}${d.offset}`;
  });

describe('dates and date-times', () => {
  it('accepts every real calendar instant with microseconds and an offset, unchanged', () => {
    fc.assert(
      fc.property(dateTime, (text) => {
        expect(parseDateTime(text)).toEqual({ ok: true, value: text });
      }),
    );
  });

  it('refuses days the calendar does not have and junk a JS Date would have turned into some day', () => {
    for (const junk of [
      '0',
      '1',
      '-1',
      '$1',
      ' 12 ',
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '0000-01-01',
      '2024-01-01T24:00:00Z',
      '2024-01-01T12:60Z',
      '2024-01-01T12:00:00.1234567Z',
      'now',
      'Infinity',
      '2024-01-01T12:00:00+16:00',
    ]) {
      expect(parseDateTime(junk).ok, junk).toBe(false);
    }
    expect(parseDate('2024-02-29').ok).toBe(true);
    expect(parseDate('2100-02-29').ok).toBe(false);
    expect(parseDate('2000-02-29').ok).toBe(true);
    expect(parseDate('4713-01-01 BC').ok).toBe(true);
    // Leap years before AD 1 as PostgreSQL counts them (1 BC is year 0): 1 BC and 5 BC are leap years, 244 BC is not.
    expect(parseDate('0001-02-29 BC').ok).toBe(true);
    expect(parseDate('0005-02-29 BC').ok).toBe(true);
    expect(parseDate('0244-02-29 BC').ok).toBe(false);
    expect(parseDateTime('0244-02-29T00:00:00Z BC').ok).toBe(false);
    expect(parseDate('4714-01-01 BC').ok).toBe(false);
    expect(parseDateTime('4714-12-31T00:00:00Z BC').ok).toBe(false);
  });

  it('takes a timestamp without time zone only without a zone (PostgreSQL would drop the offset and store another moment)', () => {
    fc.assert(
      fc.property(dateTime, (text) => {
        const wallClock = text.replace(/(Z|[+-]\d{2}(:?\d{2})?)$/, '');
        expect(parseTimestamp(wallClock)).toEqual({ ok: true, value: wallClock });
        expect(parseTimestamp(wallClock.replace('T', ' '))).toEqual({ ok: true, value: wallClock.replace('T', ' ') });
        if (wallClock !== text) expect(parseTimestamp(text)).toMatchObject({ ok: false, message: expect.stringMatching(/has a time zone/) });
      }),
    );
    expect(parseTimestamp('0044-03-15 12:00:00.5 BC').ok).toBe(true);
    expect(parseTimestamp('infinity').ok).toBe(true);
    expect(parseTimestamp('2024-02-30 10:00').ok).toBe(false);
  });

  it('turns PostgreSQL UTC text into ISO with every digit, and back into text PostgreSQL reads (checked in round-trip.test.ts)', () => {
    fc.assert(
      fc.property(dateTime, (iso) => {
        const pgText = `${iso.slice(0, 10)} ${iso.slice(11, 26).replace(/\.?0+$/, '')}+00`;
        const back = timestamptzFromPg(pgText);
        expect(back).toBe(`${pgText.slice(0, 10)}T${pgText.slice(11, -3)}Z`);
        expect(parseDateTime(back).ok).toBe(true);
      }),
    );
    expect(timestamptzFromPg('infinity')).toBe('infinity');
    expect(timestamptzFromPg('0044-03-15 12:00:00.5+00 BC')).toBe('0044-03-15T12:00:00.5Z BC');
  });
});

describe('JSON', () => {
  it('accepts any JSON value as its text, top-level scalars, arrays and null included', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJsonText(text)).toEqual({ ok: true, value: text });
      }),
    );
    for (const text of ['[1,2,3]', '"text"', 'null', '99999999999999999999999999', '[]']) expect(parseJsonText(text)).toEqual({ ok: true, value: text });
    for (const junk of ['', '{', "{'a':1}", 'undefined', 'NaN', '[1,]']) expect(parseJsonText(junk).ok, junk).toBe(false);
  });
});

describe('bytes', () => {
  it('turns any bytes into hex PostgreSQL reads back as the same bytes, and back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const hex = bytesToHex(bytes);
        expect(parseHexBytes(hex)).toEqual({ ok: true, value: hex });
        expect(byteLength(hex)).toBe(bytes.length);
        expect([...hexToBytes(hex)]).toEqual([...bytes]);
        expect(parseHexBytes(hex.toUpperCase().replace('\\X', '\\x'))).toEqual({ ok: true, value: hex });
      }),
    );
  });

  it('refuses what is not whole bytes of hex, and a value over the form limit, in words', () => {
    for (const junk of ['abc', '\\x0', '\\xzz', '0x0a', ' \\x0a', '\\x0a ']) expect(parseHexBytes(junk).ok, junk).toBe(false);
    expect(parseHexBytes(`\\x${'00'.repeat(MAX_FORM_BYTES)}`).ok).toBe(true);
    expect(parseHexBytes(`\\x${'00'.repeat(MAX_FORM_BYTES + 1)}`)).toEqual({
      ok: false,
      message: 'Too large: 384.0 KB; at most 384.0 KB can be saved from a form.',
    });
  });
});
