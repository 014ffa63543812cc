import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportResource, exportStream } from '../../src/engine/export/export-resource';
import type { ExportFormat } from '../../src/engine/export/format';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { resolveResource } from '../../src/engine/resources/define';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * The export of 1,000,000 rows in flat memory: the exporter runs in this process, drained
 * through the same web stream the route returns, while RSS and heap are sampled every 50 ms.
 */
const ROWS = 1_000_000;
const LIMIT_MB = 100;
let db: TestDatabase;
let hub: TestDatabase;

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

beforeAll(async () => {
  [db, hub] = await Promise.all([createTestDatabase('export_1m'), createTestDatabase('export_1m_hub')]);
  const started = Date.now();
  await adminQuery(
    `CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, email text, status text NOT NULL, total numeric(12, 2),
                          created_at timestamptz NOT NULL, address jsonb);
     INSERT INTO orders
       SELECT g, 'Customer, "' || g || '"', 'c' || g || '@example.com', (ARRAY['new', 'paid', 'shipped'])[1 + g % 3],
              (g % 100000) / 100.0, timestamptz '2025-01-01 00:00:00+00' + g * interval '1 second', jsonb_build_object('city', 'City ' || (g % 1000), 'zip', g % 99999)
       FROM generate_series(1, ${ROWS}) AS g;
     ANALYZE orders;`,
    [],
    db.url,
  );
  console.log(`seeded ${ROWS.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('market', db.url)]);
  await migrateHubDatabase();
}, 120_000);
afterAll(async () => {
  await resetEngine();
  await Promise.all([db.drop(), hub.drop()]);
});

const mb = (bytes: number) => bytes / 1024 / 1024;

async function measure(format: ExportFormat) {
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
  }
  const seconds = (performance.now() - started) / 1000;
  const result = {
    format,
    rows: exported.rows,
    records: format === 'csv' ? newlines - 1 : newlines,
    megabytes: mb(bytes),
    seconds,
    rowsPerSecond: exported.rows / seconds,
    rssGrowthMb: mb(peakRss - baseline.rss),
    heapGrowthMb: mb(peakHeap - baseline.heapUsed),
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
    firstLine,
  };
  console.log(
    `1M-row ${format} export: ${result.rows.toLocaleString('en-US')} rows, ${result.megabytes.toFixed(0)} MB in ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.rowsPerSecond).toLocaleString('en-US')} rows/s); peak RSS ${result.peakRssMb.toFixed(0)} MB ` +
      `(+${result.rssGrowthMb.toFixed(1)} MB over the ${mb(baseline.rss).toFixed(0)} MB before), peak heap ${result.peakHeapMb.toFixed(0)} MB (+${result.heapGrowthMb.toFixed(1)} MB)`,
  );
  return result;
}

describe('exporting 1,000,000 rows', () => {
  it('streams CSV in flat memory: RSS grows less than 100 MB, every row exactly once', async () => {
    const result = await measure('csv');
    expect(result.firstLine).toBe('id,customer,email,status,total,created_at,address');
    expect(result.rows).toBe(ROWS);
    expect(result.records).toBe(ROWS);
    expect(result.rssGrowthMb).toBeLessThan(LIMIT_MB);
    expect(result.heapGrowthMb).toBeLessThan(LIMIT_MB);
  }, 60_000);

  it('streams JSON Lines in flat memory too', async () => {
    const result = await measure('jsonl');
    expect(JSON.parse(result.firstLine)).toEqual({
      id: '1',
      customer: 'Customer, "1"',
      email: 'c1@example.com',
      status: 'paid',
      total: '0.01',
      created_at: '2025-01-01T00:00:01Z',
      address: { city: 'City 1', zip: 1 },
    });
    expect(result.rows).toBe(ROWS);
    expect(result.records).toBe(ROWS);
    expect(result.rssGrowthMb).toBeLessThan(LIMIT_MB);
  }, 60_000);
});
