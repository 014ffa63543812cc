import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { buildExportSql } from '../../src/engine/export/export-resource';
import { parseListQuery } from '../../src/engine/list/list-query';
import { listResource } from '../../src/engine/list/run-list';
import { resolveResource } from '../../src/engine/resources/define';
import type { Resource } from '../../src/engine/resources/types';
import { blogDatabaseForFile, superadmin } from '../support/engine';

/**
 * Multi-column sort pages exactly: on a table with duplicates and NULLs in several columns (and
 * values a cursor cannot carry), any 2–3-column sort with any directions, paged forward to the
 * end and back by cursor, gives every row once, in exactly the order PostgreSQL gives for
 * `ORDER BY <the columns>, <the key>`; the export uses the same order.
 */

const domain = 'blog' as DomainName;

blogDatabaseForFile('multi_sort', {
  sql: `CREATE TYPE size AS ENUM ('s', 'm', 'l');
    CREATE TABLE grid (
      id bigint PRIMARY KEY,
      n int,                 -- nullable, few values
      t text,                -- nullable, ties, case and empty strings
      at timestamptz,        -- nullable, microseconds
      amount numeric,        -- nullable, 1.1 and 1.10 are equal
      big int8 NOT NULL,     -- beyond 2^53
      sz size,               -- enum order, not text order
      ok boolean,
      tag text NOT NULL,
      long text              -- over 256 characters (not carried by cursors), sharing prefixes
    );
    INSERT INTO grid
    SELECT g,
           CASE WHEN g % 5 = 0 THEN NULL ELSE g % 3 END,
           CASE WHEN g % 7 = 0 THEN NULL ELSE (ARRAY['a', 'B', 'b', '', 'a b'])[1 + g % 5] END,
           CASE WHEN g % 6 = 0 THEN NULL ELSE timestamptz '2025-03-01 12:00:00.000001+00' + (g % 4) * interval '1 microsecond' END,
           CASE WHEN g % 9 = 0 THEN NULL ELSE (ARRAY[1.1, 1.10, 2, -0.5])[1 + g % 4] END,
           9007199254740993 + (g % 3),
           CASE WHEN g % 8 = 0 THEN NULL ELSE (ARRAY['l', 's', 'm']::size[])[1 + g % 3] END,
           CASE WHEN g % 4 = 0 THEN NULL ELSE g % 2 = 0 END,
           'tag ' || (g % 2),
           CASE WHEN g % 10 = 0 THEN NULL WHEN g % 3 = 0 THEN 'short ' || (g % 2) ELSE repeat('x', 300) || (g % 4) END
      FROM generate_series(1, 110) g;
    CREATE TABLE wide (id int PRIMARY KEY, c1 text, c2 text, c3 text NOT NULL);
    -- Values JSON escapes 6 bytes a character, around the length a cursor still carries.
    INSERT INTO wide SELECT g, repeat(chr(1), (ARRAY[120, 132, 134, 256, 257])[1 + g % 5]) || (g % 2),
                            CASE WHEN g % 4 = 0 THEN NULL ELSE repeat('"', 250) || (g % 3) END,
                            repeat(chr(2), 130) || (g % 2)
      FROM generate_series(1, 40) g;`,
});

const grid = resolveResource({
  domain: 'blog',
  name: 'grid',
  table: 'grid',
  title: 'Grid',
  columns: [
    { name: 'id', type: 'bigint' },
    { name: 'n', type: 'integer' },
    { name: 't', type: 'text' },
    { name: 'at', type: 'datetime' },
    { name: 'amount', type: 'number' },
    { name: 'big', type: 'bigint', nullable: false },
    { name: 'sz', type: 'enum', options: ['s', 'm', 'l'] },
    { name: 'ok', type: 'boolean' },
    { name: 'tag', type: 'text', nullable: false },
    { name: 'long', type: 'text' },
  ],
});

const wide = resolveResource({
  domain: 'blog',
  name: 'wide',
  table: 'wide',
  title: 'Wide',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'c1', type: 'text' },
    { name: 'c2', type: 'text' },
    { name: 'c3', type: 'text', nullable: false },
  ],
});

interface Walk {
  forward: string[];
  backward: string[];
  longestCursor: number;
}

/** Every page forward by `after`, then from the last page back by `before`. */
async function walk(resource: Resource, params: Record<string, string>): Promise<Walk> {
  const options = { count: false, labels: false };
  let longestCursor = 0;
  let page = await listResource(superadmin, domain, resource, params, options);
  const forward = page.rows.map((r) => String(r.id));
  for (let pages = 1; page.next; pages++) {
    longestCursor = Math.max(longestCursor, page.next.length);
    page = await listResource(superadmin, domain, resource, { ...params, after: page.next }, options);
    forward.push(...page.rows.map((r) => String(r.id)));
    if (pages > 200) throw new Error('paging does not end');
  }
  const backward = page.rows.map((r) => String(r.id));
  for (let pages = 1; page.previous; pages++) {
    longestCursor = Math.max(longestCursor, page.previous.length);
    page = await listResource(superadmin, domain, resource, { ...params, before: page.previous }, options);
    backward.unshift(...page.rows.map((r) => String(r.id)));
    if (pages > 200) throw new Error('paging back does not end');
  }
  return { forward, backward, longestCursor };
}

