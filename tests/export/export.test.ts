import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operator } from '../../src/engine/auth/operator';
import { ForbiddenError, UnauthenticatedError } from '../../src/engine/auth/errors';
import { poolStats } from '../../src/engine/db/pools';
import { query } from '../../src/engine/db/query';
import { ExportBusyError, exportResource, exportStream } from '../../src/engine/export/export-resource';
import { drain } from '../support/export';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { ListQueryError } from '../../src/engine/list/errors';
import { listResource } from '../../src/engine/list/run-list';
import type { SearchParams } from '../../src/engine/list/list-query';
import { resolveResource } from '../../src/engine/resources/define';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

let db: TestDatabase;
let hub: TestDatabase;
let tzDb: TestDatabase;
const as = (role: 'viewer' | 'editor' | 'admin'): Operator => ({
  id: role,
  email: `${role}@t`,
  name: role,
  superadmin: false,
  roles: { blog: role },
  sessionId: undefined,
});
const editor = as('editor');
const viewer = as('viewer');

const people = resolveResource({
  domain: 'blog',
  name: 'people',
  table: 'people',
  title: 'People',
  softDelete: 'deleted_at',
  columns: [
    { name: 'id', type: 'integer', readOnly: true },
    { name: 'name', type: 'text', searchable: true, nullable: false },
    { name: 'email', type: 'email', mask: 'email', visibleFrom: 'editor' },
    { name: 'kind', type: 'enum', options: ['a', 'b'], nullable: false },
    { name: 'amount', type: 'number' },
    { name: 'big', type: 'bigint' },
    { name: 'ok', type: 'boolean' },
    { name: 'day', type: 'date' },
    { name: 'at', type: 'datetime' },
    { name: 'tags', type: 'array', list: true },
    { name: 'meta', type: 'json', list: true },
    { name: 'note', type: 'longtext', list: false },
    { name: 'deleted_at', type: 'datetime', readOnly: true, list: false },
  ],
});

/** RFC 4180 written independently of csv-stringify: quote when needed, double the quotes, CRLF. */
function csvOf(header: string[], rows: unknown[][]): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

async function listAll(operator: Operator, params: SearchParams): Promise<{ rows: Record<string, unknown>[]; columns: string[] }> {
  const page = await listResource(operator, 'blog', people, { ...params, size: '500' });
  expect(page.next).toBeNull(); // the fixture fits one page, so this is every row
  return { rows: page.rows, columns: page.columns };
}

beforeAll(async () => {
  [db, hub, tzDb] = await Promise.all([createTestDatabase('export'), createTestDatabase('export_hub'), createTestDatabase('export_tz')]);
  // A domain whose sessions run in another time zone: the export must still write UTC ISO text.
  await adminQuery(`ALTER DATABASE ${tzDb.name} SET timezone = 'Asia/Kolkata';`, [], db.url);
  await adminQuery(
    `CREATE TABLE moments (id int PRIMARY KEY, at timestamptz);
     INSERT INTO moments VALUES (1, '2025-02-01T10:11:12.345678Z'), (2, '2025-02-01T10:11:12Z'), (3, '2025-02-01T10:11:12.5Z'),
       (4, 'infinity'), (5, '-infinity'), (6, '0044-03-15 12:00:00+00 BC'), (7, '12000-01-01 00:00:00+00'), (8, NULL), (9, '1999-12-31T23:59:59.999999Z');
     CREATE TABLE cells (id int PRIMARY KEY, label text, n int);
     INSERT INTO cells VALUES (1, '=HYPERLINK("http://x")', -5), (2, '+1', 1), (3, '-2+3+cmd|'' /C calc''!A0', -2), (4, '@SUM(A1)', 0),
       (5, E'\tlead', 3), (6, E'\rlead', 4), (7, 'plain = fine', 5), (8, '', NULL);`,
    [],
    tzDb.url,
  );
  await adminQuery(
    `CREATE TYPE kind AS ENUM ('a', 'b');
     CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, email text, kind kind NOT NULL, amount numeric(12, 3), big bigint,
       ok boolean, day date, at timestamptz, tags text[], meta jsonb, note text, deleted_at timestamptz);
     INSERT INTO people VALUES
       (1, 'Plain', 'plain@example.com', 'a', 1.5, 9007199254740993, true, '2025-01-31', '2025-02-01T10:11:12.345678Z', '{x,y}', '{"a": [1, 2]}', 'n', NULL),
       (2, 'Comma, Inc.', 'comma@example.com', 'b', NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL),
       (3, 'Say "hi"', NULL, 'a', -2, 1, NULL, NULL, NULL, '{}', '"str"', NULL, NULL),
       (4, E'two\\nlines', 'n@example.com', 'b', 0, 2, true, NULL, NULL, '{"with,comma","with \\"quote\\""}', '{"k": "v,\\"w\\""}', NULL, NULL),
       (5, E'crlf\\r\\nhere', 'c@example.com', 'a', 3, 3, true, NULL, NULL, NULL, NULL, NULL, NULL),
       (6, 'Ünïcödé ✓ 😀', 'u@example.com', 'b', 4, 4, true, NULL, NULL, NULL, NULL, NULL, NULL),
       (7, 'Gone', 'gone@example.com', 'a', 5, 5, true, NULL, NULL, NULL, NULL, NULL, now());
     CREATE VIEW slow_people AS SELECT p.* FROM people p CROSS JOIN LATERAL (SELECT pg_sleep(0.02 + p.id * 0)) s;
     INSERT INTO people (id, name, email, kind, amount) SELECT g, 'Person ' || g, 'p' || g || '@example.com', (ARRAY['a','b'])[1 + g % 2]::kind, g FROM generate_series(8, 60) g;`,
    [],
    db.url,
  );
  installConfig(targetFromUrl('hub', hub.url), [
    targetFromUrl('blog', db.url),
    targetFromUrl('slow', db.url, { statementTimeoutMs: 300 }),
    targetFromUrl('tz', tzDb.url, { poolMax: 1 }),
  ]);
  await migrateHubDatabase();
});
afterAll(async () => {
  await resetEngine();
  await Promise.all([db.drop(), hub.drop(), tzDb.drop()]);
});

