import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoWidgets } from '../../src/demo/widgets';
import { defineWidget, displayColumns, runWidget, sqlProblem, visibleWidgets, WIDGET_GRACE_MS, widgetList } from '../../src/engine/dashboard';
import type { Widget, WidgetResult, WidgetRow } from '../../src/engine/dashboard/types';
import { getPool } from '../../src/engine/db/pools';
import { query } from '../../src/engine/db/query';
import { targetFromUrl } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';
import { freePort } from '../support/free-port';
import { captureStderr } from '../support/output';
import { createDemoDatabases, operatorWith, silentServer, type DemoDatabases } from './fixtures';

let dbs: DemoDatabases;

function useDemoConfig(): void {
  installConfig(targetFromUrl('hub', dbs.hub.url), [targetFromUrl('blog', dbs.blog.url), targetFromUrl('market', dbs.market.url)]);
}

beforeAll(async () => {
  dbs = await createDemoDatabases('dash_w');
}, 120_000);
afterAll(async () => {
  await resetEngine();
  await dbs?.drop();
});
beforeEach(useDemoConfig);
afterEach(resetEngine);

function rowsOf(result: WidgetResult): WidgetRow[] {
  if (!result.ok) throw new Error(`widget failed: ${result.reason}: ${result.error}`);
  return result.rows;
}

const byId = (id: string): Widget => {
  const w = demoWidgets.find((d) => d.id === id);
  if (!w) throw new Error(`no widget ${id}`);
  return w;
};

const isNumeric = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** The 30 calendar days ending today, in the test server's time zone. */
async function last30Days(domain: 'blog' | 'market'): Promise<string[]> {
  const rows = await query<{ day: string }>(
    domain,
    `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(current_date - 29, current_date, interval '1 day') d ORDER BY d`,
  );
  return rows.map((r) => r.day);
}

describe('demo widgets (src/demo/widgets.ts)', () => {
  it('are the four of the issue, with unique ids, and every one returns rows of its declared shape', async () => {
    expect(demoWidgets.map((w) => [w.id, w.domain, w.display.kind])).toEqual([
      ['market-orders-today', 'market', 'number'],
      ['market-orders-revenue', 'market', 'bar'],
      ['market-top-customers', 'market', 'table'],
      ['blog-posts-per-day', 'blog', 'line'],
    ]);
    const results = await Promise.all(demoWidgets.map((w) => runWidget(superadmin, w)));
    for (const [i, result] of results.entries()) {
      const widget = demoWidgets[i]!;
      const rows = rowsOf(result);
      expect(result.ms).toBeLessThan(widget.timeoutMs);
      for (const row of rows) {
        for (const column of displayColumns(widget.display)) expect(row, `${widget.id}.${column}`).toHaveProperty(column);
        // Only JSON the browser can take.
        for (const value of Object.values(row)) expect(['string', 'number', 'boolean', 'object']).toContain(typeof value);
        expect(JSON.parse(JSON.stringify(row))).toEqual(row);
      }
    }
  });

  it('new posts per day: one row per day of the last 30, matching a direct count', async () => {
    const rows = rowsOf(await runWidget(superadmin, byId('blog-posts-per-day')));
    expect(rows.map((r) => r.day)).toEqual(await last30Days('blog'));
    for (const r of rows) expect(Number.isInteger(r.posts) && (r.posts as number) >= 0).toBe(true);
    const [direct] = await query<{ n: number }>('blog', `SELECT count(*)::int AS n FROM posts WHERE created_at >= current_date - 29 AND deleted_at IS NULL`);
    expect(rows.reduce((sum, r) => sum + (r.posts as number), 0)).toBe(direct!.n);
    expect(direct!.n).toBeGreaterThan(0); // the seed spreads 20,000 posts over ~5 years
  });

  it('orders and revenue per day: 30 days, two numeric series, totals matching a direct count', async () => {
    const rows = rowsOf(await runWidget(superadmin, byId('market-orders-revenue')));
    expect(rows.map((r) => r.day)).toEqual(await last30Days('market'));
    for (const r of rows) {
      expect(r.day).toMatch(DAY);
      expect(Number.isInteger(r.orders)).toBe(true);
      expect(isNumeric(r.revenue)).toBe(true);
    }
    const [direct] = await query<{ n: number; eur: number }>(
      'market',
      `SELECT count(*)::int AS n, (coalesce(sum(total_cents) FILTER (WHERE status IN ('paid', 'shipped', 'delivered')), 0) / 100.0)::float8 AS eur
         FROM orders WHERE created_at >= current_date - 29`,
    );
    expect(rows.reduce((s, r) => s + (r.orders as number), 0)).toBe(direct!.n);
    expect(rows.reduce((s, r) => s + (r.revenue as number), 0)).toBeCloseTo(direct!.eur, 1);
  });

  it('the orders-per-day query reads orders through the created_at index, not the whole table', async () => {
    const sql = byId('market-orders-revenue').query as string;
    // Domain pools read json as the database's text (exact numbers), so the plan is parsed here.
    const [explained] = await query<{ 'QUERY PLAN': string }>('market', `EXPLAIN (FORMAT JSON) ${sql}`);
    const plan = { 'QUERY PLAN': JSON.parse(explained!['QUERY PLAN']) as { Plan: PlanNode }[] };
    const onOrders = nodes(plan['QUERY PLAN'][0]!.Plan).filter((n) => n['Relation Name'] === 'orders');
    expect(onOrders.length).toBeGreaterThan(0);
    for (const n of onOrders) expect(n['Node Type']).not.toBe('Seq Scan');
    expect(nodes(plan['QUERY PLAN'][0]!.Plan).map((n) => n['Index Name'])).toContain('orders_created_at_id_idx');
  });

  it('top customers: at most 5, by revenue descending, names and no emails', async () => {
    const rows = rowsOf(await runWidget(superadmin, byId('market-top-customers')));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(5);
    const revenues = rows.map((r) => r.revenue as number);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['country', 'customer', 'orders', 'revenue']);
      expect(typeof r.customer).toBe('string');
      expect(JSON.stringify(r)).not.toContain('@');
    }
  });

  it('orders today vs yesterday: one row of two counts matching direct counts', async () => {
    const rows = rowsOf(await runWidget(superadmin, byId('market-orders-today')));
    expect(rows).toHaveLength(1);
    const [direct] = await query<{ today: number; yesterday: number }>(
      'market',
      `SELECT (SELECT count(*)::int FROM orders WHERE created_at >= current_date) AS today,
              (SELECT count(*)::int FROM orders WHERE created_at >= current_date - 1 AND created_at < now() - interval '1 day') AS yesterday`,
    );
    expect(rows[0]).toEqual(direct);
  });
});

