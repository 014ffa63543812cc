import { exportResource, exportStream } from '../../src/engine/export/export-resource';
import type { ExportFormat } from '../../src/engine/export/format';
import { resolveResource } from '../../src/engine/resources/define';
import { targetFromUrl } from '../support/db-target';
import { installConfig, resetEngine, superadmin } from '../support/engine-config';

/*
 * One export of the 1,000,000-row `orders` table, run by tests/export/memory.test.ts in a
 * process of its own started with `npm start`'s heap flags, so the memory it reports is the
 * export's under the hub's own V8 settings, not the test runner's (whose young generation and
 * heap growth made the figure swing between +27 and +103 MB from run to run).
 * Input: one JSON argument { dbUrl, hubUrl, format }. Output: one JSON line on stdout.
 */

const { dbUrl, hubUrl, format } = JSON.parse(process.argv[2]!) as { dbUrl: string; hubUrl: string; format: ExportFormat };

const orders = resolveResource({
  domain: 'market',
  name: 'orders',
  table: 'orders',
  title: 'Orders',
  columns: [
    { name: 'id', type: 'bigint', readOnly: true },
    { name: 'customer', type: 'text', searchable: true },
    { name: 'email', type: 'email', mask: 'email' },
    { name: 'status', type: 'enum', options: ['new', 'paid', 'shipped'] },
    { name: 'total', type: 'number' },
    { name: 'created_at', type: 'datetime' },
    { name: 'address', type: 'json' },
  ],
});

const mb = (bytes: number) => bytes / 1024 / 1024;

installConfig(targetFromUrl('hub', hubUrl), [targetFromUrl('market', dbUrl)]);
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
}, 50);
const started = performance.now();
const exported = await exportResource(superadmin, 'market', orders, { sort: 'id', cols: 'id,customer,email,status,total,created_at,address' }, format);
const reader = exportStream(exported).getReader();
let bytes = 0;
let newlines = 0;
let firstLine = '';
try {
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!firstLine) firstLine = Buffer.from(value.subarray(0, 200)).toString('utf8').split('\n')[0]!.replace(/\r$/, '');
    bytes += value.length;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
  }
} finally {
  clearInterval(sampler);
  await resetEngine();
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({
    rows: exported.rows,
    records: format === 'csv' ? newlines - 1 : newlines,
    megabytes: mb(bytes),
    seconds,
    baselineRssMb: mb(baseline.rss),
    rssGrowthMb: mb(peakRss - baseline.rss),
    heapGrowthMb: mb(peakHeap - baseline.heapUsed),
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
    firstLine,
  }) + '\n',
);
