import { describe, expect, it } from 'vitest';
import { buildCountSql, buildRowsSql } from '../../src/engine/list/build-sql';
import { encodeCursor } from '../../src/engine/list/cursor';
import { ListQueryError } from '../../src/engine/list/errors';
import { parseListQuery, type SearchParams } from '../../src/engine/list/list-query';
import { posts } from './fixtures';

function problems(params: SearchParams): { param: string; message: string }[] {
  try {
    parseListQuery(posts, params);
  } catch (error) {
    expect(error).toBeInstanceOf(ListQueryError);
    return (error as ListQueryError).problems;
  }
  throw new Error('expected a ListQueryError');
}

describe('list SQL', () => {
  it('builds the default page: soft-deleted rows hidden, default sort, one row more than the page', () => {
    const sql = buildRowsSql(posts, parseListQuery(posts, {}));
    expect(sql.text).toBe(
      'SELECT "id", "title", "status", "published", "word_count", "rating", "note", "created_at", "deleted_at", ' +
        'left("created_at"::text, 257) AS "__k0", "id"::text AS "__k1" FROM "public"."posts" WHERE "deleted_at" IS NULL ' +
        'ORDER BY "created_at" DESC, "id" DESC LIMIT $1',
    );
    expect(sql.values).toEqual([51]);
  });

  it('puts search, filters and ranges in parameters only', () => {
    const q = parseListQuery(posts, {
      q: "50%_off'; drop table posts;--",
      'f.status': 'draft,published',
      'f.published': 'true',
      'f.word_count.min': '10',
      'f.word_count.max': '200',
      'f.note.null': 'true',
      sort: 'title',
    });
    const sql = buildRowsSql(posts, q);
    expect(sql.text).toBe(
      'SELECT "id", "title", "status", "published", "word_count", "rating", "note", "created_at", "deleted_at", ' +
        'left("title"::text, 257) AS "__k0", "id"::text AS "__k1" FROM "public"."posts" WHERE "deleted_at" IS NULL AND ("title" ILIKE $1) ' +
        'AND "status" = ANY($2) AND "published" = $3 AND "word_count" >= $4 AND "word_count" <= $5 AND "note" IS NULL ' +
        'ORDER BY "title" ASC, "id" ASC LIMIT $6',
    );
    expect(sql.values).toEqual(["%50\\%\\_off'; drop table posts;--%", ['draft', 'published'], true, 10, 200, 52 - 1]);
    expect(buildCountSql(posts, q).text).toContain('SELECT count(*)::bigint AS n FROM "public"."posts" WHERE "deleted_at" IS NULL AND ("title" ILIKE $1)');
  });

  it('searches numeric ids by equality when the term is a number', () => {
    const sql = buildRowsSql(posts, parseListQuery(posts, { q: '42' }));
    expect(sql.text).toContain('("id" = $1 OR "title" ILIKE $2)');
    expect(sql.values.slice(0, 2)).toEqual(['42', '%42%']);
  });

  it('uses a row comparison for a NOT NULL sort key and reverses for the previous page', () => {
    const cursor = encodeCursor(['2025-01-31 10:00:00.123456+00', '900']);
    const next = buildRowsSql(posts, parseListQuery(posts, { after: cursor }));
    expect(next.text).toContain('AND ("created_at", "id") < ($1, $2) ORDER BY "created_at" DESC, "id" DESC LIMIT $3');
    expect(next.values).toEqual(['2025-01-31 10:00:00.123456+00', '900', 51]);
    const previous = buildRowsSql(posts, parseListQuery(posts, { before: cursor }));
    expect(previous.text).toContain('AND ("created_at", "id") > ($1, $2) ORDER BY "created_at" ASC, "id" ASC');
  });

  it('handles NULLs in a nullable sort key (NULL sorts as the largest value)', () => {
    const after = buildRowsSql(posts, parseListQuery(posts, { sort: 'note', after: encodeCursor(['x', '5']) }));
    expect(after.text).toContain('("note" > $1 OR "note" IS NULL OR ("note" = $1 AND "id" > $2))');
    const afterNull = buildRowsSql(posts, parseListQuery(posts, { sort: '-note', after: encodeCursor([null, '5']) }));
    expect(afterNull.text).toContain('("note" IS NOT NULL OR "id" < $1)');
  });

  it('jumps to a page by offset only when asked', () => {
    const sql = buildRowsSql(posts, parseListQuery(posts, { page: '3', size: '20' }));
    expect(sql.text).toMatch(/LIMIT \$1 OFFSET \$2$/);
    expect(sql.values).toEqual([21, 40]);
  });
});

describe('bad list requests are 400s that say what was wrong, and build no SQL', () => {
  it.each([
    [{ sort: 'title;drop table posts' }, 'sort', /"title;drop table posts" is not a sortable column; use one of: id, title/],
    [{ sort: 'metadata' }, 'sort', /is not a sortable column/],
    [{ 'f.nope': '1' }, 'f.nope', /"nope" is not a column of Posts/],
    [{ 'f.title"; drop': '1' }, 'f.title"; drop', /is not a column of Posts/],
    [{ 'f.status': 'draft,deleted' }, 'f.status', /"deleted" is not one of draft, published/],
    [{ 'f.word_count.min': '1e9' }, 'f.word_count.min', /"1e9" is not a whole number/],
    [{ 'f.published': 'maybe' }, 'f.published', /"maybe" is not true or false/],
    [{ 'f.created_at.min': 'yesterday' }, 'f.created_at.min', /is not a date and time like 2025-01-31T12:00:00Z/],
    [{ 'f.title.min': 'a' }, 'f.title.min', /Title cannot be filtered|has no range filter/],
    [{ after: 'not-a-cursor!' }, 'after', /is not a valid cursor/],
    [{ after: encodeCursor(['2025-01-01T00:00:00Z']) }, 'after', /is not a valid cursor/],
    [{ after: encodeCursor(["2025'; drop table x;--", '1']) }, 'after', /is not a valid cursor/],
    [{ after: encodeCursor(['2025-01-01T00:00:00Z', 'abc']) }, 'after', /is not a valid cursor/],
    [{ after: encodeCursor([null, '1']) }, 'after', /is not a valid cursor/],
    [{ page: '0' }, 'page', /must be a whole number from 1/],
    [{ size: '100000' }, 'size', /from 1 to 500/],
    [{ cols: 'title,password' }, 'cols', /unknown column\(s\): password/],
    [{ count: 'all' }, 'count', /must be none, estimate or exact/],
    [{ drop: 'table' }, 'drop', /is not a list parameter/],
    [{ sort: ['title', 'id'] }, 'sort', /more than once/],
    // The database refuses these with "invalid byte sequence": that was a 500.
    [{ q: 'a\u0000b' }, 'q', /contains a character no database text can hold/],
    [{ 'f.title': 'x\u0000' }, 'f.title', /contains a character no database text can hold/],
    [{ q: 'half \uD800 pair' }, 'q', /contains a character no database text can hold/],
  ] as [SearchParams, string, RegExp][])('%j → 400 on %s', (params, param, message) => {
    const found = problems(params);
    expect(found).toContainEqual({ param, message: expect.stringMatching(message) });
  });

  it('reports every problem at once', () => {
    expect(problems({ sort: 'x', 'f.y': '1', size: '0' }).map((p) => p.param)).toEqual(['sort', 'size', 'f.y']);
  });
});
