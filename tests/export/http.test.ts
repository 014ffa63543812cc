import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { adminQuery } from '../support/databases';
import { startHub, type OperatorKind, type RunningHub } from '../support/hub-server';

/**
 * The export and bulk routes on the real production server (demo seed, 3,000 orders,
 * 50,000 customers), and their controls in the list page in Chromium.
 */
let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  // Sign-ins over HTTP and in the browser: above the default five per minute.
  hub = await startHub({ orders: 3000, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '100' } });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  if (hub) expect(await hub.stop()).toBe(0);
});

type Json = Record<string, unknown>;

async function get(path: string, kind?: OperatorKind): Promise<Response> {
  return fetch(`${hub.url}${path}`, { headers: kind ? { cookie: await hub.cookieFor(kind) } : {} });
}

async function post(path: string, body: unknown, kind: OperatorKind, origin: string | null = hub.url): Promise<Response> {
  const headers: Record<string, string> = { cookie: await hub.cookieFor(kind), 'content-type': 'application/json' };
  if (origin !== null) headers.origin = origin;
  return fetch(`${hub.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Every row of a list through the JSON API, page by page (keyset). */
async function listAll(path: string, kind: OperatorKind): Promise<{ rows: Json[]; columns: string[] }> {
  const rows: Json[] = [];
  let after: string | null = null;
  let columns: string[] = [];
  do {
    const url = new URL(`${hub.url}${path}`);
    url.searchParams.set('size', '500');
    if (after) url.searchParams.set('after', after);
    const page = (await (await get(url.pathname + url.search, kind)).json()) as { rows: Json[]; next: string | null; columns: string[] };
    rows.push(...page.rows);
    columns = page.columns;
    after = page.next;
  } while (after);
  return { rows, columns };
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json);

describe('GET …/export', () => {
  it('answers 401, 403 and 400 like the list API', async () => {
    expect((await get('/api/d/market/orders/export')).status).toBe(401);
    expect((await get('/api/d/market/orders/export', 'blogViewer')).status).toBe(403);
    expect((await get('/api/d/market/orders/export', 'nobody')).status).toBe(403);
    const bad = await get('/api/d/market/orders/export?format=xml&sort=nope', 'marketViewer');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: { param: string }[] }).problems.map((p) => p.param)).toEqual(['format']);
    expect((await get('/api/d/market/orders/export?sort=nope', 'marketViewer')).status).toBe(400);
    expect((await get('/api/d/market/nothing/export', 'marketViewer')).status).toBe(404);
  });

  it('downloads the filtered, sorted view as a CSV attachment (the default format)', async () => {
    const response = await get('/api/d/market/orders/export?f.status=refunded&sort=total_cents&cols=id,status,total_cents', 'marketViewer');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    const { rows } = await listAll('/api/d/market/orders?f.status=refunded&sort=total_cents&cols=id,status,total_cents', 'marketViewer');
    expect(rows.length).toBeGreaterThan(10);
    expect(text).toBe(
      ['id,status,total_cents', ...rows.map((r) => `${r.id as string},${r.status as string},${r.total_cents as string}`)].join('\r\n') + '\r\n',
    );
  });

  it("downloads JSON Lines equal to the list API's rows, masked for a viewer", async () => {
    const path = '/api/d/market/customers?sort=-created_at&f.country=IE';
    const response = await get(`${path.replace('customers?', 'customers/export?format=jsonl&')}`, 'marketViewer');
    expect(response.headers.get('content-disposition')).toMatch(/filename="customers-.*\.jsonl"/);
    const exported = lines(await response.text());
    const { rows, columns } = await listAll(path, 'marketViewer');
    expect(exported).toEqual(rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))));
    expect(exported.every((r) => /^.\*\*\*@/.test(r.email as string))).toBe(true);
    // An editor sees the addresses whole.
    const whole = lines(await (await get(`${path.replace('customers?', 'customers/export?format=jsonl&')}`, 'marketEditor')).text());
    expect(whole.some((r) => !(r.email as string).includes('***'))).toBe(true);
  });
  it('closes the database cursor when the browser goes away mid-download', async () => {
    // ~10 MB, more than the socket buffers hold; a sort and columns nothing else asks for, to find its session.
    const path = '/api/d/market/customers/export?format=jsonl&sort=full_name&cols=id,full_name,email,country,vip,created_at,updated_at';
    const sql =
      'SELECT "id", "full_name", "email", "country", "vip", "created_at", "updated_at" FROM "public"."customers" WHERE % ORDER BY "full_name" ASC, "id" ASC';
    const exporting = async () =>
      adminQuery<{ state: string }>("SELECT state FROM pg_stat_activity WHERE application_name = 'admin-hub:market' AND query LIKE $1 AND state <> 'idle'", [
        sql,
      ]);
    const abort = new AbortController();
    const response = await fetch(`${hub.url}${path}`, { signal: abort.signal, headers: { cookie: await hub.cookieFor('marketViewer') } });
    const reader = response.body!.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 500));
    expect(await exporting()).toHaveLength(1); // the cursor is open, held back by the reader
    abort.abort();
    await expect.poll(exporting, { timeout: 5_000 }).toHaveLength(0);
    // And a full read of the same export works (the slot and the connection were given back).
    const whole = await get(path, 'marketViewer');
    expect(lines(await whole.text()).length).toBeGreaterThan(40_000);
  });
});

describe("the hub server's own doors (src/engine/http/doors.ts)", () => {
  it('answers HEAD with the headers of a download and no rows; any other method is a 405 naming GET and HEAD', async () => {
    const cookie = await hub.cookieFor('marketViewer');
    const head = await fetch(`${hub.url}/api/d/market/orders/export?format=jsonl`, { method: 'HEAD', headers: { cookie } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toMatch(/filename="orders-.*\.jsonl"/);
    expect(await head.text()).toBe('');
    for (const path of ['/api/d/market/orders', '/api/d/market/orders/export', '/api/audit/export']) {
      const refused = await fetch(`${hub.url}${path}`, { method: 'DELETE', headers: { cookie, origin: hub.url } });
      expect(refused.status, path).toBe(405);
      expect(refused.headers.get('allow'), path).toBe('GET, HEAD');
      expect(((await refused.json()) as Json).error, path).toMatch(/answers GET/);
    }
  });

  it("serves the audit log's exports to whom the table says, refusing the others in words", async () => {
    expect((await get('/api/audit/export')).status).toBe(401);
    const whole = await get('/api/audit/export?format=jsonl', 'marketAdmin');
    expect(whole.status).toBe(403);
    expect(((await whole.json()) as Json).error).toBe('You may not export the audit log of the whole hub: that needs the superadmin role.');
    const csv = await get('/api/audit/export', 'superadmin');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^at,/);
    const editor = await get('/api/audit/market/export', 'marketEditor');
    expect(editor.status).toBe(403);
    expect(((await editor.json()) as Json).error).toBe('You may not export the audit log of Market: that needs the admin role.');
    expect((await get('/api/audit/market/export', 'marketAdmin')).status).toBe(200);
    expect((await get('/api/audit/blog/export', 'marketAdmin')).status).toBe(403);
    expect((await get('/api/audit/nowhere/export', 'marketAdmin')).status).toBe(404);
    expect((await get('/api/audit/market/export?format=xml', 'marketAdmin')).status).toBe(400);
  });

  it('answers 429 with Retry-After while every export slot of the domain is held', async () => {
    const cookie = await hub.cookieFor('marketViewer');
    const held: AbortController[] = [];
    let busy: Response | undefined;
    try {
      // Each download is held open by not reading past its first chunk; the pool gives half its connections to exports.
      for (let i = 0; i < 20 && !busy; i++) {
        const abort = new AbortController();
        const response = await fetch(`${hub.url}/api/d/market/customers/export?format=jsonl`, { signal: abort.signal, headers: { cookie } });
        if (response.status === 429) busy = response;
        else {
          expect(response.status).toBe(200);
          held.push(abort);
          await response.body!.getReader().read();
        }
      }
      expect(busy, 'no export was refused').toBeDefined();
      expect(held.length).toBeGreaterThan(0);
      expect(busy!.headers.get('retry-after')).toBe('30');
      expect(((await busy!.json()) as Json).error).toMatch(/exports? (is|are) already running on domain "market"/);
    } finally {
      for (const abort of held) abort.abort();
    }
    // The slots come back once the downloads are gone.
    await expect.poll(async () => (await get('/api/d/market/orders/export?cols=id', 'marketViewer')).status, { timeout: 10_000 }).toBe(200);
  });
});

describe('…/bulk', () => {
  const base = '/api/d/market/customers/bulk';

  it('tells an admin what they may do and counts a filter exactly; refuses editors and strangers', async () => {
    expect((await get(base)).status).toBe(401);
    expect((await get(base, 'marketEditor')).status).toBe(403);
    expect((await get(base, 'blogViewer')).status).toBe(403);
    const answer = (await (await get(`${base}?f.vip=true&count=exact`, 'marketAdmin')).json()) as { actions: Json; matching: number };
    expect(answer.actions).toMatchObject({ delete: true, restore: true, set: true });
    const list = (await (await get('/api/d/market/customers?f.vip=true&count=exact', 'marketAdmin')).json()) as { count: { value: number } };
    expect(answer.matching).toBe(list.count.value);
  });

  it("refuses a POST without the hub's own Origin, and an editor's", async () => {
    const body = { action: 'delete', ids: ['1'] };
    expect((await post(base, body, 'marketAdmin', null)).status).toBe(403);
    expect((await post(base, body, 'marketAdmin', 'http://evil.example')).status).toBe(403);
    expect((await post(base, body, 'marketEditor')).status).toBe(403);
    const invalid = await post(base, { action: 'explode', ids: ['1'] }, 'marketAdmin');
    expect(invalid.status).toBe(400);
    expect((await get('/api/d/market/customers/1', 'marketAdmin')).status).not.toBe(500);
  });

  it('streams one JSON line per batch for "all matching", refuses a changed count, and stops when the client goes away', async () => {
    const matching = ((await (await get(`${base}?f.vip=true&count=exact`, 'marketAdmin')).json()) as { matching: number }).matching;
    expect(matching).toBeGreaterThan(500);
    const count = async (query: string) => ((await (await get(`${base}?${query}&count=exact`, 'marketAdmin')).json()) as { matching: number }).matching;
    const trashedBefore = await count('f.vip=true&trash=1'); // the seed soft-deleted a few

    const stale = await post(base, { action: 'delete', matching: { query: 'f.vip=true', count: matching + 1 } }, 'marketAdmin');
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ matching, confirmed: matching + 1 });

    // The client reads two batch lines and hangs up: the server finishes that batch and starts no other.
    const abort = new AbortController();
    const response = await fetch(`${hub.url}${base}`, {
      method: 'POST',
      signal: abort.signal,
      headers: { cookie: await hub.cookieFor('marketAdmin'), origin: hub.url, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'delete', matching: { query: 'f.vip=true', count: matching }, batchSize: 25 }),
    });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const reader = response.body!.getReader();
    let text = '';
    while (text.split('\n').length < 4) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    const [start, first] = text
      .split('\n')
      .slice(0, 2)
      .map((l) => JSON.parse(l) as Json);
    expect(start).toEqual({ type: 'start', total: matching });
    expect(first).toMatchObject({ type: 'batch', batch: 1, size: 25, processed: 25, done: 25, failed: [] });
    await new Promise((r) => setTimeout(r, 1500));
    const deleted = matching - (await count('f.vip=true'));
    expect(deleted).toBeGreaterThanOrEqual(50);
    expect(deleted).toBeLessThan(matching);
    expect(deleted % 25).toBe(0);

    // Restore everything in the trash (those and the seed's): the whole run, read to the end.
    const trashed = await count('f.vip=true&trash=1');
    expect(trashed).toBe(trashedBefore + deleted);
    const restore = await post(base, { action: 'restore', matching: { query: 'f.vip=true&trash=1', count: trashed }, batchSize: 40 }, 'marketAdmin');
    const events = lines(await restore.text());
    expect(events[0]).toEqual({ type: 'start', total: trashed });
    expect(events.filter((e) => e.type === 'batch').map((e) => e.processed)).toEqual(
      Array.from({ length: Math.ceil(trashed / 40) }, (_, i) => Math.min(trashed, (i + 1) * 40)),
    );
    expect(events.at(-1)).toEqual({ type: 'end', done: trashed, failed: [] });
    expect(await count('f.vip=true')).toBe(matching + trashedBefore);
  });

  it('reports rows that fail by id, and still does the rest', async () => {
    // Product 1 exists; 99999999 does not. Price -5 breaks the price_cents >= 0 check on every row.
    const response = await post('/api/d/market/products/bulk', { action: 'set', field: 'stock', value: '7', ids: ['1', '99999999', '2'] }, 'marketAdmin');
    const events = lines(await response.text());
    expect(events.at(-1)).toEqual({ type: 'end', done: 2, failed: [{ id: '99999999', reason: 'This products does not exist (any more).' }] });
    const refused = lines(
      await (await post('/api/d/market/products/bulk', { action: 'set', field: 'price_cents', value: '-5', ids: ['1', '2'] }, 'marketAdmin')).text(),
    );
    expect(refused.at(-1)).toMatchObject({ type: 'end', done: 0 });
    expect((refused.at(-1)!.failed as { reason: string }[]).map((f) => f.reason)).toEqual([
      'Price: Not allowed: the table requires CHECK (price_cents >= 0).',
      'Price: Not allowed: the table requires CHECK (price_cents >= 0).',
    ]);
  });
});

describe('the list page in Chromium', () => {
  it('exports the view from the Export menu, with progress, as a download', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await hub.signInPage(page, 'marketViewer');
    await page.goto(`${hub.url}/d/market/orders?f.status=paid&cols=id,status`);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    await page.getByTestId('export-menu').click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(path, 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('id,status');
    expect(rows.slice(1).every((r) => r.endsWith(',paid'))).toBe(true);
    await expect.poll(() => page.getByTestId('export-run-progress').textContent()).toBe(`${(rows.length - 1).toLocaleString('en-US')} rows`);
    await page.close();
  });

  it('deletes selected rows from the bulk bar, then restores them from the trash', async () => {
    const page = await browser.newPage();
    await hub.signInPage(page, 'marketAdmin');
    await page.goto(`${hub.url}/d/market/customers?f.country=IE&sort=id`);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    const keys = await page.locator('[data-testid="resource-row"]').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-row-key')));
    for (const key of keys) await page.locator(`[data-row-key="${key}"] input[type="checkbox"]`).check();
    await page.getByTestId('bulk-delete').click();
    await expect.poll(() => page.getByTestId('bulk-confirm').textContent()).toContain('Delete 2 rows?');
    await page.getByTestId('bulk-confirm-run').click();
    await expect.poll(() => page.getByTestId('bulk-run-result').textContent()).toBe('2 done.');
    await expect.poll(async () => page.locator(`[data-row-key="${keys[0]}"]`).count()).toBe(0);

    await page.goto(`${hub.url}/d/market/customers?f.country=IE&sort=id&trash=1`);
    for (const key of keys) await page.locator(`[data-row-key="${key}"] input[type="checkbox"]`).check();
    await page.getByTestId('bulk-restore').click();
    await page.getByTestId('bulk-confirm-run').click();
    await expect.poll(() => page.getByTestId('bulk-run-result').textContent()).toBe('2 done.');
    await page.close();
  });

  it('offers an editor no row checkboxes, and the bulk API refuses them in words', async () => {
    const page = await browser.newPage();
    await hub.signInPage(page, 'marketEditor');
    await page.goto(`${hub.url}/d/market/customers?f.country=IE`);
    await page.locator('[data-testid="resource-row"]').first().waitFor();
    expect(await page.locator('[data-testid="resource-row"] input[type="checkbox"]').count()).toBe(0);
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/d/market/customers/bulk');
      return { status: response.status, body: (await response.json()) as { error: string } };
    });
    expect(refused).toEqual({
      status: 403,
      body: expect.objectContaining({ error: 'You may not run bulk actions on customers in Market: that needs the admin role.' }),
    });
    await page.close();
  });
});
