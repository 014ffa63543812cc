import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { listResource } from '../../src/engine/list/run-list';
import { resolveResource } from '../../src/engine/resources/define';
import type { Resource } from '../../src/engine/resources/types';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

let db: TestDatabase;
const domain = 'blog' as DomainName;

beforeAll(async () => {
  db = await createTestDatabase('keyset');
  await adminQuery(
    `CREATE TYPE mood AS ENUM ('sad', 'ok', 'glad');
     CREATE DOMAIN short_code AS text CHECK (length(VALUE) <= 8);
     CREATE TABLE things (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       label text,                       -- nullable, with ties
       score int NOT NULL,               -- NOT NULL, with many ties
       mood mood,
       code short_code,
       tags text[],
       extra jsonb,
       at timestamptz NOT NULL
     );
     INSERT INTO things (label, score, mood, code, tags, extra, at)
     SELECT CASE WHEN g % 7 = 0 THEN NULL ELSE 'label ' || (g % 13) END,
            g % 5,
            (ARRAY['sad','ok','glad']::mood[])[1 + g % 3],
            'c' || (g % 50),
            ARRAY['t' || (g % 4)],
            jsonb_build_object('g', g),
            timestamptz '2025-01-01' + (g % 40) * interval '1 hour' + (g * interval '1 microsecond')
       FROM generate_series(1, 400) g;
     CREATE TABLE pairs (a int, b int, v text, PRIMARY KEY (a, b));
     INSERT INTO pairs SELECT g / 10, g % 10, 'v' || (g % 3) FROM generate_series(0, 199) g;
     CREATE VIEW glad_things AS SELECT id, label, score FROM things WHERE mood = 'glad';
     CREATE TABLE events (id int, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
     CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
     CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
     INSERT INTO events SELECT g, date '2024-11-01' + (g % 120), 'k' || (g % 4) FROM generate_series(1, 300) g;
     ANALYZE;`,
    [],
    db.url,
  );
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
});
afterAll(async () => {
  await resetEngine();
  await db.drop();
});

const things = resolveResource({
  domain: 'blog',
  name: 'things',
  table: 'things',
  title: 'Things',
  columns: [
    { name: 'id', type: 'bigint', searchable: true },
    { name: 'label', type: 'text', searchable: true },
    { name: 'score', type: 'integer', nullable: false, filter: 'range' },
    { name: 'mood', type: 'enum', options: ['sad', 'ok', 'glad'] },
    { name: 'code', type: 'text', searchable: true },
    { name: 'tags', type: 'array', list: true },
    { name: 'extra', type: 'json', list: true },
    { name: 'at', type: 'datetime', nullable: false },
  ],
});
const pairs = resolveResource({
  domain: 'blog',
  name: 'pairs',
  table: 'public.pairs',
  title: 'Pairs',
  primaryKey: ['a', 'b'],
  columns: [
    { name: 'a', type: 'integer' },
    { name: 'b', type: 'integer' },
    { name: 'v', type: 'text', searchable: true },
  ],
});
const gladThings = resolveResource({
  domain: 'blog',
  name: 'glad-things',
  table: 'glad_things',
  title: 'Glad things',
  readOnly: true,
  columns: [
    { name: 'id', type: 'bigint' },
    { name: 'label', type: 'text' },
    { name: 'score', type: 'integer' },
  ],
});
const events = resolveResource({
  domain: 'blog',
  name: 'events',
  table: 'events',
  title: 'Events',
  primaryKey: ['id', 'at'],
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'at', type: 'date', nullable: false },
    { name: 'kind', type: 'text', filter: 'equals' },
  ],
});

const keyOf = (resource: Resource) => (row: Record<string, unknown>) => resource.primaryKey.map((k) => String(row[k])).join('/');

/** Walks every page forward by cursor, then every page backward, and returns both key lists. */
async function walk(resource: Resource, params: Record<string, string>): Promise<{ forward: string[]; backward: string[]; pages: number }> {
  const key = keyOf(resource);
  const forward: string[] = [];
  let page = await listResource(superadmin, domain, resource, params);
  let pages = 1;
  forward.push(...page.rows.map(key));
  while (page.next) {
    page = await listResource(superadmin, domain, resource, { ...params, after: page.next });
    forward.push(...page.rows.map(key));
    pages++;
    expect(pages).toBeLessThan(500);
  }
  const backward: string[] = [...page.rows.map(key)];
  while (page.previous) {
    page = await listResource(superadmin, domain, resource, { ...params, before: page.previous });
    backward.unshift(...page.rows.map(key));
  }
  return { forward, backward, pages };
}

async function ordered(sql: string): Promise<string[]> {
  const rows = await query<{ k: string }>(domain, sql);
  return rows.map((r) => r.k);
}

