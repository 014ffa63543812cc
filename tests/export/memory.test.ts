// Version-independent (vitest.config.ts): the hub process's memory while streaming.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../src/engine/export/format';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/**
 * The export of 1,000,000 rows in flat memory: the exporter runs in a child process started
 * with the heap flags of `npm start` (read from package.json, so the two cannot drift apart),
 * drained through the same web stream the route returns, while RSS and heap are sampled every
 * 50 ms (tests/export/export-child.ts).
 */
const ROWS = 1_000_000;
const LIMIT_MB = 50; // the output is 121 MB (CSV) and 182 MB (JSON Lines): holding even a third of it fails
const START_SCRIPT = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
const HEAP_FLAGS = START_SCRIPT.split(/\s+/).filter((arg) => /^--max-(old|semi)-space-size=\d+$/.test(arg));
const CHILD = path.resolve(import.meta.dirname, 'export-child.ts');
let db: TestDatabase;
let hub: TestDatabase;

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

interface ChildResult {
  rows: number;
  records: number;
  megabytes: number;
  seconds: number;
  baselineRssMb: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  firstLine: string;
}

async function measure(format: ExportFormat): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...HEAP_FLAGS, '--import', 'tsx', CHILD, JSON.stringify({ dbUrl: db.url, hubUrl: hub.url, format })],
    {
      maxBuffer: 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
  console.log(
    `1M-row ${format} export (node ${HEAP_FLAGS.join(' ')}): ${result.rows.toLocaleString('en-US')} rows, ${result.megabytes.toFixed(0)} MB in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(result.rows / result.seconds).toLocaleString('en-US')} rows/s); peak RSS ${result.peakRssMb.toFixed(0)} MB ` +
      `(+${result.rssGrowthMb.toFixed(1)} MB over the ${result.baselineRssMb.toFixed(0)} MB before), peak heap ${result.peakHeapMb.toFixed(0)} MB (+${result.heapGrowthMb.toFixed(1)} MB)`,
  );
  return result;
}

describe('exporting 1,000,000 rows', () => {
  it('runs the export with the heap flags npm start uses', () => {
    expect(HEAP_FLAGS).toEqual([expect.stringMatching(/^--max-old-space-size=/), expect.stringMatching(/^--max-semi-space-size=/)]);
  });

  it('streams CSV in flat memory: RSS grows less than 50 MB, every row exactly once', async () => {
    const result = await measure('csv');
    expect(result.firstLine).toBe('id,customer,email,status,total,created_at,address');
    expect(result.rows).toBe(ROWS);
    expect(result.records).toBe(ROWS);
    expect(result.rssGrowthMb).toBeLessThan(LIMIT_MB);
    expect(result.heapGrowthMb).toBeLessThan(LIMIT_MB);
    // A memory test, not a timed one (speed is npm run bench's): room for a loaded 2-core CI machine, where 1M rows took 60 s.
  }, 180_000);

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
  }, 180_000);
});