describe('export content', () => {
  it('neutralises cells a spreadsheet would run as formulas in text columns (CSV only); numbers and JSON Lines stay exact', async () => {
    const cells = resolveResource({
      domain: 'blog',
      name: 'cells',
      table: 'cells',
      title: 'Cells',
      columns: [
        { name: 'id', type: 'integer', readOnly: true },
        { name: 'label', type: 'text' },
        { name: 'n', type: 'integer' },
      ],
    });
    const csv = await drain(await exportResource(editor, 'tz' as never, cells, { sort: 'id' }, 'csv'));
    expect(csv.split('\r\n').slice(1, 8)).toEqual([
      `1,"'=HYPERLINK(""http://x"")",-5`,
      `2,'+1,1`,
      `3,'-2+3+cmd|' /C calc'!A0,-2`,
      `4,'@SUM(A1),0`,
      `5,'\tlead,3`,
      `6,"'\rlead",4`,
      `7,plain = fine,5`,
    ]);
    const lines = (await drain(await exportResource(editor, 'tz' as never, cells, { sort: 'id' }, 'jsonl'))).trim().split('\n');
    expect((JSON.parse(lines[0]!) as { label: string }).label).toBe('=HYPERLINK("http://x")');
  });

  it("writes timestamps as the list does (UTC ISO, every microsecond, infinity and BC as they are) whatever the database's time zone", async () => {
    const moments = resolveResource({
      domain: 'blog',
      name: 'moments',
      table: 'moments',
      title: 'Moments',
      columns: [
        { name: 'id', type: 'integer', readOnly: true },
        { name: 'at', type: 'datetime' },
      ],
    });
    const lines = (await drain(await exportResource(editor, 'tz' as never, moments, { sort: 'id' }, 'jsonl')))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; at: unknown });
    const list = await listResource(editor, 'tz' as never, moments, { sort: 'id', size: '50' });
    expect(lines).toEqual(list.rows.map((r) => JSON.parse(JSON.stringify({ id: r.id, at: r.at })) as unknown));
    expect(lines.map((l) => l.at)).toEqual([
      '2025-02-01T10:11:12.345678Z',
      '2025-02-01T10:11:12Z',
      '2025-02-01T10:11:12.5Z',
      'infinity',
      '-infinity',
      '0044-03-15T12:00:00Z BC',
      '12000-01-01T00:00:00Z',
      null,
      '1999-12-31T23:59:59.999999Z',
    ]);
    // One connection in this pool: the one the export used, still in the UTC every domain session runs in.
    expect((await query<{ TimeZone: string }>('tz' as never, 'SHOW TimeZone'))[0]!.TimeZone).toBe('UTC');
  });

  it('writes CSV that equals the list, row for row and in order, quoting commas, quotes and line breaks', async () => {
    for (const params of [
      {},
      { sort: '-name' },
      { sort: 'amount', 'f.kind': 'a' },
      { q: 'son 1', sort: '-id' },
      { trash: '1' },
      { cols: 'name,meta,id' },
    ] as SearchParams[]) {
      const exported = await exportResource(editor, 'blog', people, { ...params, after: 'ignored-position', size: '3' }, 'csv');
      const { rows, columns } = await listAll(editor, params);
      expect(exported.columns).toEqual(columns);
      const text = await drain(exported);
      expect(text, JSON.stringify(params)).toBe(
        csvOf(
          columns,
          rows.map((row) => columns.map((c) => row[c])),
        ),
      );
      expect(exported.rows).toBe(rows.length);
    }
  });

  it('spells the tricky values as RFC 4180 does', async () => {
    const text = await drain(await exportResource(editor, 'blog', people, { cols: 'id,name,tags', sort: 'id' }, 'csv'));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,name,tags');
    expect(text).toContain('\r\n2,"Comma, Inc.",\r\n');
    expect(text).toContain('\r\n3,"Say ""hi""",[]\r\n');
    expect(text).toContain('\r\n4,"two\nlines","[""with,comma"",""with \\""quote\\""""]"\r\n');
    expect(text).toContain('\r\n5,"crlf\r\nhere",\r\n');
    expect(text).toContain('\r\n6,Ünïcödé ✓ 😀,\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it("writes JSON Lines equal to the list's rows (visible columns, in order), one row per line", async () => {
    for (const params of [{}, { sort: '-at' }, { cols: 'big,day,at,tags,meta,ok,amount' }] as SearchParams[]) {
      const text = await drain(await exportResource(editor, 'blog', people, params, 'jsonl'));
      const { rows, columns } = await listAll(editor, params);
      const lines = text.split('\n');
      expect(lines.pop()).toBe('');
      // A json column is the JSON value itself in a line, the text the list carries parsed.
      const asLine = (c: string, v: unknown) => (c === 'meta' && typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(rows.map((row) => Object.fromEntries(columns.map((c) => [c, asLine(c, row[c])]))));
      // Keys in the columns' order, exact types: bigint text, numeric text, timestamps with microseconds dropped as the list does.
      expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(columns);
    }
    const first = JSON.parse(
      (await drain(await exportResource(editor, 'blog', people, { sort: 'id', cols: 'id,big,amount,day,at,tags,meta,ok' }, 'jsonl'))).split('\n')[0]!,
    ) as unknown;
    expect(first).toEqual({
      id: 1,
      big: '9007199254740993',
      amount: '1.500',
      day: '2025-01-31',
      at: '2025-02-01T10:11:12.345678Z',
      tags: ['x', 'y'],
      meta: { a: [1, 2] },
      ok: true,
    });
  });

  it('masks for a viewer exactly as the list does', async () => {
    const text = await drain(await exportResource(viewer, 'blog', people, { sort: 'id', cols: 'id,email' }, 'jsonl'));
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; email: string | null });
    expect(lines.slice(0, 3)).toEqual([
      { id: 1, email: 'p***@example.com' },
      { id: 2, email: 'c***@example.com' },
      { id: 3, email: null },
    ]);
    expect(lines.every((l) => l.email === null || l.email.includes('***'))).toBe(true);
    const csv = await drain(await exportResource(viewer, 'blog', people, { sort: 'id', cols: 'id,email' }, 'csv'));
    expect(csv).not.toMatch(/plain@|comma@/);
    const { rows } = await listAll(viewer, { sort: 'id', cols: 'id,email' });
    expect(lines).toEqual(rows.map((r) => ({ id: r.id, email: r.email })));
    // A masked column cannot be used to filter or sort the export either.
    await expect(exportResource(viewer, 'blog', people, { sort: 'email' }, 'csv')).rejects.toThrow(ListQueryError);
  });

  it('names the file and refuses what the list refuses', async () => {
    const exported = await exportResource(viewer, 'blog', people, {}, 'csv', { now: new Date('2025-03-04T23:59:00Z') });
    expect([exported.filename, exported.contentType]).toEqual(['people-2025-03-04.csv', 'text/csv; charset=utf-8']);
    await exported.close();
    await expect(exportResource(null, 'blog', people, {}, 'csv')).rejects.toThrow(UnauthenticatedError);
    await expect(exportResource({ ...viewer, roles: { other: 'admin' } }, 'blog', people, {}, 'csv')).rejects.toThrow(ForbiddenError);
    const strict = { ...people, access: { ...people.access, export: 'admin' as const } };
    await expect(exportResource(editor, 'blog', strict, {}, 'csv')).rejects.toThrow(ForbiddenError);
    await expect(exportResource(editor, 'blog', people, { sort: 'nope', 'f.x': '1' }, 'csv')).rejects.toThrow(ListQueryError);
  });

  it('records each export in the audit log', async () => {
    await drain(await exportResource(editor, 'blog', people, { 'f.kind': 'b' }, 'jsonl'));
    // The event is written beside the end of the stream (it never delays the download).
    const entries = () =>
      query<{ actor_email: string; outcome: string }>(
        'hub',
        "SELECT actor_email, outcome FROM hub_audit WHERE action = 'export' AND detail = 'jsonl, 29 rows, f.kind=b'",
      );
    await expect.poll(entries).toEqual([{ actor_email: 'editor@t', outcome: 'succeeded' }]);
  });
});

