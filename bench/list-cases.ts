/**
 * The list and export cases, hub against floor, shared by the posts table (bench/run.ts) and the
 * demo's market orders (bench/orders.ts): the floor's statements for a case, the paired
 * latencies, the count each side shows, and the CSV export.
 */
import type { BuiltSql } from '@/engine/list/build-sql';
import { buildCountSql, buildPlanEstimateSql, buildRowsSql } from '@/engine/list/build-sql';
import { parseListQuery } from '@/engine/list/list-query';
import type { Resource } from '@/engine/resources/types';
import { pairedLatency, type Get } from './http-load';
import { rssMb } from './memory';
import { round } from './stats';

/** One line of the printed table: case, hub, floor, ratio, target, and whether it is met (undefined: information only). */
export type Row = (name: string, hubV: string, floorV: string, ratio: number | string, target: string, ok: boolean | undefined) => void;

/**
 * A list request and what its count costs the floor at the least: nothing (an unfiltered list
 * shows the table's estimate, cached), `exact` (count(*)), `planned` (the planner's estimate
 * of the query: EXPLAIN, what the hub answers "about N" from), or `planned+exact` (a filter the
 * planner says is narrow is then counted). `info`: no target (paging by OFFSET).
 */
export interface ListCase {
  params: Record<string, string>;
  count?: 'exact' | 'planned' | 'planned+exact';
  info?: boolean;
}

export function floorStatements(resource: Resource, cases: Record<string, ListCase>): Record<string, BuiltSql[]> {
  const routes: Record<string, BuiltSql[]> = {};
  for (const [name, c] of Object.entries(cases)) {
    const q = parseListQuery(resource, c.params);
    const statements = [buildRowsSql(resource, q)];
    if (c.count?.startsWith('planned')) statements.push(buildPlanEstimateSql(resource, q));
    if (c.count?.endsWith('exact')) statements.push(buildCountSql(resource, q));
    routes[`/${name}`] = statements;
  }
  return routes;
}

export const listQs = (p: Record<string, string>) => new URLSearchParams({ size: '50', ...p }).toString();

export interface Sides {
  hubGet: Get;
  floorGet: Get;
  /** The hub's JSON list, e.g. /api/d/bench/posts. */
  api: string;
  runs: number;
  row: Row;
  results: Record<string, unknown>;
}

/** Each case turn about on hub and floor: median and p95 against ≤ 1.5× and ≤ 2×. */
export async function compareLists(sides: Sides, cases: Record<string, ListCase>): Promise<void> {
  const { hubGet, floorGet, api, runs, row, results } = sides;
  for (const [name, c] of Object.entries(cases)) {
    const { a: h, b: f } = await pairedLatency({ get: hubGet, path: `${api}?${listQs(c.params)}` }, { get: floorGet, path: `/${name}` }, runs);
    const ratio = round(h.median / f.median);
    const p95 = round(h.p95 / f.p95);
    results[name] = { hub: h, floor: f, ratio, p95Ratio: p95 };
    row(`${name} median`, `${h.median} ms`, `${f.median} ms`, ratio, c.info ? '(offset: info)' : '≤ 1.5×', c.info ? undefined : ratio <= 1.5);
    row(`${name} p95`, `${h.p95} ms`, `${f.p95} ms`, p95, c.info ? '' : '≤ 2×', c.info ? undefined : p95 <= 2);
  }
}

/** The deep page by cursor against the first page, on the hub: paging by cursor costs the same anywhere. */
export function deepVersusFirst(sides: Pick<Sides, 'row' | 'results'>, deep: string, first: string, label: string): void {
  const median = (name: string) => (sides.results[name] as { hub: { median: number } }).hub.median;
  const ratio = round(median(deep) / median(first));
  sides.row(label, '', '', ratio, '≤ 1.2×', ratio <= 1.2);
  sides.results[`${deep}Vs${first.toUpperCase()}`] = ratio;
}

/**
 * What the hub answered for a filtered case's count ("about N" from the planner, or the exact
 * number) beside the planner's number from the floor (on a small table both are exact).
 */
export async function countShown(
  sides: Pick<Sides, 'api' | 'row' | 'results'>,
  hub: { url: string; cookie: string },
  floorUrl: string,
  name: string,
  c: ListCase,
) {
  const answer = (await (await fetch(`${hub.url}${sides.api}?${listQs(c.params)}`, { headers: { cookie: hub.cookie } })).json()) as {
    count: { label: string };
  };
  const floorAnswer = (await (await fetch(`${floorUrl}/${name}`)).json()) as { count: unknown };
  const planned = (floorAnswer.count as { 'QUERY PLAN'?: [{ Plan: { 'Plan Rows': number } }] } | null)?.['QUERY PLAN']?.[0].Plan['Plan Rows'];
  sides.results[`${name}Count`] = { hub: answer.count.label, planner: planned };
  sides.row(`${name} count shown`, answer.count.label, planned === undefined ? '' : `planner ${planned.toLocaleString('en-US')}`, '', '(info)', undefined);
}

async function download(url: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) for (const b of chunk) if (b === 10) lines++;
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  const seconds = (performance.now() - started) / 1000;
  return { rows: lines - 1, seconds: round(seconds), rowsPerSecond: Math.round((lines - 1) / seconds) };
}

/**
 * The CSV export of every row: time, rows/s and the hub's memory growth, then the floor's
 * export (the same statement through a cursor). `warmUp` is a filter for a small export first,
 * so the measurement is the big export's own growth, not the first use of the code path.
 */
export async function compareExport(
  sides: Pick<Sides, 'api' | 'row' | 'results'>,
  hub: { url: string; cookie: string; pid: number },
  floorUrl: string,
  warmUp: string,
  name = 'export',
): Promise<void> {
  const { api, row, results } = sides;
  const label = name === 'export' ? 'export CSV' : `${name} CSV`;
  await download(`${hub.url}${api}/export?format=csv&${warmUp}`, { cookie: hub.cookie });
  const before = rssMb(hub.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(hub.pid))), 50);
  const hubExport = await download(`${hub.url}${api}/export?format=csv`, { cookie: hub.cookie });
  clearInterval(sampler);
  const floorExport = await download(`${floorUrl}/export`, {});
  const share = round(hubExport.rowsPerSecond / floorExport.rowsPerSecond);
  results[name] = { hub: { ...hubExport, rssGrowthMb: round(peak - before) }, floor: floorExport, share };
  row(
    `${label} rows/s`,
    `${hubExport.rowsPerSecond} (${hubExport.seconds} s)`,
    `${floorExport.rowsPerSecond} (${floorExport.seconds} s)`,
    share,
    '≥ 0.5×',
    share >= 0.5,
  );
  row(`${label} hub RSS growth`, `+${round(peak - before)} MB`, '', '', '< +100 MB', peak - before < 100);
}