type Sort = { column: string; desc: boolean }[];

/** What PostgreSQL gives: the sort columns with its default NULL placement, then the key in the first column's direction. */
async function expectedOrder(table: string, sort: Sort): Promise<string[]> {
  const terms = sort.map((s) => `"${s.column}" ${s.desc ? 'DESC' : 'ASC'}`);
  if (!sort.some((s) => s.column === 'id')) terms.push(`id ${sort[0]!.desc ? 'DESC' : 'ASC'}`);
  // Not `AS id`: ORDER BY would then sort by that text.
  return (await query<{ k: string }>(domain, `SELECT id::text AS k FROM ${table} ORDER BY ${terms.join(', ')}`)).map((r) => r.k);
}

const sortParam = (sort: Sort) => sort.map((s) => `${s.desc ? '-' : ''}${s.column}`).join(',');

const sortOf = (columns: string[]): fc.Arbitrary<Sort> =>
  fc
    .uniqueArray(fc.constantFrom(...columns), { minLength: 2, maxLength: 3 })
    .chain((names) => fc.tuple(...names.map((column) => fc.boolean().map((desc) => ({ column, desc })))));

describe('multi-column sort pages exactly, forward and back', () => {
  it('any 2–3 columns with any directions, over duplicates, NULLs, exact values and long values', async () => {
    const columns = ['n', 't', 'at', 'amount', 'big', 'sz', 'ok', 'tag', 'long', 'id'];
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(sortOf(columns), fc.integer({ min: 2, max: 17 }), async (sort, size) => {
        seen.add(sortParam(sort));
        const expected = await expectedOrder('grid', sort);
        const { forward, backward } = await walk(grid, { sort: sortParam(sort), size: String(size) });
        expect(forward).toEqual(expected);
        expect(backward).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    expect(seen.size).toBeGreaterThan(30);
  });

  it('a sort that covers every case by hand: NULLs at both ends, the key in the middle, a long value first', async () => {
    for (const sort of [
      [
        { column: 'n', desc: false },
        { column: 't', desc: true },
        { column: 'at', desc: false },
      ],
      [
        { column: 'ok', desc: true },
        { column: 'amount', desc: false },
        { column: 'sz', desc: true },
      ],
      [
        { column: 'long', desc: false },
        { column: 'n', desc: true },
      ],
      [
        { column: 'big', desc: true },
        { column: 'id', desc: false },
        { column: 't', desc: true },
      ],
    ]) {
      const expected = await expectedOrder('grid', sort);
      expect(expected).toHaveLength(110);
      const { forward, backward } = await walk(grid, { sort: sortParam(sort), size: '4' });
      expect(forward, sortParam(sort)).toEqual(expected);
      expect(backward, sortParam(sort)).toEqual(expected);
    }
  });

  it('with a filter applied, and a page jumped to by number continued by cursor', async () => {
    const sort = [
      { column: 't', desc: false },
      { column: 'amount', desc: true },
    ];
    const { forward } = await walk(grid, { sort: sortParam(sort), size: '6', 'f.ok.null': 'false' });
    const all = await expectedOrder('grid', sort);
    const kept = new Set((await query<{ id: string }>(domain, 'SELECT id::text AS id FROM grid WHERE ok IS NOT NULL')).map((r) => r.id));
    expect(forward).toEqual(all.filter((id) => kept.has(id)));
    const jumped = await listResource(superadmin, domain, grid, { sort: sortParam(sort), size: '10', page: '3' }, { count: false });
    expect(jumped.rows.map((r) => String(r.id))).toEqual(all.slice(20, 30));
    const next = await listResource(superadmin, domain, grid, { sort: sortParam(sort), size: '10', after: jumped.next! }, { count: false });
    expect(next.rows.map((r) => String(r.id))).toEqual(all.slice(30, 40));
    expect(next.sort).toEqual([
      { column: 't', direction: 'asc' },
      { column: 'amount', direction: 'desc' },
    ]);
  });

  it('exports in the order the list pages in', async () => {
    const sort = [
      { column: 'sz', desc: true },
      { column: 'at', desc: false },
      { column: 'long', desc: true },
    ];
    const sql = buildExportSql(grid, parseListQuery(grid, { sort: sortParam(sort), cols: 'id,sz' }));
    const exported = (await query<{ id: string }>(domain, sql.text, sql.values)).map((r) => String(r.id));
    expect(exported).toEqual(await expectedOrder('grid', sort));
  });

  it('keeps cursors under 4 KB when three sort values are long or escaped in JSON', async () => {
    for (const sort of [
      [
        { column: 'c1', desc: false },
        { column: 'c2', desc: true },
        { column: 'c3', desc: false },
      ],
      [
        { column: 'c3', desc: true },
        { column: 'c1', desc: true },
        { column: 'c2', desc: false },
      ],
    ]) {
      const expected = await expectedOrder('wide', sort);
      const { forward, backward, longestCursor } = await walk(wide, { sort: sortParam(sort), size: '3' });
      expect(forward).toEqual(expected);
      expect(backward).toEqual(expected);
      expect(longestCursor).toBeGreaterThan(2000); // values near the limit are carried…
      expect(longestCursor).toBeLessThan(4096); // …and the cursor still fits
    }
  });
});
