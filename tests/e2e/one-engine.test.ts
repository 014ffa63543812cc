import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * One process, one engine: Next.js must load the engine at run time from @admin-hub/engine
 * (next.config.mjs), the copy scripts/start.ts booted, never bundle a second one into its
 * server output. A second copy would have its own pools, caches and audit settle queue.
 */
const root = path.resolve(import.meta.dirname, '../..');

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ orders: 100 }); // builds the app when it is missing or stale
}, 600_000);
afterAll(async () => {
  expect(await hub?.stop()).toBe(0);
});

describe('one engine per process', () => {
  it("keeps the engine's code out of Next's server bundles, which import @admin-hub/engine instead", () => {
    const files = serverFiles(path.join(root, '.next', 'server'));
    expect(files.length).toBeGreaterThan(10);
    const sources = files.map((f) => readFileSync(f, 'utf8'));
    // Words only the engine's own modules hold (the hub registry, the pools, bulk actions).
    for (const marker of ['The engine was not handed its definitions', 'pg_advisory_xact_lock', 'Select at least one row.']) {
      expect(files.filter((_, i) => sources[i]!.includes(marker)).map((f) => path.relative(root, f))).toEqual([]);
    }
    // Turbopack names an external with a hash suffix and links it under .next/node_modules.
    expect(sources.filter((s) => /@admin-hub\/engine(-[0-9a-f]+)?\/[a-z]/.test(s)).length).toBeGreaterThan(5);
  });

  it('serves pages and server actions from the hub start.ts installed, with its pools', async () => {
    const cookie = await hub.cookieFor('superadmin');
    for (const url of ['/', '/d/market/orders', '/d/blog/posts', '/api/d/market/orders?size=5', '/audit']) {
      const res = await fetch(`${hub.url}${url}`, { headers: { cookie }, redirect: 'manual' });
      expect([url, res.status]).toEqual([url, 200]);
    }
  });
});
