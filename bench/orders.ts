/**
 * The demo's market orders in the bench (issue 19, part 5: the scale of one table). The demo's
 * own seed fills a database of the bench cluster (market_<n>) with BENCH_ORDERS orders (BENCH_ROWS
 * unless set; `BENCH_ORDERS=10000000` is the `npm start -- --big` demo's size), and the hub serves
 * them as the demo defines them (src/demo/resources/market.ts: newest first, the customer's name
 * beside each order) against a floor on the same database that answers the same JSON, labels
 * included: the first page, a page by cursor from the middle, a broad and a narrow filter with
 * their counts, and the CSV export of every order.
 */
import type { EmbeddedServer } from '@/demo/embedded/postgres-server';
import { ensureSeeded } from '@/demo/embedded/seeded';
import { buildExportSql } from '@/engine/export/export-resource';
import { parseListQuery } from '@/engine/list/list-query';
import { query } from '@/engine/db/query';
import { encodeCursor } from '@/engine/list/cursor';
import { quoteIdent, quoteTable } from '@/engine/list/sql';
import { findResource } from '@/engine/resources/registry';
import { startFloor } from './bench-hub';
import { getter } from './http-load';
import { compareExport, compareLists, countShown, deepVersusFirst, floorStatements, type ListCase, type Row } from './list-cases';

/** Each size in a database of its own (market_1000000…), kept for the next run: 10,000,000 take minutes to seed. */
export const marketDatabase = (orders: number) => `market_${orders}`;

/** Seeds the market of `orders` orders unless it is there; the seed's seconds, or undefined when reused. */
export async function ensureBenchMarket(pgServer: EmbeddedServer, orders: number, log: (m: string) => void): Promise<number | undefined> {
  const started = performance.now();
  const seeded = await ensureSeeded(pgServer, 'market', { orders, database: marketDatabase(orders), onProgress: (m) => log(m) });
  return seeded ? Math.round((performance.now() - started) / 100) / 10 : undefined;
}

export async function benchOrders(options: {
  pgServer: EmbeddedServer;
  hub: { url: string; cookie: string; pid: number };
  orders: number;
  runs: number;
  row: Row;
  results: Record<string, unknown>;
}): Promise<void> {
  const { pgServer, hub, orders } = options;
  const { resource, domain } = await findResource('market', 'orders');
  const { resource: customers } = await findResource('market', 'customers');

  // The row halfway down the list (newest first, the demo's order): its cursor, read from the index alone.
  if (resource.defaultSort.map((s) => `${s.column} ${s.direction}`).join() !== 'created_at desc') throw new Error('market.orders: expected newest first');
  const [deep] = await query<{ at: string; id: string }>(
    domain,
    'SELECT created_at::text AS at, id::text AS id FROM orders ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1',
    [Math.floor(orders / 2) - 1],
  );
  // A customer of the middle of the sign-ups: ~200 of 10,000,000 orders (0.002%), counted exactly.
  const customer = String(Math.ceil(50_000 / 2));
  const cases: Record<string, ListCase> = {
    o1: { params: {} },
    o2cursor: { params: { after: encodeCursor([deep!.at, deep!.id]) } },
    // Delivered: most orders; "about N" from the planner. One customer's: counted within the budget.
    o4status: { params: { 'f.status': 'delivered' }, count: 'planned' },
    o4customer: { params: { 'f.customer_id': customer }, count: 'planned+exact' },
  };
  // The labels the hub's page carries for customer_id: one lookup of the page's customers.
  const label = customers.recordLabel!.columns.map((c) => `${quoteIdent(c)}::text`);
  const labels = {
    column: 'customer_id',
    text: `SELECT id::text AS __key, ${label.length === 1 ? label[0] : `concat_ws(' ', ${label.join(', ')})`} AS label FROM ${quoteTable(customers.table)} WHERE id = ANY($1::bigint[])`,
  };
  const floor = await startFloor(
    pgServer.url(marketDatabase(orders)),
    floorStatements(resource, cases),
    buildExportSql(resource, parseListQuery(resource, {})),
    labels,
  );
  try {
    const sides = {
      hubGet: getter(hub.url, { cookie: hub.cookie }),
      floorGet: getter(floor.url),
      api: '/api/d/market/orders',
      runs: options.runs,
      row: options.row,
      results: options.results,
    };
    await compareLists(sides, cases);
    deepVersusFirst(sides, 'o2cursor', 'o1', 'o2 cursor ÷ o1 (hub)');
    for (const name of ['o1', 'o4status', 'o4customer']) await countShown(sides, hub, floor.url, name, cases[name]!);
    await compareExport(sides, hub, floor.url, `f.customer_id=${customer}`, 'orders export');
  } finally {
    const exited = floor.process.exitCode !== null || new Promise((r) => floor.process.once('exit', r));
    floor.process.kill('SIGTERM');
    await exited;
  }
}
