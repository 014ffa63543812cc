import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resourceAsSeenBy } from '../../src/engine/auth/access';
import { buildExportSql } from '../../src/engine/export/export-resource';
import { buildRowsSql } from '../../src/engine/list/build-sql';
import { BY_KEY, cursorSortValue, encodeCursor, MAX_CURSOR_VALUE_BYTES } from '../../src/engine/list/cursor';
import { ListQueryError } from '../../src/engine/list/errors';
import { parseListQuery, type SearchParams } from '../../src/engine/list/list-query';
import { resolveResource } from '../../src/engine/resources/define';
import type { Resource } from '../../src/engine/resources/types';
import { formatSortParam, splitSortParam } from '../../src/engine/shared/sort-param';
import { SavedViewInputError } from '../../src/engine/views/errors';
import { viewQuery } from '../../src/engine/views/view-query';
import { blogOperator } from '../support/engine';
import { posts } from './fixtures';

/**
 * `sort=-status,title`: up to three columns, each sortable and visible to the operator, named
 * once; every problem is reported in words, and the SQL orders by them, then the key.
 */

function problems(params: SearchParams, resource: Resource = posts): { param: string; message: string }[] {
  try {
    parseListQuery(resource, params);
  } catch (error) {
    expect(error).toBeInstanceOf(ListQueryError);
    return (error as ListQueryError).problems;
  }
  throw new Error('expected a ListQueryError');
}

const accounts = resolveResource({
  domain: 'blog',
  name: 'accounts',
  table: 'accounts',
  title: 'Accounts',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'name', type: 'text', nullable: false },
    { name: 'email', type: 'email', mask: 'email', visibleFrom: 'editor' },
    { name: 'token', type: 'text', secret: true },
    { name: 'created_at', type: 'datetime' },
  ],
});

