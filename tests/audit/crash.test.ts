import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settlePendingAudit } from '../../src/engine/audit/settle';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { COUNTERS_DDL } from '../fixtures/audit-counters';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

let domainDb: TestDatabase;
let hubDb: TestDatabase;

beforeAll(async () => {
  domainDb = await createTestDatabase('crash_domain');
  hubDb = await createTestDatabase('crash_hub');
  await adminQuery(COUNTERS_DDL, [], domainDb.url);
  installConfig(targetFromUrl('hub', hubDb.url), [targetFromUrl('blog', domainDb.url)]);
  await migrateHubDatabase();
});
afterAll(async () => {
  await resetEngine();
  await domainDb.drop();
  await hubDb.drop();
});

/**
 * Starts the writer and SIGKILLs it at a random moment inside its write after `writes` have
 * completed; resolves with how many writes it reported. Bounded by work, not by wall time:
 * a loaded machine makes a run slower, never shorter or longer in writes.
 */
function runAndKill(writes: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../fixtures/audit-crash-writer.ts')], {
    env: {
      ...process.env,
      HUB_DOMAINS: 'blog',
      HUB_DATABASE_URL: hubDb.url,
      BLOG_DATABASE_URL: domainDb.url,
      HUB_AUTH_SECRET: 'crash-test-secret-crash-test-secret-0',
      HUB_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve) => {
    let killing = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!killing && (out.match(/\./g) ?? []).length >= writes) {
        killing = true;
        // A few milliseconds into the next write: before, during or after its COMMIT.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 12));
      }
    });
    child.once('exit', () => resolve((out.match(/\./g) ?? []).length));
  });
}

describe('exactly-once audit under crashes', () => {
  it('after hundreds of writes killed at random moments, the domain and the audit log agree', async () => {
    const runs = 25;
    let writes = 0;
    for (let run = 0; run < runs; run++) writes += await runAndKill(10 + Math.floor(Math.random() * 31));
    // Killed backends abort their transactions once the server notices the dropped socket.
    let result = await settlePendingAudit();
    for (let i = 0; i < 50 && result.waiting > 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      result = await settlePendingAudit();
    }
    expect(result.waiting).toBe(0);
    const [{ pending }] = (await query<{ pending: number }>('hub', "SELECT count(*)::int AS pending FROM hub_audit WHERE outcome = 'pending'")) as [
      { pending: number },
    ];
    expect(pending).toBe(0);

    const rows = await query<{ id: number; updates: number }>('blog', 'SELECT id, updates FROM counters ORDER BY id');
    const creates = await query<{ record_id: string; n: number }>(
      'hub',
      "SELECT record_id, count(*)::int AS n FROM hub_audit WHERE action = 'create' AND outcome = 'committed' GROUP BY record_id",
    );
    const updates = await query<{ record_id: string; n: number }>(
      'hub',
      "SELECT record_id, count(*)::int AS n FROM hub_audit WHERE action = 'update' AND outcome = 'committed' GROUP BY record_id",
    );

    // Every row has exactly one committed create record, and no committed create lacks its row.
    expect(creates.map((c) => c.record_id).sort()).toEqual(rows.map((r) => String(r.id)).sort());
    expect(creates.every((c) => c.n === 1)).toBe(true);
    // Every committed update is in the row, and every update in the row has its record.
    const updatesById = new Map(updates.map((u) => [u.record_id, u.n]));
    const mismatches = rows.filter((r) => (updatesById.get(String(r.id)) ?? 0) !== r.updates);
    expect(mismatches).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(100); // each run creates at least 4 rows
    console.log(
      `crash test: ${runs} runs killed, ${writes} writes reported, ${rows.length} rows, ${rows.reduce((s, r) => s + r.updates, 0)} updates; settlement ${JSON.stringify(result)}`,
    );
  }, 900_000); // 25 runs of 10 to 40 writes: a loaded machine only takes longer (a quiet one ~40 s)
});
