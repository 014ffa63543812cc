import { describe, expect, it } from 'vitest';
import { flushAuditSettlement } from '../../src/engine/audit/record';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { buildExportSql, exportResource } from '../../src/engine/export/export-resource';
import { buildCountSql, buildRowsSql } from '../../src/engine/list/build-sql';
import { ListQueryError } from '../../src/engine/list/errors';
import { parseListQuery } from '../../src/engine/list/list-query';
import { listResource } from '../../src/engine/list/run-list';
import { RecordValidationError } from '../../src/engine/records/errors';
import { getRecord } from '../../src/engine/records/read-record';
import { encodeRecordId } from '../../src/engine/records/record-id';
import { createRecord, updateRecord } from '../../src/engine/records/write-record';
import { computedSqlProblem } from '../../src/engine/resources/computed';
import { defineResource, resolveResource, toClientResource } from '../../src/engine/resources/define';
import type { Resource, ResourceDef } from '../../src/engine/resources/types';
import { blogDatabaseForFile, blogOperator, superadmin } from '../support/engine';
import { drain } from '../support/export';

/**
 * Computed (virtual) columns (ResourceDef.computed): a SQL expression from the definition, shown
 * in the list, the record page and exports with the exact-value model of its declared type,
 * sortable with exact keyset paging both ways (NULLs and ties included), filterable and
 * searchable when declared, never written and never in an audit entry's changes; the statement
 * carries the expression from the definition and every request value as a parameter.
 */

const domain = 'blog' as DomainName;
const BIG = '1152921504606846977'; // 2^60 + 1: no JS number holds it, nor its multiples

blogDatabaseForFile('computed_cols', {
  hub: true,
  sql: `CREATE TABLE lines (
      id int PRIMARY KEY,
      qty int,                 -- nullable: the computed total is NULL then
      unit_cents int8 NOT NULL,
      first_name text,
      last_name text,
      at timestamptz NOT NULL
    );
    INSERT INTO lines
    SELECT g,
           CASE WHEN g % 7 = 0 THEN NULL ELSE g % 4 END,
           CASE WHEN g % 5 = 0 THEN ${BIG} ELSE (g % 3) * 1000 END,
           CASE WHEN g % 9 = 0 THEN NULL ELSE (ARRAY['Ada', 'Alan', 'Grace'])[1 + g % 3] END,
           (ARRAY['Lovelace', 'Turing', 'Hopper', 'O''Brien'])[1 + g % 4],
           timestamptz '2025-03-01 12:00:00.000001+00' + (g % 6) * interval '1 microsecond'
      FROM generate_series(1, 97) g;`,
});

const linesDef = defineResource({
  domain: 'blog',
  name: 'lines',
  table: 'lines',
  title: 'Lines',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'qty', type: 'integer' },
    { name: 'unit_cents', type: 'bigint', nullable: false },
    { name: 'first_name', type: 'text' },
    { name: 'last_name', type: 'text' },
    { name: 'at', type: 'datetime', nullable: false },
  ],
  computed: {
    // numeric arithmetic, cast to int8 by its type: every digit past 2^53.
    line_total: { sql: 'qty::numeric * unit_cents', type: 'bigint', label: 'Line total', sortable: true, filter: 'range' },
    full_name: { sql: "first_name || ' ' || last_name", type: 'text', sortable: true, searchable: true },
    later: { sql: "at + interval '1 microsecond'", type: 'datetime', sortable: true, list: false },
    // Masked for viewers, like any column.
    secret_total: { sql: 'unit_cents * 2', type: 'bigint', mask: 'full', visibleFrom: 'editor', sortable: true },
  },
});
const lines = resolveResource(linesDef);

/** What PostgreSQL says the expressions are, by id. */
async function truth(): Promise<Map<string, { line_total: string | null; full_name: string | null; later: string; secret_total: string }>> {
  const rows = await query<{ id: number; line_total: string | null; full_name: string | null; later: string; secret_total: string }>(
    domain,
    `SELECT id, (qty::numeric * unit_cents)::text AS line_total, first_name || ' ' || last_name AS full_name,
            to_char((at + interval '1 microsecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS later, (unit_cents * 2)::text AS secret_total
       FROM lines`,
  );
  return new Map(rows.map((r) => [String(r.id), r]));
}