describe('running a widget', () => {
  it('runs in a READ ONLY transaction with the widget statement timeout', async () => {
    const probe = defineWidget({
      id: 'probe',
      title: 'Probe',
      domain: 'market',
      timeoutMs: 1234,
      query: ({ tx }) => tx.query(`SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS st`),
      display: { kind: 'table', columns: ['ro', 'st'] },
    });
    expect(rowsOf(await runWidget(superadmin, probe))).toEqual([{ ro: 'on', st: '1234ms' }]);

    const writer = defineWidget({
      id: 'writer',
      title: 'Writer',
      domain: 'market',
      query: async ({ tx }) => tx.query(`UPDATE products SET stock = stock + 1 WHERE id = 1 RETURNING id`),
      display: { kind: 'table', columns: ['id'] },
    });
    const [before] = await query<{ stock: number }>('market', 'SELECT stock FROM products WHERE id = 1');
    const result = await runWidget(superadmin, writer);
    expect(result).toMatchObject({
      ok: false,
      reason: 'failed',
      error: 'Widget "Writer" (market): the query tried to write, but the dashboard only reads (READ ONLY transaction).',
    });
    expect(await query('market', 'SELECT stock FROM products WHERE id = 1')).toEqual([before]);
  });

  it('a query that exceeds its timeout yields a timeout result within the budget, and the pool is fine afterwards', async () => {
    const slow = defineWidget({
      id: 'slow',
      title: 'Slow',
      domain: 'market',
      query: 'SELECT pg_sleep(10) AS x',
      timeoutMs: 300,
      display: { kind: 'number', valueColumn: 'x' },
    });
    const started = Date.now();
    const result = await runWidget(superadmin, slow);
    const took = Date.now() - started;
    expect(result).toMatchObject({
      ok: false,
      reason: 'timeout',
      error: 'Widget "Slow" (market): the query ran longer than its 300 ms limit and was cancelled.',
    });
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(300 + WIDGET_GRACE_MS);
    expect(await query('market', 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    expect(getPool('market').waitingCount).toBe(0);
  });

  it('a query function that never settles is abandoned at the budget, with its signal aborted', async () => {
    let signal: AbortSignal | undefined;
    const stuck = defineWidget({
      id: 'stuck',
      title: 'Stuck',
      domain: 'blog',
      timeoutMs: 200,
      query: (ctx) => {
        signal = ctx.signal;
        return new Promise(() => {});
      },
      display: { kind: 'number', valueColumn: 'x' },
    });
    const started = Date.now();
    const result = await runWidget(superadmin, stuck);
    expect(Date.now() - started).toBeLessThan(200 + WIDGET_GRACE_MS + 200);
    expect(result).toMatchObject({ ok: false, reason: 'timeout', error: `Widget "Stuck" (blog): no answer within ${200 + WIDGET_GRACE_MS} ms.` });
    expect(signal?.aborted).toBe(true);
    // Its transaction was rolled back and the client returned: the pool is whole again.
    await expect.poll(() => getPool('blog').idleCount).toBe(getPool('blog').totalCount);
    expect(await query('blog', 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('a query function that keeps going after its budget cannot use the transaction any more', async () => {
    let late: Promise<unknown> | undefined;
    const lingering = defineWidget({
      id: 'lingering',
      title: 'Lingering',
      domain: 'blog',
      timeoutMs: 100,
      query: async ({ tx }) => {
        await new Promise((r) => setTimeout(r, 100 + WIDGET_GRACE_MS + 100));
        late = tx.query('SELECT 1 AS x').catch((error: unknown) => error);
        return [];
      },
      display: { kind: 'number', valueColumn: 'x' },
    });
    expect(await runWidget(superadmin, lingering)).toMatchObject({ ok: false, reason: 'timeout' });
    await expect.poll(() => late, { timeout: 2_000 }).toBeDefined();
    expect(await late).toMatchObject({ name: 'BudgetExceededError', message: 'Widget "Lingering" (blog): abandoned after its time budget.' });
  });

  it('a domain whose server never answers gives a timeout result within the budget, not a hang', async () => {
    const silent = await silentServer();
    try {
      installConfig(targetFromUrl('hub', dbs.hub.url), [
        targetFromUrl('blog', dbs.blog.url),
        targetFromUrl('market', `postgres://postgres@127.0.0.1:${silent.port}/market`, { connectionTimeoutMs: 2_000 }),
      ]);
      const w = { ...byId('market-orders-today'), timeoutMs: 300 };
      const started = Date.now();
      const result = await runWidget(superadmin, w);
      expect(Date.now() - started).toBeLessThan(300 + WIDGET_GRACE_MS + 200);
      expect(result).toMatchObject({ ok: false, reason: 'timeout', error: `Widget "Orders today" (market): no answer within ${300 + WIDGET_GRACE_MS} ms.` });
      // The other domain's widget is unaffected.
      expect((await runWidget(superadmin, byId('blog-posts-per-day'))).ok).toBe(true);
    } finally {
      await resetEngine();
      silent.close();
    }
  });

  it('a domain that refuses connections gives the engine message', async () => {
    const closed = await freePort();
    installConfig(targetFromUrl('hub', dbs.hub.url), [
      targetFromUrl('blog', dbs.blog.url),
      targetFromUrl('market', `postgres://postgres@127.0.0.1:${closed}/market`),
    ]);
    const result = await runWidget(superadmin, byId('market-top-customers'));
    expect(result).toMatchObject({
      ok: false,
      reason: 'unavailable',
      error: `Domain "market": nothing accepts connections at 127.0.0.1:${closed} (connection refused). Is the server running? Check MARKET_DB_HOST and MARKET_DB_PORT.`,
    });
  });

  it('a widget of a domain the operator cannot see is not run, nor listed', async () => {
    let runs = 0;
    const counted = defineWidget({
      id: 'counted',
      title: 'Counted',
      domain: 'market',
      query: async ({ tx }) => {
        runs++;
        return tx.query('SELECT 1 AS x');
      },
      display: { kind: 'number', valueColumn: 'x' },
    });
    const blogViewer = operatorWith({ blog: 'viewer' });
    const result = await runWidget(blogViewer, counted);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(runs).toBe(0);
    expect(visibleWidgets(blogViewer, [...demoWidgets, counted]).map((w) => w.id)).toEqual(['blog-posts-per-day']);
    expect(visibleWidgets(operatorWith({}), demoWidgets)).toEqual([]);
    expect(visibleWidgets(superadmin, demoWidgets)).toHaveLength(4);

    // minRole: an editors-only widget is neither listed nor run for a viewer.
    const editorsOnly = { ...counted, id: 'editors', minRole: 'editor' as const };
    expect(await runWidget(operatorWith({ market: 'viewer' }), editorsOnly)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(runs).toBe(0);
    expect(rowsOf(await runWidget(operatorWith({ market: 'editor' }), editorsOnly))).toEqual([{ x: 1 }]);
    expect(runs).toBe(1);

    // A widget of a domain that is not configured here is not listed, even for a superadmin.
    installConfig(targetFromUrl('hub', dbs.hub.url), [targetFromUrl('blog', dbs.blog.url)]);
    expect(visibleWidgets(superadmin, demoWidgets).map((w) => w.id)).toEqual(['blog-posts-per-day']);
  });

  it('a query missing a declared column fails with what it returned; other SQL errors get a reference, never the SQL', async () => {
    const wrong = defineWidget({
      id: 'wrong',
      title: 'Wrong',
      domain: 'blog',
      query: 'SELECT 1 AS a, 2 AS b',
      display: { kind: 'line', xColumn: 'a', yColumns: ['c'] },
    });
    expect(await runWidget(superadmin, wrong)).toMatchObject({
      ok: false,
      reason: 'failed',
      error: 'Widget "Wrong" (blog): the query returned no column "c" (it returned a, b).',
    });
    // A table that is not there is named in words (db/read-refusals.ts), never with the SQL.
    const missing = defineWidget({
      id: 'missing',
      title: 'Missing',
      domain: 'blog',
      query: 'SELECT secret_column FROM no_such_table',
      display: { kind: 'number', valueColumn: 'x' },
    });
    const named = await runWidget(superadmin, missing);
    expect(!named.ok && named.error).toBe('"no_such_table" does not exist in this domain\'s database: `npm run doctor` lists what differs.');
    const broken = defineWidget({
      id: 'broken',
      title: 'Broken',
      domain: 'blog',
      query: 'SELECT 1 / (SELECT count(*) - count(*) FROM posts) AS x',
      display: { kind: 'number', valueColumn: 'x' },
    });
    const { result, output } = await captureStderr(() => runWidget(superadmin, broken));
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    expect(!result.ok && result.error).toMatch(/^Something went wrong on the server \(reference \w+\)\.$/);
    // The SQL error goes to the server's log, under the reference the operator is shown.
    const reference = /reference (\w+)/.exec(String(!result.ok && result.error))![1]!;
    expect(output).toContain(`unexpected error [ref ${reference}]: error: division by zero`);
  });
});

describe('defineWidget', () => {
  const base = { id: 'w', title: 'W', domain: 'blog' as const, display: { kind: 'number' as const, valueColumn: 'x' } };

  it('accepts one SELECT; semicolons and $ inside strings, identifiers, comments and dollar quotes are not code', () => {
    for (const sql of [
      'SELECT 1 AS x',
      'SELECT 1 AS x;',
      'WITH a AS (SELECT 1) SELECT * FROM a',
      "SELECT ';' AS x, 'it''s; $1' AS y -- ; $1\n",
      'SELECT 1 AS "a;b" /* ; /* nested ; */ $1 */',
      'SELECT $$ ; $1 $$ AS x, $tag$ ; $tag$ AS y',
      "SELECT E'\\'; $1' AS x",
      'VALUES (1)',
      '(SELECT 1 AS x)',
    ]) {
      expect(sqlProblem(sql), sql).toBeUndefined();
    }
  });

  it('refuses several statements, parameters, statements other than SELECT and bad settings, naming the widget', () => {
    expect(() => defineWidget({ ...base, query: 'SELECT 1; DELETE FROM posts' })).toThrow('Widget "w": the query must be a single statement');
    expect(() => defineWidget({ ...base, query: "COMMIT; SELECT 'x'" })).toThrow('single statement');
    expect(() => defineWidget({ ...base, query: 'SELECT * FROM posts WHERE id = $1' })).toThrow('must not use parameters');
    expect(() => defineWidget({ ...base, query: 'SET statement_timeout = 0' })).toThrow('must be a SELECT');
    expect(() => defineWidget({ ...base, query: 'DELETE FROM posts' })).toThrow('must be a SELECT');
    expect(() => defineWidget({ ...base, query: '  -- nothing\n' })).toThrow('the query is empty');
    expect(() => defineWidget({ ...base, id: 'Bad Id', query: 'SELECT 1' })).toThrow('lower-case');
    expect(() => defineWidget({ ...base, query: 'SELECT 1', timeoutMs: 0 })).toThrow('timeoutMs');
    expect(() => defineWidget({ ...base, query: 'SELECT 1', refreshSeconds: 1 })).toThrow('refreshSeconds');
    expect(() => defineWidget({ ...base, query: 'SELECT 1', display: { kind: 'bar', xColumn: 'x', yColumns: [] } })).toThrow('at least one y column');
    expect(() => widgetList([defineWidget({ ...base, query: 'SELECT 1' }), defineWidget({ ...base, query: 'SELECT 2' })])).toThrow(
      'Widget "w": another widget has the same id.',
    );
  });

  it('fills in the defaults: 2 s statement timeout, viewers', () => {
    expect(defineWidget({ ...base, query: 'SELECT 1 AS x' })).toMatchObject({ timeoutMs: 2000, minRole: 'viewer' });
  });
});
