import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { seriousViolations } from '../support/axe';
import { adminQuery } from '../support/databases';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * Counts on the production server (issue 18): the demo's 50,000 customers are at the exact
 * threshold (50,000), so once analyzed the list shows "about 50,000", counts exactly on
 * demand (streamed after the rows), and the JSON API takes count=none|estimate|exact.
 */
let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startHub({ orders: 3000, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '50' } });
  // Fresh statistics, as autovacuum would give them a minute after the seed: the estimate is trusted.
  await adminQuery('ANALYZE customers', [], hub.marketDatabaseUrl);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

const live = async () =>
  Number((await adminQuery<{ n: string }>('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL', [], hub.marketDatabaseUrl))[0]!.n);

describe('counts', () => {
  it('the list shows "about N" with a Count exactly control, and the exact count streams in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'marketAdmin');
    await page.goto(`${hub.url}/d/market/customers`);
    await expect.poll(() => page.getByTestId('pagination-range').textContent()).toMatch(/^Rows 1–50 of about \d/);
    expect(await seriousViolations(page, '[data-testid="pagination"]')).toEqual([]);
    await page.getByTestId('count-exactly').click();
    await page.waitForURL(/count=exact/);
    const exact = (await live()).toLocaleString('en-US');
    await expect.poll(() => page.getByTestId('pagination-range').textContent()).toBe(`Rows 1–50 of ${exact}`);
    await expect.poll(() => page.getByTestId('count-exactly').count()).toBe(0);
    // The page's HTML does not wait for the exact count: its rows are rendered with the estimate
    // and "Counting exactly…"; the number arrives later in the same response, for the browser to show.
    const html = await (await fetch(`${hub.url}/d/market/customers?count=exact`, { headers: { cookie: await hub.cookieFor('marketAdmin') } })).text();
    expect(html).toMatch(/data-testid="pagination-range"[^>]*>Rows 1–50 of about [\d,]+</);
    expect(html).toContain('Counting exactly…');
    await page.goto(`${hub.url}/d/market/customers?count=exact`);
    await expect.poll(() => page.getByTestId('pagination-range').textContent()).toBe(`Rows 1–50 of ${exact}`);
    await page.close();
  });

  it('the JSON API takes count=none|estimate|exact and refuses anything else with a 400 in words', async () => {
    const cookie = await hub.cookieFor('marketAdmin');
    const get = (query: string) => fetch(`${hub.url}/api/d/market/customers?${query}`, { headers: { cookie } });
    const count = async (query: string) => ((await (await get(query)).json()) as { count: { value: number | null; exact: boolean; label: string } }).count;
    expect(await count('count=none')).toEqual({ value: null, exact: false, label: '' });
    expect(await count('count=estimate')).toMatchObject({ exact: false, label: expect.stringMatching(/^about /) });
    expect(await count('count=exact')).toEqual({ value: await live(), exact: true, label: (await live()).toLocaleString('en-US') });
    const bad = await get('count=precise&size=0');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: 'The request has invalid parameters.',
      problems: [
        { param: 'size', message: 'must be a whole number from 1 to 500' },
        { param: 'count', message: 'must be none, estimate or exact (or absent: exact when cheap, else an estimate), not "precise"' },
      ],
    });
  });
});
