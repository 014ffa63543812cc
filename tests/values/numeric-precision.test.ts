import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitsNumeric, parseDecimal } from '../../src/engine/values/numbers';
import { adminQuery, createTestDatabase, type TestDatabase } from '../support/databases';

/**
 * fitsNumeric decides what numeric(precision, scale) accepts before the database is asked;
 * PostgreSQL itself is the judge here: every generated case is also cast by the server, and
 * both must agree (rounding half away from zero, exponents, negative scales, NaN, infinity).
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('numeric_fits');
  await adminQuery(
    `CREATE FUNCTION fits(t text, p int, s int) RETURNS bool LANGUAGE plpgsql AS $$
     BEGIN EXECUTE format('SELECT %L::numeric(%s,%s)', t, p, s); RETURN true;
     EXCEPTION WHEN numeric_value_out_of_range THEN RETURN false; END $$`,
    [],
    db.url,
  );
});
afterAll(async () => {
  await db?.drop();
});

/** Decimals as operators type them: near the limits, with fractions to round, with exponents. */
const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^[0-9]{0,9}$/),
    fc.option(fc.stringMatching(/^[0-9]{0,6}$/), { nil: undefined }),
    fc.option(fc.integer({ min: -12, max: 12 }), { nil: undefined }),
  )
  .map(
    ([minus, whole, fraction, exponent]) =>
      `${minus ? '-' : ''}${whole || '0'}${fraction !== undefined ? `.${fraction}` : ''}${exponent !== undefined ? `e${exponent}` : ''}`,
  )
  .filter((t) => parseDecimal(t).ok);
const edges = fc.constantFrom(
  '9999.995',
  '9999.994',
  '-9999.995',
  '0.005',
  '0.0049',
  '99.5',
  '999999',
  '1e4',
  '9.9999e3',
  'NaN',
  'Infinity',
  '-Infinity',
  '0',
  '-0',
);

describe('numeric(precision, scale) limits', () => {
  it('agrees with PostgreSQL on which values fit, for any precision and scale', async () => {
    const cases = fc.sample(fc.tuple(fc.oneof(decimalText, edges), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -3, max: 14 })), {
      numRuns: 1500,
      seed: 20261202,
    });
    const judged = await adminQuery<{ ok: boolean }>(
      'SELECT fits(t, p, s) AS ok FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS c(t, p, s, n) ORDER BY n',
      [cases.map((c) => c[0]), cases.map((c) => c[1]), cases.map((c) => c[2])],
      db.url,
    );
    const disagreements = cases.filter(([text, p, s], i) => fitsNumeric(text, p, s).ok !== judged[i]!.ok);
    expect(disagreements).toEqual([]);
    // The sample reaches both answers, so agreeing means something.
    expect(new Set(judged.map((j) => j.ok))).toEqual(new Set([true, false]));
  });

  it('says what fits, in words an operator can act on', () => {
    expect(fitsNumeric('10000', 6, 2)).toEqual({
      ok: false,
      message: 'Too large for this column: at most 4 digits before the decimal point (it keeps 2 decimals).',
    });
    expect(fitsNumeric('12', 1, 0)).toEqual({ ok: false, message: 'Too large for this column: at most 1 digit before the decimal point.' });
    expect(fitsNumeric('1', 2, 3)).toEqual({ ok: false, message: 'Too large for this column: it holds numbers below 1e-1.' });
    expect(fitsNumeric('Infinity', 6, 2)).toEqual({ ok: false, message: 'This column cannot hold infinity: it has a fixed number of digits.' });
    expect(fitsNumeric('1e999999999', 6, 2).ok).toBe(false);
    expect(fitsNumeric('1e-999999999', 6, 2)).toEqual({ ok: true, value: '1e-999999999' });
  });
});

describe('numeric[] from a domain pool', () => {
  it('keeps every digit of each element (pg would parse them as floats)', async () => {
    const { exactTypes } = await import('../../src/engine/db/exact-types');
    const parse = exactTypes.getTypeParser(1231) as (text: string) => unknown;
    const [row] = await adminQuery<{ a: string }>(`SELECT ARRAY['12345678901234567890.0123456789', NULL, 'NaN', '-0.10']::numeric[]::text AS a`, [], db.url);
    expect(parse(row!.a)).toEqual(['12345678901234567890.0123456789', null, 'NaN', '-0.10']);
  });
});