describe('streaming', () => {
  it('reads from the database only as fast as the reader takes chunks (backpressure)', async () => {
    const exported = await exportResource(editor, 'blog', people, {}, 'csv', { batchSize: 5 });
    const reader = exportStream(exported).getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 200));
    // One chunk read, at most one more fetched ahead into the stream's queue: never the whole table.
    expect(exported.rows).toBeLessThanOrEqual(10);
    await reader.cancel();
    expect(poolStats('blog').idle).toBe(poolStats('blog').total);
  });

  it('gives the connection back, clean, when the reader cancels midway; the next export reuses it', async () => {
    const exported = await exportResource(editor, 'blog', people, {}, 'jsonl', { batchSize: 2 });
    const stream = exportStream(exported);
    const reader = stream.getReader();
    await reader.read();
    const open = poolStats('blog').total;
    await reader.cancel('the browser went away');
    // The portal closed with Close + Sync and the client went back to the pool, not destroyed…
    expect(poolStats('blog')).toMatchObject({ total: open, idle: open });
    // …and no session of this domain is left busy.
    const [after] = await query<{ open: number }>(
      'blog',
      "SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'admin-hub:blog' AND state <> 'idle' AND pid <> pg_backend_pid()",
    );
    expect(after).toEqual({ open: 0 });
    expect(await drain(await exportResource(editor, 'blog', people, { 'f.kind': 'a', cols: 'id' }, 'csv'))).toMatch(/^id\r\n/);
  });

  it('limits concurrent exports per domain to half its pool, and frees a slot when one ends', async () => {
    // The test pool has 5 connections: two exports at once, a third is refused until one closes.
    const [a, b] = [await exportResource(editor, 'blog', people, {}, 'csv'), await exportResource(editor, 'blog', people, {}, 'csv')];
    await expect(exportResource(editor, 'blog', people, {}, 'csv')).rejects.toThrow(ExportBusyError);
    await a.close();
    const c = await exportResource(editor, 'blog', people, {}, 'csv');
    await Promise.all([drain(b), drain(c)]);
    await drain(await exportResource(editor, 'blog', people, {}, 'csv'));
  });

  it('is not cut by statement_timeout while a slow reader takes longer than it in total', async () => {
    // Domain "slow" (same database) has a 300 ms statement timeout; this export takes ~1.2 s.
    const exported = await exportResource(editor, 'slow' as never, people, {}, 'csv', { batchSize: 5 });
    let chunks = 0;
    for (let chunk = await exported.read(); chunk !== null; chunk = await exported.read()) {
      chunks++;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(chunks).toBe(12);
    expect(exported.rows).toBe(59);
    // The session went back to the pool with the domain's own timeout.
    expect(await query<{ statement_timeout: string }>('slow' as never, 'SHOW statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
  });

  it("still holds each batch to the domain's statement timeout", async () => {
    // 20 ms per row: a batch of 59 rows needs ~1.2 s, over the 300 ms the domain allows per statement.
    const slow = { ...people, table: { schema: 'public', name: 'slow_people' } };
    const exported = await exportResource(editor, 'slow' as never, slow, {}, 'csv', { batchSize: 100 });
    const started = Date.now();
    await expect(exported.read()).rejects.toMatchObject({ code: '57014' });
    expect(Date.now() - started).toBeLessThan(1000);
    // The session was given back usable: the next export on the domain runs.
    expect(poolStats('slow' as never).waiting).toBe(0);
    expect((await drain(await exportResource(editor, 'slow' as never, people, {}, 'jsonl'))).trim().split('\n')).toHaveLength(59);
  });
});