async function walk(resource: Resource, params: Record<string, string>): Promise<{ forward: string[]; backward: string[] }> {
  const options = { count: false, labels: false };
  let page = await listResource(superadmin, domain, resource, params, options);
  const forward = page.rows.map((r) => String(r.id));
  for (let pages = 1; page.next; pages++) {
    page = await listResource(superadmin, domain, resource, { ...params, after: page.next }, options);
    forward.push(...page.rows.map((r) => String(r.id)));
    if (pages > 100) throw new Error('paging does not end');
  }
  const backward = page.rows.map((r) => String(r.id));
  for (let pages = 1; page.previous; pages++) {
    page = await listResource(superadmin, domain, resource, { ...params, before: page.previous }, options);
    backward.unshift(...page.rows.map((r) => String(r.id)));
    if (pages > 100) throw new Error('paging back does not end');
  }
  return { forward, backward };
}

async function idsOrderedBy(orderBy: string, where = 'true'): Promise<string[]> {
  return (await query<{ k: string }>(domain, `SELECT id::text AS k FROM lines WHERE ${where} ORDER BY ${orderBy}`)).map((r) => r.k);
}

describe('computed columns in the list', () => {
  it('shows each computed value exactly, as its declared type says (int8 past 2^53 as text, microseconds)', async () => {
    const expected = await truth();
    const page = await listResource(superadmin, domain, lines, { size: '500', cols: 'id,line_total,full_name,later,secret_total' }, { count: false });
    expect(page.columns).toEqual(['id', 'line_total', 'full_name', 'later', 'secret_total']);
    expect(page.rows).toHaveLength(97);
    for (const row of page.rows) {
      const want = expected.get(String(row.id))!;
      expect(row.line_total).toBe(want.line_total);
      expect(row.full_name).toBe(want.full_name);
      expect(row.later).toBe(want.later);
      expect(row.secret_total).toBe(want.secret_total);
    }
    // 3 × (2^60 + 1): a JS number would have lost the last digits.
    expect(page.rows.find((r) => r.id === 15)!.line_total).toBe('3458764513820540931');
    expect(page.rows.find((r) => r.id === 7)!.line_total).toBeNull();
    // The default columns: the declared ones shown, then the computed ones the list shows.
    expect(parseListQuery(lines, {}).columns.map((c) => c.name)).toEqual([
      'id',
      'qty',
      'unit_cents',
      'first_name',
      'last_name',
      'at',
      'line_total',
      'full_name',
      'secret_total',
    ]);
  });

  it('sorts by a computed column and pages exactly to the end and back (NULLs, ties, both directions)', async () => {
    const cases: [string, string][] = [
      ['line_total', '(qty::numeric * unit_cents) ASC, id ASC'],
      ['-line_total', '(qty::numeric * unit_cents) DESC, id DESC'],
      ['full_name', "(first_name || ' ' || last_name) ASC, id ASC"],
      ['-later,line_total', "(at + interval '1 microsecond') DESC, (qty::numeric * unit_cents) ASC, id DESC"],
      ['-full_name,-line_total', "(first_name || ' ' || last_name) DESC, (qty::numeric * unit_cents) DESC, id DESC"],
      ['qty,-line_total', 'qty ASC, (qty::numeric * unit_cents) DESC, id ASC'],
    ];
    for (const [sort, orderBy] of cases) {
      const expected = await idsOrderedBy(orderBy);
      const { forward, backward } = await walk(lines, { sort, size: '6' });
      expect(forward, sort).toEqual(expected);
      expect(backward, sort).toEqual(expected);
    }
  });

  it('filters by range and by NULL on the expression, and searches a text-typed one', async () => {
    const min = BIG; // one unit of 2^60 + 1 and more
    const page = await listResource(superadmin, domain, lines, { 'f.line_total.min': min, sort: 'id', size: '500' }, { count: true });
    const expected = await idsOrderedBy('id', `qty::numeric * unit_cents >= ${BIG}`);
    expect(page.rows.map((r) => String(r.id))).toEqual(expected);
    expect(page.count.value).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(5);

    const ranged = await listResource(superadmin, domain, lines, { 'f.line_total.min': '1000', 'f.line_total.max': '3000', sort: 'id', size: '500' });
    expect(ranged.rows.map((r) => String(r.id))).toEqual(await idsOrderedBy('id', 'qty::numeric * unit_cents BETWEEN 1000 AND 3000'));

    const nulls = await listResource(superadmin, domain, lines, { 'f.line_total.null': 'true', sort: 'id', size: '500' });
    expect(nulls.rows.map((r) => String(r.id))).toEqual(await idsOrderedBy('id', 'qty IS NULL'));

    // "a turing" spans the two columns: only the expression holds it.
    const found = await listResource(superadmin, domain, lines, { q: 'a turing', sort: 'id', size: '500' });
    expect(found.rows.map((r) => String(r.id))).toEqual(await idsOrderedBy('id', "first_name || ' ' || last_name ILIKE '%a turing%'"));
    expect(found.rows.length).toBeGreaterThan(0);

    // Declared not filterable / not sortable: refused like any column.
    const refused = await listResource(superadmin, domain, lines, { 'f.full_name': 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ListQueryError);
    const bad = await listResource(superadmin, domain, lines, { 'f.line_total.min': '1; DROP TABLE lines' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ListQueryError);
  });

  it('masks a computed column like any other: shown as *** and not sortable for those below its role', async () => {
    const viewer = blogOperator('viewer');
    const page = await listResource(viewer, domain, lines, { cols: 'id,secret_total', sort: 'id', size: '3' }, { count: false });
    expect(page.rows.map((r) => r.secret_total)).toEqual(['***', '***', '***']);
    const refused = await listResource(viewer, domain, lines, { sort: 'secret_total' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ListQueryError);
    const editor = await listResource(blogOperator('editor'), domain, lines, { cols: 'id,secret_total', sort: 'id', size: '1' }, { count: false });
    expect(editor.rows[0]!.secret_total).toBe('2000');
  });

  it('puts the expression from the definition into the SQL, wrapped and cast, and every request value in a parameter', () => {
    const hostile = "') OR true; --";
    const listQuery = parseListQuery(lines, { q: hostile, 'f.line_total.min': '5', sort: '-line_total,full_name' });
    const sql = buildRowsSql(lines, listQuery);
    expect(sql.text).toContain('((qty::numeric * unit_cents)::int8) AS "line_total"');
    expect(sql.text).toContain('ORDER BY ((qty::numeric * unit_cents)::int8) DESC, ((first_name || \' \' || last_name)::text) ASC, "id" DESC');
    expect(sql.text).toContain("((first_name || ' ' || last_name)::text) ILIKE $");
    expect(sql.text).toContain('((qty::numeric * unit_cents)::int8) >= $');
    expect(sql.text).not.toContain(hostile);
    expect(sql.values).toContain(`%${hostile}%`);
    expect(sql.values).toContain('5');
    expect(buildCountSql(lines, listQuery).text).toContain('((qty::numeric * unit_cents)::int8) >= $');
    // A cursor's sort value goes back as a parameter too, compared with the expression.
    const page2 = parseListQuery(lines, { sort: 'line_total', after: Buffer.from(JSON.stringify(['99', '3'])).toString('base64url') });
    const next = buildRowsSql(lines, page2);
    expect(next.text).toMatch(/\(\(qty::numeric \* unit_cents\)::int8\) > \$1/);
    expect(next.values.slice(0, 2)).toEqual(['99', '3']);
    // The browser never receives the expression.
    const client = toClientResource(lines);
    expect(JSON.stringify(client)).not.toContain('qty::numeric');
    expect(client.columns.find((c) => c.name === 'line_total')).toMatchObject({ computed: true, readOnly: true, sql: undefined });
  });
});

describe('computed columns elsewhere', () => {
  it('exports them exactly, in the list’s order', async () => {
    const csv = await drain(await exportResource(superadmin, domain, lines, { cols: 'id,line_total,full_name', sort: '-line_total' }, 'csv'));
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0]).toBe('id,line_total,full_name');
    expect(rows.map((r) => r.split(',')[0]).slice(1)).toEqual(await idsOrderedBy('(qty::numeric * unit_cents) DESC, id DESC'));
    expect(csv).toContain("15,3458764513820540931,Ada O'Brien");
    expect(buildExportSql(lines, parseListQuery(lines, { cols: 'id,line_total' })).text).toContain('((qty::numeric * unit_cents)::int8) AS "line_total"');
  });

  it('shows them on the record page, read-only, with the row’s own version', async () => {
    const id = encodeRecordId(lines, { id: 15 });
    const record = await getRecord(superadmin, domain, lines, id);
    expect(record.row).toMatchObject({ id: 15, line_total: '3458764513820540931', full_name: "Ada O'Brien", secret_total: '2305843009213693954' });
    expect(record.row.later).toBe('2025-03-01T12:00:00.000005Z');
    expect(lines.columns.filter((c) => c.computed).every((c) => c.readOnly && !c.required)).toBe(true);
    const masked = await getRecord(blogOperator('viewer'), domain, lines, id);
    expect(masked.row.secret_total).toBe('***');
  });

  it('refuses a write that sends one, in words, and leaves it out of the audit entry', async () => {
    const created = await createRecord(superadmin, domain, lines, { id: 15, qty: 1, unit_cents: 1, at: '2025-01-01T00:00:00Z', line_total: '5' }).catch(
      (e: unknown) => e,
    );
    expect(created).toBeInstanceOf(RecordValidationError);
    expect((created as RecordValidationError).fieldErrors).toEqual({ line_total: 'This field is computed from the others: it cannot be written.' });

    const id = encodeRecordId(lines, { id: 22 }); // qty 2, 1000 cents, Alan Hopper
    const { version } = await getRecord(superadmin, domain, lines, id);
    const edit = await updateRecord(superadmin, domain, lines, id, { full_name: 'Someone Else' }, version!).catch((e: unknown) => e);
    expect(edit).toBeInstanceOf(RecordValidationError);

    const before = (await query<{ n: string }>('hub', 'SELECT coalesce(max(id), 0)::text AS n FROM hub_audit'))[0]!.n;
    const done = await updateRecord(superadmin, domain, lines, id, { first_name: 'Edsger', qty: 3 }, version!);
    expect(done.row).not.toHaveProperty('line_total');
    await flushAuditSettlement();
    const [entry] = await query<{ changes: { before: Record<string, unknown>; after: Record<string, unknown> } }>(
      'hub',
      'SELECT changes FROM hub_audit WHERE id > $1::bigint AND record_id IS NOT NULL ORDER BY id',
      [before],
    );
    expect(Object.keys(entry!.changes.after).sort()).toEqual(['first_name', 'qty']);
    expect(Object.keys(entry!.changes.before).sort()).toEqual(['first_name', 'qty']);
    const after = await getRecord(superadmin, domain, lines, id);
    expect(after.row).toMatchObject({ full_name: 'Edsger Hopper', line_total: '3000' });
  });
});

describe('computed column definitions', () => {
  type Def = Parameters<typeof resolveResource>[0];
  const base: Def = {
    domain: 'blog',
    name: 'x',
    table: 'x',
    title: 'X',
    columns: [
      { name: 'id', type: 'integer' },
      { name: 'a', type: 'text' },
    ],
  };
  const failure = (computed: ResourceDef<string>['computed'], extra: Partial<Def> = {}) => {
    try {
      resolveResource({ ...base, ...extra, computed } as Def);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('refuses what would change the statement, or a column it cannot be', () => {
    expect(failure({ b: { sql: 'a -- comment', type: 'text' } })).toMatch(/comment/);
    expect(failure({ b: { sql: 'a /* c */', type: 'text' } })).toMatch(/comment/);
    expect(failure({ b: { sql: 'a; DELETE FROM x', type: 'text' } })).toMatch(/`;`/);
    expect(failure({ b: { sql: 'a || $1', type: 'text' } })).toMatch(/no parameters/);
    expect(failure({ b: { sql: '$$x$$', type: 'text' } })).toMatch(/dollar/);
    expect(failure({ b: { sql: 'a) OR (true', type: 'text' } })).toMatch(/without its `\(`/);
    expect(failure({ b: { sql: 'lower(a', type: 'text' } })).toMatch(/without its `\)`/);
    expect(failure({ b: { sql: "a || 'x", type: 'text' } })).toMatch(/unterminated string/);
    expect(failure({ b: { sql: "E'\\''", type: 'text' } })).toMatch(/E'/);
    expect(failure({ b: { sql: '  ', type: 'text' } })).toMatch(/needs `sql`/);
    expect(failure({ a: { sql: 'a', type: 'text' } })).toMatch(/name of a declared column/);
    expect(failure({ __k0: { sql: 'a', type: 'text' } })).toMatch(/letters, digits/);
    expect(failure({ b: { sql: 'id * 2', type: 'integer', searchable: true } })).toMatch(/searchable only with a text type/);
    expect(failure({ b: { sql: 'a', type: 'text', secret: true } as never })).toMatch(/cannot be secret/);
    expect(failure({ b: { sql: 'a', type: 'enum' } })).toMatch(/options/);
    // Never a key, a soft-delete marker or a record label; a default sort only when sortable.
    expect(failure({ b: { sql: 'a', type: 'text' } }, { primaryKey: ['b'] })).toMatch(/primary key column "b"/);
    expect(failure({ b: { sql: 'now()', type: 'datetime' } }, { softDelete: 'b' })).toMatch(/soft-delete column "b"/);
    expect(failure({ b: { sql: 'a', type: 'text' } }, { recordLabel: 'b' })).toMatch(/recordLabel/);
    expect(failure({ b: { sql: 'a', type: 'text' } }, { defaultSort: { column: 'b', direction: 'asc' } })).toMatch(/not a sortable/);
    expect(failure({ b: { sql: 'a', type: 'text', sortable: true } }, { defaultSort: { column: 'b', direction: 'asc' } })).toBeUndefined();
    // Renderers and help text resolve as for declared columns.
    const rendered = resolveResource({
      ...base,
      computed: { b: { sql: 'a', type: 'text', cell: { kind: 'badge', tones: { a: 'success' } }, help: ' From a. ' } },
    } as Def);
    expect(rendered.columns.find((c) => c.name === 'b')).toMatchObject({
      cell: { kind: 'badge', options: { tones: { a: 'success' } } },
      help: 'From a.',
      input: undefined,
    });
    expect(failure({ b: { sql: 'a', type: 'text', display: 'not a name!' } as never })).toMatch(/display must be a renderer/);
    // Quotes, doubled quotes and parentheses inside strings and quoted names are the expression's own.
    expect(computedSqlProblem(`coalesce(a, ')(;--$') || "we""ird)"`)).toBeUndefined();
    // Not guessed as a record label either (customers' `full_name` would be).
    expect(
      resolveResource({ ...base, columns: [{ name: 'id', type: 'integer' }], computed: { full_name: { sql: "'x'", type: 'text' } } }).recordLabel,
    ).toBeUndefined();
  });

  it('the demo’s computed column is cheap: arithmetic on the row, not sortable or filtered on 1,000,000 orders', async () => {
    const { marketResources } = await import('../../src/demo/resources/market');
    const orders = marketResources.find((r) => r.name === 'orders') as ResourceDef<string>;
    const column = orders.computed?.per_item_cents;
    expect(column).toMatchObject({ type: 'money_cents', label: { en: 'Per item', ko: '품목당' } });
    expect(computedSqlProblem(column!.sql)).toBeUndefined();
    expect(column!.sql).not.toMatch(/select/i); // no per-row subquery
    expect(column!.sortable ?? false).toBe(false);
    expect(column!.filter ?? false).toBe(false);
  });
});
