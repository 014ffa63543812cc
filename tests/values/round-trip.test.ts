import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { exportResource } from '../../src/engine/export/export-resource';
import { drain } from '../support/export';
import { listResource } from '../../src/engine/list/run-list';
import { RecordValidationError } from '../../src/engine/records/errors';
import { getRecord } from '../../src/engine/records/read-record';
import { createRecord, updateRecord } from '../../src/engine/records/write-record';
import { recordHistory, revertEntry } from '../../src/engine/audit/history';
import { resolveResource } from '../../src/engine/resources/define';
import { arrayFormText } from '../../src/engine/values/arrays';
import { bytesToHex } from '../../src/engine/values/bytes';
import { INTEGER_RANGES } from '../../src/engine/values/numbers';
import { blogOperator, blogDatabaseForFile } from '../support/engine';

/**
 * The value model through the engine's real paths on real PostgreSQL: a generated value of
 * each type is written through the form path (createRecord, the same schema the browser
 * runs), then read back through the list, the record page and both exports (JSON Lines, CSV), and
 * every one of them must equal what the database holds, compared in SQL. Any text at all
 * typed into a typed column is either stored as PostgreSQL reads that same text, or a field
 * error: never something else, never a 500.
 */

const domain = 'blog' as DomainName;
const admin = blogOperator('admin');

const zoo = resolveResource({
  domain: 'blog',
  name: 'zoo',
  table: 'zoo',
  title: 'Zoo',
  columns: [
    { name: 'id', type: 'bigint', readOnly: true, filter: 'equals' },
    { name: 'i', type: 'integer' },
    { name: 'b', type: 'bigint' },
    { name: 'n', type: 'number' },
    { name: 'f', type: 'number' },
    { name: 'd', type: 'date' },
    { name: 't', type: 'datetime' },
    { name: 'w', type: 'timestamp' },
    { name: 'j', type: 'json' },
    { name: 'y', type: 'bytes' },
    { name: 's', type: 'text' },
    { name: 'a', type: 'array' },
  ],
});
const COLUMNS = ['i', 'b', 'n', 'f', 'd', 't', 'w', 'j', 'y', 's', 'a'] as const;
const CASTS: Record<(typeof COLUMNS)[number], string> = {
  i: 'int',
  b: 'bigint',
  n: 'numeric',
  f: 'float8',
  d: 'date',
  t: 'timestamptz',
  w: 'timestamp',
  j: 'jsonb',
  y: 'bytea',
  s: 'text',
  a: 'text[]',
};

blogDatabaseForFile('round_trip', {
  settings: `ALTER DATABASE {db} SET TimeZone = 'America/St_Johns'`, // -03:30: any zone but UTC
  sql: 'CREATE TABLE zoo (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, i int, b bigint, n numeric, f float8, d date, t timestamptz, w timestamp, j jsonb, y bytea, s text, a text[])',
  hub: true,
});

const p = (n: number, w = 2) => String(n).padStart(w, '0');
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const day = fc
  .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31))
  .map(({ y, m, d }) => `${p(y, 4)}-${p(m)}-${p(d)}`);
const instant = fc
  .tuple(day, fc.integer({ min: 0, max: 86_399 }), fc.integer({ min: 0, max: 999_999 }), fc.constantFrom('Z', '+09:00', '-03:30', '+05:45', ' BC'))
  .map(([d, s, us, zone]) => `${d}T${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}.${p(us, 6)}${zone === ' BC' ? 'Z BC' : zone}`)
  // PostgreSQL's first year is 4713 BC, and before AD 1 its leap years are 1 BC, 5 BC… (year 0, -4… counted astronomically).
  .filter((text) => !text.endsWith(' BC') || (Number(text.slice(0, 4)) <= 4713 && (text.slice(5, 10) !== '02-29' || leap(1 - Number(text.slice(0, 4))))));
