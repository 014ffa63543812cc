/**
 * `npm run bench`: the hub's production build against the floor (the same SQL through a bare
 * Node http server and pg), on a posts table of 1,000,000 rows in the embedded PostgreSQL.
 * Prints one table (hub, floor, ratio, target) and writes bench/results.json.
 *
 *   npm run bench                                  full run
 *   BENCH_ROWS=3000 BENCH_RUNS=5 BENCH_SECONDS=1 npm run bench    the smoke run CI does
 *   BENCH_ONLY=orders BENCH_ORDERS=10000000 npm run bench          the demo's market orders at 10M (bench/orders.ts)
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import '../scripts/with-hub';
import { closeAllPools } from '@/engine/db/pools';
import { query } from '@/engine/db/query';
import { buildApp, isBuildStale } from '@/engine/lifecycle/build';
import { buildExportSql } from '@/engine/export/export-resource';
import { encodeCursor } from '@/engine/list/cursor';
import { parseListQuery } from '@/engine/list/list-query';
import { getRecord } from '@/engine/records/read-record';
import { updateRecord } from '@/engine/records/write-record';
import { startBulk } from '@/engine/records/bulk';
import { findResource } from '@/engine/resources/registry';
import { startBenchHub, startBenchPostgres, startFloor } from './bench-hub';
import { getter, pairedLatency, throughput } from './http-load';
import { coolDown, peakSampler, rssMb } from './memory';
import { kb, PAGE_WEIGHT_TARGETS, pageWeight } from './page-weight';
import { rscNavigation } from './rsc-navigation';
import { ensureBenchPosts } from './seed-posts';
import { benchOrders, ensureBenchMarket, marketDatabase } from './orders';
import { compareExport, compareLists, countShown, deepVersusFirst, floorStatements, listQs, type ListCase } from './list-cases';
import { PGBOUNCER_BINARY, startPgBouncer } from '../tests/support/pgbouncer';
import { measure, round, summarise } from './stats';

const root = process.cwd();
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
/** The demo's market orders (bench/orders.ts): as many as posts unless set. */
const ORDERS = Number(process.env.BENCH_ORDERS ?? ROWS);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** How long the hub is given to fall back under 200 MB after the 16-client load: 60 s, shorter in a smoke run. */
const COOL_DOWN_SECONDS = Number(process.env.BENCH_COOL_DOWN_SECONDS ?? Math.min(60, SECONDS * 6));
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
/** BENCH_ONLY=q5,save runs just those parts (for profiling one path); the default runs all. */
const ONLY = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const want = (part: 'list' | 'q5' | 'throughput' | 'save' | 'bulk' | 'export' | 'orders' | 'weight' | 'pgbouncer') => !ONLY || ONLY.includes(part);

/** The hub and floor processes, stopped when the bench fails, so none is left running. */
const children: ChildProcess[] = [];

