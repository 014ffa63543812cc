import fc from 'fast-check';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resourceAsSeenBy } from '../../src/engine/auth/access';
import type { DomainName } from '../../src/engine/config/current';
import { toHttpError } from '../../src/engine/http/errors';
import { ListQueryError, type QueryProblem } from '../../src/engine/list/errors';
import { COUNT_MODES, parseCountMode, parseListQuery } from '../../src/engine/list/list-query';
import { listResource } from '../../src/engine/list/run-list';
import { resolveResource } from '../../src/engine/resources/define';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { blogOperator, installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * Counts that never cost a scan unless asked (issue 18): the statements the engine actually
 * sends are read from the driver (every pg client's query call), not inferred from timings.
 */
let db: TestDatabase;
const domain = 'blog' as DomainName;
const ROWS = 20_000;

beforeAll(async () => {
  db = await createTestDatabase('counts');
  // items: 75% flagged (a broad filter), 500 groups of 40 rows (a narrow one: 0.2%), a soft-delete marker.
  // fresh and grown: statistics missing, or taken before a bulk load (autovacuum off, so they stay so).
  await adminQuery(
    `CREATE TABLE items (id int PRIMARY KEY, flag boolean NOT NULL, grp int NOT NULL, title text NOT NULL, deleted_at timestamptz);
     INSERT INTO items SELECT g, g % 4 <> 0, g % 500, 'item ' || g || CASE WHEN g % 3 = 0 THEN ' red' ELSE ' blue' END,
                              CASE WHEN g % 1000 = 0 THEN now() END
       FROM generate_series(1, ${ROWS}) g;
     CREATE INDEX items_grp ON items (grp);
     ANALYZE items;
     CREATE TABLE fresh (id int PRIMARY KEY, flag boolean NOT NULL, grp int NOT NULL, title text NOT NULL, deleted_at timestamptz) WITH (autovacuum_enabled = false);
     INSERT INTO fresh SELECT g, g % 4 <> 0, g % 500, 'item ' || g, NULL FROM generate_series(1, ${ROWS}) g;
     CREATE TABLE grown (id int PRIMARY KEY, flag boolean NOT NULL, grp int NOT NULL, title text NOT NULL, deleted_at timestamptz) WITH (autovacuum_enabled = false);
     INSERT INTO grown SELECT g, false, g % 500, 'item ' || g, NULL FROM generate_series(1, 100) g;`,
    [],
    db.url,
  );
  // Analyzed at 100 rows, all unflagged; then 19,900 flagged rows arrive.
  await adminQuery('ANALYZE grown', [], db.url);
  await adminQuery(`INSERT INTO grown SELECT g, true, g % 500, 'item ' || g, NULL FROM generate_series(101, ${ROWS}) g`, [], db.url);
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
});
afterAll(async () => {
  await resetEngine();
  await db.drop();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const define = (table: string, extra: { exactCountBelow?: number } = {}) =>
  resolveResource({
    domain: 'blog',
    name: table,
    table,
    title: table,
    softDelete: 'deleted_at',
    exactCountBelow: extra.exactCountBelow ?? 1000, // every table here is above it: 20,000 rows
    columns: [
      { name: 'id', type: 'integer' },
      { name: 'flag', type: 'boolean' },
      { name: 'grp', type: 'integer', filter: 'equals' },
      { name: 'title', type: 'text', searchable: true },
      { name: 'deleted_at', type: 'datetime' },
    ],
  });
const items = define('items');

/** Runs `work` and returns it with the SQL text of every statement the driver sent meanwhile. */
async function sent<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    statements.push(typeof first === 'string' ? first : ((first as { text?: string })?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original);
  try {
    return { result: await work(), statements };
  } finally {
    vi.restoreAllMocks();
  }
}
const counts = (statements: string[]) => statements.filter((s) => /count\(\*\)/i.test(s));
const explains = (statements: string[]) => statements.filter((s) => /^EXPLAIN/i.test(s));
const exactly = async (where: string) => Number((await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM items WHERE ${where}`, [], db.url))[0]!.n);

describe('counts on a big table', () => {
  it('a broad filter (75% of rows) shows "about N" from the planner and sends no count(*)', async () => {
    const { result, statements } = await sent(() => listResource(superadmin, domain, items, { 'f.flag': 'true' }));
    expect(result.rows).toHaveLength(50);
    expect(result.count.exact).toBe(false);
    expect(result.count.label).toMatch(/^about \d{1,3}(,\d{3})*$/);
    const real = await exactly('flag AND deleted_at IS NULL');
    expect(result.count.value).toBeGreaterThan(real * 0.8);
    expect(result.count.value).toBeLessThan(real * 1.2);
    expect(result.count.caution).toBeUndefined(); // analyzed, fresh statistics: nothing to warn about
    expect(counts(statements)).toEqual([]);
    expect(explains(statements)).toHaveLength(1);
    expect(explains(statements)[0]).toMatch(/^EXPLAIN \(FORMAT JSON\) SELECT 1 FROM "public"\."items" WHERE .*"flag" = \$1/);
  });

  it('a broad search is "about N" too, and the trash is estimated like a filter', async () => {
    const searched = await sent(() => listResource(superadmin, domain, items, { q: 'blue' }));
    expect(searched.result.count.label).toMatch(/^about /);
    expect(counts(searched.statements)).toEqual([]);
    // The trash holds 20 rows: the planner says few, so they are counted (and the page shows them all).
    const trash = await sent(() => listResource(superadmin, domain, items, { trash: '1', size: '5' }));
    expect(trash.result.count).toEqual({ value: 20, exact: true, label: '20' });
    expect(counts(trash.statements)).toHaveLength(1);
  });

  it('a narrow filter (0.2% of rows) is counted exactly, within the budget', async () => {
    const { result, statements } = await sent(() => listResource(superadmin, domain, items, { 'f.grp': '7', size: '10' }));
    const real = await exactly('grp = 7 AND deleted_at IS NULL');
    expect(result.count).toEqual({ value: real, exact: true, label: String(real) });
    expect(explains(statements)).toHaveLength(1);
    expect(counts(statements)).toHaveLength(1);
  });

  it('count=exact counts exactly, without asking the planner', async () => {
    const { result, statements } = await sent(() => listResource(superadmin, domain, items, { 'f.flag': 'true', count: 'exact' }));
    const real = await exactly('flag AND deleted_at IS NULL');
    expect(result.count).toEqual({ value: real, exact: true, label: real.toLocaleString('en-US') });
    expect(counts(statements)).toHaveLength(1);
    expect(explains(statements)).toEqual([]);
  });

  it('count=none sends no count and no estimate', async () => {
    const { result, statements } = await sent(() => listResource(superadmin, domain, items, { 'f.flag': 'true', count: 'none' }));
    expect(result.rows).toHaveLength(50);
    expect(result.count).toEqual({ value: null, exact: false, label: '' });
    expect(counts(statements)).toEqual([]);
    expect(explains(statements)).toEqual([]);
  });

  it('count=estimate never counts a big table: a narrow filter is "about N" too', async () => {
    const { result, statements } = await sent(() => listResource(superadmin, domain, items, { 'f.grp': '7', size: '10', count: 'estimate' }));
    expect(result.count.exact).toBe(false);
    expect(result.count.label).toMatch(/^about \d/);
    expect(counts(statements)).toEqual([]);
  });

  it('a first page that holds every match is its own exact count, whatever the mode', async () => {
    const { result, statements } = await sent(() => listResource(superadmin, domain, items, { 'f.grp': '7', count: 'estimate' }));
    const real = await exactly('grp = 7 AND deleted_at IS NULL');
    expect(result.rows).toHaveLength(real); // under the page size of 50
    expect(result.count).toEqual({ value: real, exact: true, label: String(real) });
    expect(counts(statements)).toEqual([]);
  });

  it('a small table is counted exactly, whatever the filter (no planner round trip)', async () => {
    const small = define('items', { exactCountBelow: 50_000 });
    const { result, statements } = await sent(() => listResource(superadmin, domain, small, { 'f.flag': 'true' }));
    expect(result.count.exact).toBe(true);
    expect(result.count.value).toBe(await exactly('flag AND deleted_at IS NULL'));
    expect(explains(statements)).toEqual([]);
  });

  it('the list page can take the exact count later: an estimate now, the exact number as a promise', async () => {
    const { result, statements } = await sent(() => listResource(superadmin, domain, items, { 'f.flag': 'true', count: 'exact' }, { deferExactCount: true }));
    expect(result.count.label).toMatch(/^about /);
    expect(counts(statements)).toEqual([]); // not before the page has its rows
    expect(await result.exactCount).toMatchObject({ value: await exactly('flag AND deleted_at IS NULL'), exact: true });
    // Without count=exact there is nothing to stream.
    expect((await listResource(superadmin, domain, items, { 'f.flag': 'true' }, { deferExactCount: true })).exactCount).toBeUndefined();
  });

  it('a row-scoped list never shows the planner\'s estimate: it is counted (or "many")', async () => {
    const scoped = resolveResource({
      domain: 'blog',
      name: 'items',
      table: 'items',
      title: 'Items',
      exactCountBelow: 1000,
      scope: () => ({ column: 'flag', equals: true }),
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'flag', type: 'boolean' },
        { name: 'grp', type: 'integer', filter: 'equals' },
      ],
    });
    const operator = blogOperator('admin');
    const { result, statements } = await sent(() => listResource(operator, domain, scoped, {}));
    expect(resourceAsSeenBy(operator, scoped).scope.length).toBeGreaterThan(0);
    expect(result.count).toMatchObject({ value: await exactly('flag'), exact: true });
    expect(explains(statements)).toEqual([]);
    expect((await listResource(operator, domain, scoped, { count: 'estimate' })).count).toEqual({ value: null, exact: false, label: 'many' });
  });
});

describe('keeping "about" honest', () => {
  it('a table never analyzed is counted when it can be, and otherwise estimated with a caution that says how to get the exact number', async () => {
    const fresh = define('fresh');
    const counted = await sent(() => listResource(superadmin, domain, fresh, { 'f.flag': 'true' }));
    expect(counted.result.count).toMatchObject({ value: 15_000, exact: true });
    const estimated = await listResource(superadmin, domain, fresh, { 'f.flag': 'true', count: 'estimate' });
    expect(estimated.count.label).toMatch(/^about /);
    expect(estimated.count.caution).toMatch(/statistics that are missing or out of date/);
    expect(estimated.count.caution).toMatch(/count=exact/);
  });

  it('a table loaded after its last ANALYZE is not trusted either', async () => {
    const grown = define('grown');
    // The statistics say no row is flagged; 19,900 are.
    const page = await sent(() => listResource(superadmin, domain, grown, { 'f.flag': 'true' }));
    expect(page.result.count).toMatchObject({ value: 19_900, exact: true });
    const estimated = await listResource(superadmin, domain, grown, { 'f.flag': 'true', count: 'estimate' });
    expect(estimated.count.caution).toMatch(/count=exact/);
  });

  it('over the budget, an untrusted estimate says "many" or "about N" with its caution, never a bare number', async () => {
    const fresh = define('fresh');
    const page = await listResource(superadmin, domain, fresh, { 'f.flag': 'true' }, { countBudgetMs: 1 });
    if (page.count.exact) return; // the machine counted 20,000 rows within 1 ms: nothing to check
    expect(page.count.value === null ? page.count.label : page.count.caution).toMatch(/many|count=exact/);
  });
});

describe('count= in the URL', () => {
  const problemsOf = (params: Record<string, string | string[]>): QueryProblem[] => {
    try {
      parseListQuery(items, params);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ListQueryError);
      expect((error as ListQueryError).status).toBe(400);
      return (error as ListQueryError).problems;
    }
  };

  it('takes none, estimate and exact; absent or empty is auto', () => {
    for (const mode of COUNT_MODES) expect(parseListQuery(items, { count: mode }).count).toBe(mode);
    expect(parseListQuery(items, {}).count).toBe('auto');
    expect(parseListQuery(items, { count: '' }).count).toBe('auto');
  });

  it('refuses anything else with a 400 in words, beside the other problems', () => {
    expect(problemsOf({ count: 'all', size: '0' })).toEqual([
      { param: 'size', message: expect.stringMatching(/from 1 to 500/) },
      { param: 'count', message: 'must be none, estimate or exact (or absent: exact when cheap, else an estimate), not "all"' },
    ]);
    expect(problemsOf({ count: ['exact', 'none'] })).toContainEqual({ param: 'count', message: 'is given more than once' });
    // What the JSON API answers (the same engine call, through the API boundary's mapping).
    const refused = listResource(superadmin, domain, items, { count: 'precise' }).catch((error: unknown) => toHttpError(error));
    return expect(refused).resolves.toEqual({
      status: 400,
      body: {
        error: 'The request has invalid parameters.',
        problems: [{ param: 'count', message: 'must be none, estimate or exact (or absent: exact when cheap, else an estimate), not "precise"' }],
      },
    });
  });

  it('property: a value is accepted exactly when it is one of the modes, and a refusal names it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...COUNT_MODES, 'EXACT', 'auto', ' exact'), fc.string({ maxLength: 80 })), (raw) => {
        const problems: QueryProblem[] = [];
        const mode = parseCountMode(raw, problems);
        if ((COUNT_MODES as readonly string[]).includes(raw)) {
          expect(mode).toBe(raw);
          expect(problems).toEqual([]);
        } else {
          expect(mode).toBe('auto');
          expect(problems).toHaveLength(1);
          expect(problems[0]!.message).toContain(`not "${raw.slice(0, 60)}"`);
        }
      }),
    );
  });
});