const row = fc.record({
  i: fc.integer({ min: -2147483648, max: 2147483647 }).map(String),
  b: fc.bigInt({ min: INTEGER_RANGES.bigint[0], max: INTEGER_RANGES.bigint[1] }).map(String),
  n: fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,40}$/), fc.stringMatching(/^\d{0,20}$/)).map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f ? `.${f}` : ''}`),
  f: fc.oneof(fc.double().map(String), fc.constantFrom('1e-07', '0.3333333333333333', '-0')),
  d: day,
  t: fc.oneof(instant, fc.constantFrom('infinity', '-infinity')),
  w: fc.oneof(
    instant.map((text) => text.replace(/(Z|[+-]\d{2}:\d{2})( BC)?$/, '$2').replace('T', ' ')),
    fc.constantFrom('infinity'),
  ),
  j: fc.oneof(fc.json(), fc.constantFrom('[1,2,3]', '"text"', 'null', '[]', '99999999999999999999999999')),
  y: fc.uint8Array({ maxLength: 300 }).map(bytesToHex),
  s: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `${s} עברית 𝄞 é`),
  // One dimension with NULL, empty and multi-line items, or two (rectangular): lines or JSON in the form.
  a: fc.oneof(
    fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constant(null), fc.constantFrom('', ' x ', 'a\nb', '[y', 'NULL')), { maxLength: 5 }),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([r, c]) =>
      fc.array(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constant(null)), { minLength: c, maxLength: c }), {
        minLength: r,
        maxLength: r,
      }),
    ),
  ) as fc.Arbitrary<unknown[]>,
});
type Generated = { [K in (typeof COLUMNS)[number]]: K extends 'a' ? unknown[] : string };
/** What the form sends for a generated row: the array as the form shows it (lines, or JSON when lines cannot hold it). */
const formInput = (r: Generated): Record<string, string> => ({ ...r, a: arrayFormText(r.a) });
const asArray = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v); // CSV writes an array as JSON

/** True when every column of row `id` equals the given texts read as the column's type (NULL = NULL counts as equal). */
async function equalsInSql(id: string, values: Record<string, unknown>): Promise<Record<string, boolean>> {
  const checks = COLUMNS.map((c, i) => `${c} IS NOT DISTINCT FROM $${i + 2}::${CASTS[c]} AS ${c}`).join(', ');
  const [result] = await query<Record<string, boolean>>('blog', `SELECT ${checks} FROM zoo WHERE id = $1`, [id, ...COLUMNS.map((c) => values[c])]);
  return result!;
}
const allTrue = Object.fromEntries(COLUMNS.map((c) => [c, true]));

/** A value as a page or the export carries it, back to text for the comparison (a page's JSON is its text already). */
const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
/**
 * The export embeds a json column as the JSON value itself, so JSON.parse of the line would
 * round its numbers: the column's text is cut from the line instead (`y`, the column after
 * it, is a JSON string, in which `,"y":` cannot occur unescaped).
 */
const exportedJsonText = (line: string) => line.slice(line.indexOf('"j":') + 4, line.lastIndexOf(',"y":'));

describe('every value round-trips through write, list, record page and export', () => {
  it('stores what was typed and shows exactly what the database holds', async () => {
    await fc.assert(
      fc.asyncProperty(row, async (input) => {
        const created = await createRecord(admin, domain, zoo, formInput(input));
        expect(await equalsInSql(created.id, input)).toEqual(allTrue);

        const cols = ['id', ...COLUMNS].join(','); // json is not a list column by default
        const listed = (await listResource(admin, domain, zoo, { 'f.id': created.id, cols })).rows[0]!;
        const record = (await getRecord(admin, domain, zoo, created.id)).row;
        const line = (await drain(await exportResource(admin, domain, zoo, { 'f.id': created.id, cols }, 'jsonl'))).trim();
        const exported = { ...(JSON.parse(line) as Record<string, unknown>), j: exportedJsonText(line) };
        const csv = await drain(await exportResource(admin, domain, zoo, { 'f.id': created.id, cols }, 'csv'));
        const csvRow = (parse(csv, { columns: true }) as Record<string, string>[])[0]!;
        // CSV neutralises formula-like cells of text columns with a leading ' (OWASP); the rest is exact.
        for (const c of ['s', 'j', 'a'] as const) if (/^'[=+\-@\t\r]/.test(csvRow[c]!)) csvRow[c] = csvRow[c]!.slice(1);
        for (const read of [listed, record, exported, csvRow] as Record<string, unknown>[]) {
          const texts = Object.fromEntries(COLUMNS.map((c) => [c, c === 'a' ? asArray(read[c]) : asText(read[c])]));
          expect(await equalsInSql(created.id, texts)).toEqual(allTrue);
        }
        // JSON null is a value, not SQL NULL, on every path.
        if (input.j.trim() === 'null') expect([listed.j, record.j, exported.j]).toEqual(['null', 'null', 'null']);
        // Microseconds and the BC era survive to the page.
        if (/\.\d*[1-9]\d*Z$/.test(input.t)) expect(String(listed.t)).toMatch(/\.\d{1,6}Z$/);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("keeps every value exact through an edit's audit diff and its revert", async () => {
    await fc.assert(
      fc.asyncProperty(row, row, async (first, second) => {
        const created = await createRecord(admin, domain, zoo, formInput(first));
        const { version } = await getRecord(admin, domain, zoo, created.id);
        await updateRecord(admin, domain, zoo, created.id, formInput(second), version!);
        expect(await equalsInSql(created.id, second)).toEqual(allTrue);

        // The diff names each changed column with its value before and after, as the database held them.
        const [entry] = await recordHistory(admin, zoo, created.id, 1);
        const { before = {}, after = {} } = entry!.changes ?? {};
        const side = (values: Record<string, unknown>, typed: Generated) =>
          Object.fromEntries(COLUMNS.map((c) => [c, !(c in values) ? typed[c] : c === 'a' ? values[c] : asText(values[c])]));
        expect(await equalsInSql(created.id, side(after, second))).toEqual(allTrue);

        // Reverting puts back exactly the values before the edit.
        await revertEntry(admin, domain, zoo, entry!.id);
        expect(await equalsInSql(created.id, first)).toEqual(allTrue);
        expect(await equalsInSql(created.id, side(before, first))).toEqual(allTrue);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('takes any text typed into a typed column as PostgreSQL reads it, or refuses it with a field error: never stored otherwise, never a 500', async () => {
    const typed = ['i', 'b', 'n', 'f', 'd', 't', 'w', 'j', 'y'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...typed),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.constantFrom('0x41', '   ', ' 12 ', '1e3', '$1', '-1', '2024-02-30', '24:00', 'NaN', 'Infinity', '1'.repeat(50), '{"a":"\\u0000"}', '\u0000'),
        ),
        async (column, text) => {
          let id: string | undefined;
          try {
            id = (await createRecord(admin, domain, zoo, { [column]: text })).id;
          } catch (error) {
            expect(error).toBeInstanceOf(RecordValidationError);
            const { fieldErrors, formError } = error as RecordValidationError;
            expect(fieldErrors[column] ?? formError).toBeTruthy();
            return;
          }
          if (text === '' || /^\s*$/.test(text)) return; // empty: "not given", the column's default (NULL)
          const [stored] = await query<{ same: boolean }>('blog', `SELECT ${column} IS NOT DISTINCT FROM $2::${CASTS[column]} AS same FROM zoo WHERE id = $1`, [
            id,
            text,
          ]);
          expect(stored!.same).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