async function main() {
  // 1. Data: its own embedded cluster, so the bench never touches the demo's.
  const pgServer = await startBenchPostgres(log);
  await ensureBenchPosts(pgServer.url('bench'), ROWS, log);
  const ordersSeedSeconds = want('orders') ? await ensureBenchMarket(pgServer, ORDERS, log) : undefined;

  // 2. The hub's production build, started the way `npm start` does, an editor signed in.
  if (isBuildStale(root)) await buildApp(root);
  const hub = await startBenchHub(
    pgServer,
    3900 + Math.floor(Math.random() * 90),
    {},
    {
      bench: 'bench',
      ...(want('orders') ? { market: marketDatabase(ORDERS) } : {}),
    },
  );
  children.push(hub.process);
  const { url: hubUrl, cookie, email } = hub;
  const hubPid = hub.process.pid!;
  // The hub's memory (issue 18): RSS of its process tree once started and an editor signed in.
  const rssAfterStart = round(rssMb(hubPid));
  const { resource, domain } = await findResource('bench', 'posts');

  // 4. The cases, and the same statements for the floor.
  const [deep] = await query<{ at: string; id: string }>(
    domain,
    'SELECT created_at::text AS at, id::text AS id FROM posts ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1',
    [Math.floor(ROWS / 2) - 1],
  );
  const cases: Record<string, ListCase> = {
    q1: { params: {} },
    q2cursor: { params: { after: encodeCursor([deep!.at, deep!.id]) } },
    q2jump: { params: { page: String(Math.max(1, Math.floor(ROWS / 2 / 50))) }, info: true },
    q3: { params: { q: 'zephyr' }, count: 'exact' },
    // A broad filter (75% of rows) and a narrow one (0.2%), both with their counts (issue 18).
    // The broad filter's count is the planner's estimate (EXPLAIN, what the hub answers "about N"
    // from); the narrow one is counted exactly, so its floor also counts.
    q4broad: { params: { 'f.published': 'true' }, count: 'planned' },
    q4narrow: { params: { 'f.author_id': '7' }, count: 'planned+exact' },
  };
  const floorProcess = await startFloor(pgServer.url('bench'), floorStatements(resource, cases), buildExportSql(resource, parseListQuery(resource, {})));
  const floor = floorProcess.process;
  children.push(floor);
  const hubGet = getter(hubUrl, { cookie });
  const floorGet = getter(floorProcess.url);

  const results: Record<string, unknown> = {};
  const table: string[][] = [];
  const row = (name: string, hubV: string, floorV: string, ratio: number | string, target: string, ok: boolean | undefined) => {
    table.push([name, hubV, floorV, String(ratio), target, ok === undefined ? '' : ok ? 'ok' : 'MISSED']);
  };
  const sides = { hubGet, floorGet, api: '/api/d/bench/posts', runs: RUNS, row, results };
  if (want('list')) {
    await compareLists(sides, cases);
    // What the hub answered for the two filters' counts: "about N" from the planner on the broad
    // one, the exact number on the narrow one (on a small smoke table both are exact: under 50,000 rows).
    for (const name of ['q4broad', 'q4narrow']) await countShown(sides, hub, floorProcess.url, name, cases[name]!);
    deepVersusFirst(sides, 'q2cursor', 'q1', 'q2 cursor ÷ q1 (hub)');
  }
  row('hub RSS after start', `${rssAfterStart} MB`, '', '', '≤ 150 MB', rssAfterStart <= 150);
  results.memory = { afterStartMb: rssAfterStart };

  if (want('q5')) {
    // The page and the JSON call it is compared with, turn about.
    const { a: html, b: json } = await pairedLatency({ get: hubGet, path: '/d/bench/posts' }, { get: hubGet, path: `/api/d/bench/posts?${listQs({})}` }, RUNS);
    const htmlRatio = round(html.median / json.median);
    results.q5 = { hub: html, json, ratioToJson: htmlRatio };
    row('q5 HTML page median', `${html.median} ms`, `${json.median} ms (json)`, htmlRatio, '≤ 3× json', htmlRatio <= 3);
    // Client-side navigation to the list's second page (the router's RSC request) against the
    // JSON call for the same page, turn about.
    const [last] = await query<{ at: string; id: string }>(
      domain,
      'SELECT created_at::text AS at, id::text AS id FROM posts ORDER BY created_at DESC, id DESC OFFSET 49 LIMIT 1',
    );
    const second = { after: encodeCursor([last!.at, last!.id]) };
    const nav = await rscNavigation(hubUrl, cookie, 'bench', 'posts', `/d/bench/posts?${new URLSearchParams({ ...second, pn: '2' })}`);
    const { a: rsc, b: json2 } = await pairedLatency(
      { get: getter(hubUrl, nav.headers), path: nav.path },
      { get: hubGet, path: `/api/d/bench/posts?${listQs(second)}` },
      RUNS,
    );
    const rscRatio = round(rsc.median / json2.median);
    results.q5rsc = { hub: rsc, json: json2, ratioToJson: rscRatio, bytes: nav.bytes, fullPageBytes: nav.fullBytes };
    row('q5 RSC navigation, page 2', `${rsc.median} ms (p95 ${rsc.p95})`, `${json2.median} ms (json)`, rscRatio, '(info)', undefined);
    row('q5 RSC payload, page 2', kb(nav.bytes), `${kb(nav.fullBytes)} (with layouts)`, '', '(info)', undefined);
  }

  if (want('throughput')) {
    const sampler = peakSampler(hubPid);
    const hubRps = await throughput(hubGet, `/api/d/bench/posts?${listQs({})}`, 16, SECONDS * 1000);
    const peakMb = round(sampler.stop());
    // The hub's cool-down is watched while the floor takes its turn (the hub is idle then).
    const [floorRps, cooled] = await Promise.all([throughput(floorGet, '/q1', 16, SECONDS * 1000), coolDown(hubPid, 200, COOL_DOWN_SECONDS * 1000)]);
    const rpsShare = round(hubRps / floorRps);
    results.throughput = { hub: hubRps, floor: floorRps, share: rpsShare };
    row('q1 req/s at 16 clients', String(hubRps), String(floorRps), rpsShare, '≥ 0.6×', rpsShare >= 0.6);
    results.memory = { afterStartMb: rssAfterStart, peakMb, afterLoadMb: round(cooled.mb), afterLoadSeconds: round(cooled.seconds) };
    row('hub RSS peak, 16 clients', `${peakMb} MB`, '', '', '≤ 250 MB', peakMb <= 250);
    row('hub RSS after load', `${round(cooled.mb)} MB after ${cooled.seconds.toFixed(1)} s`, '', '', `< 200 MB within ${COOL_DOWN_SECONDS} s`, cooled.under);
  }

  // The editor the in-process cases (save, bulk) act as.
  const editor = { id: 'bench', email, name: 'bench', superadmin: false, roles: { bench: 'editor' as const }, sessionId: undefined };
  if (want('save')) {
    // A save with its audit record, in process, against the same UPDATE + audit INSERT through pg.
    // The form already holds the version it loaded: the save is timed, the page load before it is not.
    const versions = new Map<string, string>();
    for (let i = 1; i <= 1000; i++) versions.set(String(i), (await getRecord(editor, domain, resource, String(i))).version!);
    let n = 0;
    const save = summarise(
      await measure(
        async () => {
          const id = String(1 + (n++ % 1000));
          const saved = await updateRecord(editor, domain, resource, id, { title: `Saved ${n}` }, versions.get(id)!);
          versions.set(id, saved.version!);
        },
        Math.max(5, Math.floor(RUNS / 2)),
      ),
    );
    const raw = new pg.Client({ connectionString: pgServer.url('bench') });
    const rawHub = new pg.Client({ connectionString: pgServer.url('bench_hub') });
    await raw.connect();
    await rawHub.connect();
    const rawSave = summarise(
      await measure(
        async () => {
          const id = 1 + (n++ % 1000);
          await raw.query('BEGIN');
          await raw.query('SELECT * FROM posts WHERE id = $1 FOR UPDATE', [id]);
          await raw.query('UPDATE posts SET title = $1 WHERE id = $2', [`Raw ${n}`, id]);
          await rawHub.query("INSERT INTO hub_audit (action, outcome, domain, resource, record_id) VALUES ('update', 'committed', 'bench', 'posts', $1)", [
            String(id),
          ]);
          await raw.query('COMMIT');
        },
        Math.max(5, Math.floor(RUNS / 2)),
      ),
    );
    await raw.end();
    await rawHub.end();
    const saveRatio = round(save.median / rawSave.median);
    results.save = { hub: save, floor: rawSave, ratio: saveRatio };
    row('save + audit median', `${save.median} ms`, `${rawSave.median} ms`, saveRatio, '≤ 2×', saveRatio <= 2);
  }

  if (want('bulk')) {
    // Bulk "set field" on selected rows (an admin's action), in process: every row locked, updated and audited,
    // each in its own savepoint so one refused row does not stop the others. Informational:
    // the issue sets no target, and the floor's one set-based UPDATE would not audit per row.
    const bulkRows = Math.min(2000, ROWS);
    // The last rows of the table: away from the save's rows 1–1,000, and there in a small smoke run too.
    const ids = Array.from({ length: bulkRows }, (_, i) => String(ROWS - bulkRows + 1 + i));
    const runs: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const run = await startBulk(
        { ...editor, roles: { bench: 'admin' as const } },
        domain,
        resource,
        { kind: 'set', field: 'published', value: round % 2 === 0 ? 'true' : 'false' },
        { ids },
      );
      const batches = run.batches();
      let next = await batches.next();
      while (!next.done) next = await batches.next();
      if (next.value.failed.length > 0) throw new Error(`bulk: ${next.value.failed.length} rows failed`);
      runs.push(bulkRows / ((performance.now() - started) / 1000));
    }
    const rowsPerSecond = Math.round(runs.sort((a, b) => a - b)[1]!);
    results.bulk = { rows: bulkRows, rowsPerSecond };
    row('bulk set-field rows/s', `${rowsPerSecond} (${bulkRows} rows)`, '', '', '(info)', undefined);
  }

  if (want('export')) {
    // Export of every row: time, rows/s and the hub's memory, next to the floor's export.
    await compareExport(sides, { ...hub, pid: hubPid }, floorProcess.url, 'f.author_id=1');
  }

  if (want('orders')) {
    results.ordersSeed = { orders: ORDERS, seconds: ordersSeedSeconds ?? 'reused' };
    await benchOrders({ pgServer, hub: { ...hub, pid: hubPid }, orders: ORDERS, runs: RUNS, row, results });
  }

  if (want('pgbouncer')) {
    // Q1 with PgBouncer (transaction pooling) between a second hub and the bench database (issue
    // 19), against the same floor, which connects directly: what the pooler and the hub's
    // per-transaction settings (BEGIN; SET LOCAL …, the statements, COMMIT) cost together.
    if (!existsSync(PGBOUNCER_BINARY)) {
      row('q1 via PgBouncer (transaction)', `not measured: no ${PGBOUNCER_BINARY}`, '', '', '(apt install pgbouncer)', undefined);
    } else {
      const bouncer = await startPgBouncer(pgServer.url('bench'));
      const pooledUrl = new URL(pgServer.url('bench'));
      pooledUrl.port = String(bouncer.port);
      const pooledHub = await startBenchHub(pgServer, 3900 + Math.floor(Math.random() * 90) + 100, {
        BENCH_DATABASE_URL: pooledUrl.toString(),
        BENCH_DB_POOL_MODE: 'transaction',
      });
      children.push(pooledHub.process);
      try {
        const pooledGet = getter(pooledHub.url, { cookie: pooledHub.cookie });
        const { a: h, b: f } = await pairedLatency({ get: pooledGet, path: `/api/d/bench/posts?${listQs({})}` }, { get: floorGet, path: '/q1' }, RUNS);
        const ratio = round(h.median / f.median);
        results.q1pgbouncer = { hub: h, floor: f, ratio, p95Ratio: round(h.p95 / f.p95) };
        row('q1 via PgBouncer (transaction)', `${h.median} ms (p95 ${h.p95})`, `${f.median} ms (direct)`, ratio, '(stated)', undefined);
      } finally {
        await pooledHub.stop();
        await bouncer.stop();
      }
    }
  }

  if (want('weight')) {
    // First-load JavaScript of the build just measured, gzipped (issue 18); a size, not a timing.
    for (const { route, label, gzipTarget } of PAGE_WEIGHT_TARGETS) {
      const w = pageWeight(root, route);
      results[`weight ${route}`] = w;
      row(
        `first-load JS, ${label}`,
        `${kb(w.gzipBytes)} gzip (${kb(w.bytes)})`,
        `framework ${kb(w.frameworkGzipBytes)}`,
        '',
        `≤ ${kb(gzipTarget)} gzip`,
        w.gzipBytes <= gzipTarget,
      );
    }
  }

  const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...[['case', 'hub', 'floor', 'ratio', 'target', ''], ...table].map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ');
  const ordersLine = want('orders')
    ? `; market orders: ${ORDERS.toLocaleString('en-US')}${ordersSeedSeconds ? ` (seeded in ${ordersSeedSeconds} s)` : ''}`
    : '';
  console.log(
    `\nposts: ${ROWS.toLocaleString('en-US')} rows${ordersLine}; ${RUNS} sequential requests per case after warm-up; ${SECONDS} s per throughput run\n`,
  );
  console.log(line(['case', 'hub', 'floor', 'ratio', 'target', '']));
  for (const r of table) console.log(line(r));
  writeFileSync('bench/results.json', JSON.stringify({ date: new Date().toISOString(), rows: ROWS, orders: ORDERS, runs: RUNS, results, table }, null, 2));
  console.log('\nwritten to bench/results.json');

  floor.kill('SIGTERM');
  await Promise.all([hub.stop(), new Promise((r) => floor.once('exit', r))]);
  await closeAllPools();
  await pgServer.stop();
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