describe('keyset pagination walks whole tables without skipping or repeating rows', () => {
  it.each([
    ['label', 'label ASC NULLS LAST, id ASC'],
    ['-label', 'label DESC NULLS FIRST, id DESC'],
    ['score', 'score ASC, id ASC'],
    ['-score', 'score DESC, id DESC'],
    ['-at', 'at DESC, id DESC'],
    ['mood', 'mood ASC NULLS LAST, id ASC'],
    ['-id', 'id DESC'],
  ])('things sorted by %s', async (sort, orderBy) => {
    const { forward, backward, pages } = await walk(things, { sort, size: '7' });
    const expected = await ordered(`SELECT id::text AS k FROM things ORDER BY ${orderBy}`);
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
    expect(pages).toBe(Math.ceil(400 / 7));
  });

  it('with a filter and a search applied', async () => {
    const { forward } = await walk(things, { sort: '-label', size: '9', 'f.mood': 'sad,glad', q: 'label 1' });
    const expected = await ordered(
      "SELECT id::text AS k FROM things WHERE mood = ANY('{sad,glad}') AND label ILIKE '%label 1%' ORDER BY label DESC NULLS FIRST, id DESC",
    );
    expect(forward.length).toBeGreaterThan(20);
    expect(forward).toEqual(expected);
  });

  it('on a composite primary key', async () => {
    for (const sort of ['v', '-v', 'a', '-b']) {
      const { forward, backward } = await walk(pairs, { sort, size: '11' });
      const dir = sort.startsWith('-') ? 'DESC' : 'ASC';
      const column = sort.replace('-', '');
      const expected = await ordered(`SELECT a || '/' || b AS k FROM pairs ORDER BY ${column} ${dir}, a ${dir}, b ${dir}`);
      expect(forward).toEqual(expected);
      expect(backward).toEqual(expected);
    }
  });

  it('on a view and on a partitioned table', async () => {
    const view = await walk(gladThings, { sort: 'label', size: '10' });
    expect(view.forward).toEqual(await ordered('SELECT id::text AS k FROM glad_things ORDER BY label ASC NULLS LAST, id ASC'));
    const partitioned = await walk(events, { sort: '-at', size: '25', 'f.kind': 'k1' });
    expect(partitioned.forward).toEqual(await ordered("SELECT id || '/' || at AS k FROM events WHERE kind = 'k1' ORDER BY at DESC, id DESC, at DESC"));
  });
});

describe('list results', () => {
  it('returns values of every type in a form JSON carries unchanged', async () => {
    const page = await listResource(superadmin, domain, things, { sort: 'id', size: '1' });
    expect(page.rows[0]).toEqual({
      id: '1',
      label: 'label 1',
      score: 1,
      mood: 'ok',
      code: 'c1',
      tags: ['t1'],
      extra: '{"g": 1}', // the database's JSON text (numbers of any size survive)
      at: '2025-01-01T01:00:00.000001Z', // the database's exact text, in UTC, to the microsecond
    });
    expect(page.columns).toEqual(['id', 'label', 'score', 'mood', 'code', 'tags', 'extra', 'at']);
  });

  it('jumps to a page by number and continues from there by cursor', async () => {
    const jumped = await listResource(superadmin, domain, things, { sort: 'id', size: '10', page: '5' });
    expect(jumped.rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => String(41 + i)));
    const after = await listResource(superadmin, domain, things, { sort: 'id', size: '10', after: jumped.next! });
    expect(after.rows[0]!.id).toBe('51');
  });

  it('counts small tables exactly, and says so', async () => {
    const page = await listResource(superadmin, domain, things, {});
    expect(page.count).toEqual({ value: 400, exact: true, label: '400' });
    const filtered = await listResource(superadmin, domain, things, { 'f.score.min': '3' });
    expect(filtered.count).toEqual({ value: 160, exact: true, label: '160' });
  });

  it('shows the estimate for a big table, and the exact count on demand', async () => {
    const big = { ...things, exactCountBelow: 100 };
    const page = await listResource(superadmin, domain, big, {});
    expect(page.count.exact).toBe(false);
    expect(page.count.label).toMatch(/^about \d/);
    expect(page.count.value).toBeGreaterThan(300);
    const exact = await listResource(superadmin, domain, big, { count: 'exact' });
    expect(exact.count).toEqual({ value: 400, exact: true, label: '400' });
  });

  it('sums partition estimates for a partitioned table', async () => {
    const page = await listResource(superadmin, domain, { ...events, exactCountBelow: 10 }, {});
    expect(page.count).toEqual({ value: 300, exact: false, label: 'about 300' });
  });

  it('says "many" when a filtered count on a big table runs past its budget', async () => {
    await adminQuery(
      'CREATE TABLE slow (id int PRIMARY KEY, v text); INSERT INTO slow SELECT g, md5(g::text) FROM generate_series(1, 300000) g; ANALYZE slow;',
      [],
      db.url,
    );
    const slow = resolveResource({
      domain: 'blog',
      name: 'slow',
      table: 'slow',
      title: 'Slow',
      // The planner expects about 3,000 matches: under this, so the count is tried (and cut off).
      exactCountBelow: 100_000,
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'v', type: 'text', searchable: true },
      ],
    });
    // A substring search no index helps with, over 300,000 rows, against a 1 ms budget.
    const page = await listResource(superadmin, domain, slow, { q: 'ab1', size: '5' }, { countBudgetMs: 1 });
    expect(page.rows).toHaveLength(5);
    expect(page.count).toEqual({ value: null, exact: false, label: 'many' });
    // With a budget it can meet, the same request counts exactly.
    const counted = await listResource(superadmin, domain, slow, { q: 'ab1', size: '5' }, { countBudgetMs: 30_000 });
    expect(counted.count.value).toBe(Number((await ordered("SELECT count(*)::text AS k FROM slow WHERE v ILIKE '%ab1%'"))[0]));
  });
});
