/**
 * `npm run bench:engine`: list latency of the engine on the market demo's 1,000,000 orders, next
 * to the very same SQL run straight through one pg.Pool (the floor). Median and p95 over
 * sequential runs after warm-up. Uses the embedded demo (started, or reused when a hub is
 * running), or whatever HUB_DOMAINS points at when it has a `market` domain.
 *
 *   npm run bench:engine          full run (200 samples per case)
 *   BENCH_RUNS=20 npm run bench:engine   a quick run
 */
import { writeFileSync } from 'node:fs';
import '../scripts/with-hub';
import nextEnv from '@next/env';
import pg from 'pg';
import { commandLineOperator } from '@/engine/auth/operator';
import { bootForTool } from '@/engine/boot';
import { checkDomain, targetFor } from '@/engine/config/current';
import { closeAllPools } from '@/engine/db/pools';
import { query } from '@/engine/db/query';
import { sslOptions } from '@/engine/db/ssl';
import { buildCountSql, buildEstimateSql, buildRowsSql } from '@/engine/list/build-sql';
import { encodeCursor } from '@/engine/list/cursor';
import { parseListQuery, type SearchParams } from '@/engine/list/list-query';
import { listResource } from '@/engine/list/run-list';
import { findResource } from '@/engine/resources/registry';
import { measure, summarise } from './stats';

nextEnv.loadEnvConfig(process.cwd(), false);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const booted = await bootForTool();
const domain = checkDomain('market');
const operator = commandLineOperator('bench');
const { resource: orders } = await findResource('market', 'orders');
const { resource: customers } = await findResource('market', 'customers');
const [{ n: total }] = (await query<{ n: string }>(domain, 'SELECT count(*)::text AS n FROM orders')) as [{ n: string }];

// The floor: a plain pool with the same target, running the same statements, no engine.
const target = targetFor(domain);
const floorPool = new pg.Pool({
  host: target.host,
  port: target.port,
  database: target.database,
  user: target.user,
  password: target.password,
  ssl: sslOptions(target),
  max: 4,
});

// A cursor at row 500,000 of the default order (created_at desc, id desc): a deep page.
const [deep] = (await query<{ at: string; id: string }>(
  domain,
  'SELECT created_at::text AS at, id::text AS id FROM orders ORDER BY created_at DESC, id DESC OFFSET 499999 LIMIT 1',
)) as [{ at: string; id: string }];
const deepCursor = encodeCursor([deep.at, deep.id]);

const cases: { name: string; resource: typeof orders; params: SearchParams }[] = [
  { name: 'orders: page 1 (newest first, with count)', resource: orders, params: {} },
  { name: 'orders: row 500,000 by cursor', resource: orders, params: { after: deepCursor } },
  { name: 'orders: page 10,000 by jump (OFFSET)', resource: orders, params: { page: '10000' } },
  { name: 'orders: search by order id', resource: orders, params: { q: '123456' } },
  { name: 'orders: filter status=refunded', resource: orders, params: { 'f.status': 'refunded' } },
  { name: 'customers: search "anna" (pg_trgm)', resource: customers, params: { q: 'anna' } },
];

/** The statements the engine runs for a request, straight through pg, in the same shape (rows ∥ count). */
async function floor(resource: typeof orders, params: SearchParams): Promise<void> {
  const q = parseListQuery(resource, params);
  const rows = buildRowsSql(resource, q);
  const filtered = q.search !== undefined || q.filters.length > 0;
  const count = filtered ? buildCountSql(resource, q) : buildEstimateSql(resource);
  await Promise.all([floorPool.query(rows.text, rows.values), floorPool.query(count.text, count.values)]);
}

console.log(`market.orders: ${Number(total).toLocaleString('en-US')} rows; ${runs} sequential runs per case after warm-up\n`);
const results = [];
for (const c of cases) {
  const hub = summarise(await measure(() => listResource(operator, domain, c.resource, c.params), runs));
  const base = summarise(await measure(() => floor(c.resource, c.params), runs));
  const ratio = Math.round((hub.median / base.median) * 100) / 100;
  results.push({ case: c.name, hub, floor: base, ratio });
  console.log(
    `${c.name.padEnd(44)} engine ${String(hub.median).padStart(7)} ms (p95 ${String(hub.p95).padStart(7)})   pg ${String(base.median).padStart(7)} ms (p95 ${String(base.p95).padStart(7)})   ×${ratio}`,
  );
}
writeFileSync('bench/engine-results.json', JSON.stringify({ date: new Date().toISOString(), rows: Number(total), runs, results }, null, 2));
console.log('\nwritten to bench/engine-results.json');
await floorPool.end();
await closeAllPools();
await booted.stopDatabases();