describe('the sort parameter', () => {
  it('parses several columns with their directions, in order', () => {
    expect(parseListQuery(posts, { sort: '-status,title,+word_count' }).sort).toEqual([
      { column: 'status', direction: 'desc' },
      { column: 'title', direction: 'asc' },
      { column: 'word_count', direction: 'asc' },
    ]);
    expect(parseListQuery(posts, { sort: '-created_at' }).sort).toEqual([{ column: 'created_at', direction: 'desc' }]);
    expect(parseListQuery(posts, {}).sort).toEqual([{ column: 'created_at', direction: 'desc' }]);
  });

  it('writes and reads the URL form', () => {
    const sort = [
      { column: 'status', direction: 'desc' as const },
      { column: 'total_cents', direction: 'asc' as const },
    ];
    expect(formatSortParam(sort)).toBe('-status,total_cents');
    expect(splitSortParam('-status,total_cents')).toEqual(sort);
  });

  it.each([
    ['status,nope', /^"nope" is not a sortable column; use one of: id, title, status/],
    ['nope,-status,also', /^"nope" and "also" are not sortable columns; use one of: /],
    ['status,metadata', /^"metadata" is not a sortable column/],
    ['status,-status', /^names "status" more than once; sort by each column once$/],
    ['status,title,note,id', /^sorts by at most 3 columns \(4 given\)$/],
    ['status,,title', /^has an empty column name/],
    ['status,', /^has an empty column name/],
  ])('refuses sort=%s in words', (sort, message) => {
    expect(problems({ sort })).toEqual([{ param: 'sort', message: expect.stringMatching(message) }]);
  });

  it('reports every problem at once, with the other parameters', () => {
    const found = problems({ sort: 'nope,status,status,title,-x', size: '0' });
    expect(found.map((p) => p.param)).toEqual(['sort', 'sort', 'sort', 'size']);
    expect(found.map((p) => p.message).join(' | ')).toMatch(/at most 3 columns \(5 given\).*"nope" and "x" are not sortable.*names "status" more than once/);
  });

  it('refuses a masked or secret column for whoever cannot see it, and allows it to whoever can', () => {
    const viewer = resourceAsSeenBy(blogOperator('viewer'), accounts);
    expect(problems({ sort: 'name,email' }, viewer)).toEqual([
      { param: 'sort', message: expect.stringMatching(/^"email" is not a sortable column; use one of: id, name, created_at \(/) },
    ]);
    expect(problems({ sort: '-token,name' }, viewer)[0]!.message).toMatch(/^"token" is not a sortable column/);
    const editor = resourceAsSeenBy(blogOperator('editor'), accounts);
    expect(parseListQuery(editor, { sort: 'name,-email' }).sort).toEqual([
      { column: 'name', direction: 'asc' },
      { column: 'email', direction: 'desc' },
    ]);
    // A secret is masked for every role.
    expect(problems({ sort: 'token' }, resourceAsSeenBy(blogOperator('admin'), accounts))[0]!.param).toBe('sort');
  });

  it('answers any sort text with a valid sort or a 400 on sort, never anything else', () => {
    const part = fc.oneof(fc.constantFrom('status', '-title', '+note', 'id', '-created_at', 'metadata', '', '-', ' title', 'x'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const sort = parts.join(',');
        try {
          const parsed = parseListQuery(posts, { sort }).sort;
          expect(parsed.length).toBeGreaterThanOrEqual(1);
          expect(parsed.length).toBeLessThanOrEqual(3);
          expect(new Set(parsed.map((s) => s.column)).size).toBe(parsed.length);
          for (const s of parsed) expect(posts.columns.find((c) => c.name === s.column)?.sortable).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ListQueryError);
          expect((error as ListQueryError).problems.every((p) => p.param === 'sort' && p.message.length < 1000)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is accepted by saved views, and refused there in the same words', () => {
    expect(viewQuery(posts, '?sort=-status,title&after=abc')).toBe('sort=-status%2Ctitle');
    expect(() => viewQuery(posts, 'sort=status,status')).toThrow(SavedViewInputError);
    expect(() => viewQuery(posts, 'sort=status,status')).toThrow(/sort names "status" more than once/);
  });
});

describe('cursors of a multi-column sort', () => {
  it('carry every sort value, then the key, and are checked value by value', () => {
    const ok = parseListQuery(posts, { sort: '-status,title', after: encodeCursor(['draft', 'Hello', '5']) });
    expect(ok.cursor).toEqual({ direction: 'after', values: ['draft', 'Hello', '5'] });
    // NULL where the column may be NULL; a value too long to carry where it is not a key column.
    expect(parseListQuery(posts, { sort: '-status,title', after: encodeCursor([null, BY_KEY, '5']) }).cursor?.values).toEqual([null, BY_KEY, '5']);
    for (const values of [
      ['draft', '5'], // one value short
      ['draft', null, '5'], // title is NOT NULL
      ['gone', 'Hello', '5'], // not an option of status
      ['draft', 'Hello', 'x'], // not a key
    ]) {
      expect(problems({ sort: '-status,title', after: encodeCursor(values) })).toEqual([
        { param: 'after', message: 'is not a valid cursor for this sort; start again from the first page' },
      ]);
    }
    // The key's own value is always carried, also where it is a sort column.
    expect(problems({ sort: 'status,id', before: encodeCursor(['draft', BY_KEY, '5']) })[0]!.param).toBe('before');
  });

  it('leave out values whose JSON would be long, so three of them and a key stay under 4 KB', () => {
    expect(cursorSortValue('x'.repeat(256))).toBe('x'.repeat(256));
    expect(cursorSortValue('é'.repeat(256))).toBe('é'.repeat(256));
    expect(cursorSortValue('\u0001'.repeat(256))).toBe(BY_KEY);
    expect(cursorSortValue('\u0001'.repeat(130))).toBe('\u0001'.repeat(130));
    const widest = ['\u0001'.repeat(132), '"'.repeat(256), '\\'.repeat(256)].map(cursorSortValue);
    for (const value of widest) expect(Buffer.byteLength(JSON.stringify(value))).toBeLessThanOrEqual(MAX_CURSOR_VALUE_BYTES);
    expect(encodeCursor([...widest, '9'.repeat(40)]).length).toBeLessThan(4096);
  });
});

describe('SQL of a multi-column sort', () => {
  it('orders by the columns, then the key in the first column direction, and pages with mixed directions', () => {
    const after = buildRowsSql(posts, parseListQuery(posts, { sort: '-status,title', after: encodeCursor(['draft', 'Hello', '5']) }));
    expect(after.text).toContain(`left("status"::text, 257) AS "__k0", left("title"::text, 257) AS "__k1", "id"::text AS "__k2" FROM "public"."posts"`);
    expect(after.text).toContain(
      'AND ("status" < $1 OR ("status" = $1 AND ("title" > $2 OR ("title" = $2 AND "id" < $3)))) ORDER BY "status" DESC, "title" ASC, "id" DESC LIMIT $4',
    );
    expect(after.values).toEqual(['draft', 'Hello', '5', 51]);
    const before = buildRowsSql(posts, parseListQuery(posts, { sort: '-status,title', before: encodeCursor(['draft', 'Hello', '5']) }));
    expect(before.text).toContain(
      'AND ("status" > $1 OR "status" IS NULL OR ("status" = $1 AND ("title" < $2 OR ("title" = $2 AND "id" > $3)))) ORDER BY "status" ASC, "title" DESC, "id" ASC',
    );
  });

  it('steps over NULLs as the largest value, and reads a long value again by the key', () => {
    const atNull = buildRowsSql(posts, parseListQuery(posts, { sort: 'note,-status', after: encodeCursor([null, null, '7']) }));
    // After (NULL, NULL) ascending note: only NULL notes; descending status: non-NULL statuses follow NULL.
    expect(atNull.text).toContain('AND ("note" IS NULL AND ("status" IS NOT NULL OR "id" > $1)) ORDER BY "note" ASC, "status" DESC, "id" ASC');
    const long = buildRowsSql(posts, parseListQuery(posts, { sort: 'title,note', after: encodeCursor([BY_KEY, 'n', '7']) }));
    const v = '(SELECT "title" FROM "public"."posts" WHERE "id" = $2)';
    expect(long.text).toContain(`("title" > ${v} OR ("title" = ${v} AND ("note" > $1 OR "note" IS NULL OR ("note" = $1 AND "id" > $2))))`);
    expect(long.values.slice(0, 2)).toEqual(['n', '7']);
  });

  it('groups NOT NULL columns sharing a direction into one row comparison, and names the key once', () => {
    const grouped = buildRowsSql(posts, parseListQuery(posts, { sort: '-title,-created_at', after: encodeCursor(['T', '2025-01-01 00:00:00+00', '3']) }));
    expect(grouped.text).toContain('AND ("title", "created_at", "id") < ($1, $2, $3) ORDER BY "title" DESC, "created_at" DESC, "id" DESC');
    const keyFirst = buildRowsSql(posts, parseListQuery(posts, { sort: 'id,note', after: encodeCursor(['3', 'n', '3']) }));
    expect(keyFirst.text).toContain('AND ("id" > $1 OR ("id" = $1 AND ("note" > $2 OR "note" IS NULL))) ORDER BY "id" ASC, "note" ASC LIMIT');
  });

  it('exports in the same order', () => {
    const query = parseListQuery(posts, { sort: '-status,title' });
    expect(buildExportSql(posts, query).text).toMatch(/ ORDER BY "status" DESC, "title" ASC, "id" DESC$/);
  });
});

describe('defaultSort', () => {
  const def = (defaultSort: unknown) =>
    resolveResource({
      domain: 'blog',
      name: 'items',
      table: 'items',
      title: 'Items',
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'kind', type: 'text' },
        { name: 'meta', type: 'json' },
      ],
      defaultSort: defaultSort as never,
    });

  it('may be one column or a list', () => {
    expect(def({ column: 'kind', direction: 'asc' }).defaultSort).toEqual([{ column: 'kind', direction: 'asc' }]);
    const list = def([
      { column: 'kind', direction: 'asc' },
      { column: 'id', direction: 'desc' },
    ]);
    expect(parseListQuery(list, {}).sort).toEqual([
      { column: 'kind', direction: 'asc' },
      { column: 'id', direction: 'desc' },
    ]);
    expect(buildRowsSql(list, parseListQuery(list, {})).text).toContain('ORDER BY "kind" ASC, "id" DESC LIMIT');
  });

  it.each([
    [[], /from 1 to 3 columns \(0 given\)/],
    [[{ column: 'meta', direction: 'asc' }], /"meta" is not a sortable declared column/],
    [
      [
        { column: 'kind', direction: 'asc' },
        { column: 'kind', direction: 'desc' },
      ],
      /names "kind" twice/,
    ],
    [{ column: 'kind', direction: 'up' }, /needs a direction/],
  ])('refuses %j at start, naming the resource', (given, message) => {
    expect(() => def(given)).toThrow(message);
    expect(() => def(given)).toThrow(/blog\/items/);
  });
});
