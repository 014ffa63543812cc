import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startHub, type RunningHub } from '../support/hub-server';

let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startHub({ orders: 3000 });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

const MARKET_WIDGETS = ['market-orders-today', 'market-orders-revenue', 'market-top-customers'];
const BLOG_WIDGETS = ['blog-posts-per-day'];

/** Set DASHBOARD_SCREENSHOTS=<dir> to keep light and dark screenshots of the dashboard. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.DASHBOARD_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

async function loaded(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-state="ok"]`).waitFor({ timeout: 15_000 });
}

describe('dashboard in Chromium', () => {
  it('shows a superadmin both domain cards and every widget: charts drawn, numbers present', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await hub.signInPage(page, 'superadmin');
    const started = Date.now();
    await page.goto(`${hub.url}/`);
    await Promise.all(
      [...['domain-blog', 'domain-market', 'domain-hub'], ...[...MARKET_WIDGETS, ...BLOG_WIDGETS].map((id) => `widget-${id}`)].map((id) => loaded(page, id)),
    );
    const loadMs = Date.now() - started;
    expect(loadMs).toBeLessThan(10_000);
    expect(await page.getByTestId('dashboard-error').count()).toBe(0);

    // Domain cards: reachable with a round trip, a database size, five tables, the pool.
    for (const domain of ['blog', 'market']) {
      const card = page.getByTestId(`domain-${domain}`);
      expect(await card.getByTestId('domain-health').textContent()).toMatch(/^reachable · [\d.]+ ms$/);
      expect(await card.getByTestId('domain-size').textContent()).toMatch(/^[\d.,]+ (kB|MB|GB)$/);
      expect(await card.getByTestId('domain-table').count()).toBe(5);
      expect(await card.getByTestId('domain-pool').textContent()).toMatch(/^\d+ in use · \d+ idle · \d+ waiting$/);
      // A superadmin may read the audit log; nothing was changed through the hub yet.
      await card.getByTestId('domain-audit-empty').waitFor();
    }
    const marketTables = await page.getByTestId('domain-market').getByTestId('domain-table').allTextContents();
    expect(marketTables.find((t) => t.startsWith('order_events'))).toMatch(/^order_eventspartitioned~[\d,]+/);
    expect(marketTables.find((t) => t.startsWith('orders'))).toMatch(/^orders~3,000/);
    await page.getByTestId('domain-market').getByRole('link', { name: 'orders', exact: true }).waitFor();

    // Charts: Recharts drew an SVG with bars and a line (orders and revenue), and a line (posts).
    const revenue = page.getByTestId('widget-market-orders-revenue');
    await revenue.locator('svg.recharts-surface').first().waitFor();
    await expect.poll(() => revenue.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    // The running day: the line's last segment is a dashed twin (not in the legend), its band says "so far".
    expect(await revenue.locator('path.recharts-line-curve').evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray')))).toEqual([
      null,
      '4 4',
    ]);
    expect(await revenue.locator('.recharts-reference-area').count()).toBe(1);
    expect(await revenue.locator('svg text', { hasText: 'so far' }).count()).toBe(1);
    expect(await revenue.locator('.recharts-legend-item').allTextContents()).toEqual(['Orders', 'Revenue']);
    const posts = page.getByTestId('widget-blog-posts-per-day');
    await posts.locator('svg.recharts-surface').first().waitFor();
    expect(await posts.locator('path.recharts-line-curve').count()).toBe(2); // whole days, and today so far
    expect(await posts.locator('.recharts-cartesian-axis-tick-value').count()).toBeGreaterThan(2);

    // The number with its comparison, and the table of top customers.
    const today = page.getByTestId('widget-market-orders-today');
    expect(await today.getByTestId('widget-value').textContent()).toMatch(/^\d[\d,]*$/);
    expect(await today.getByTestId('widget-change').textContent()).toMatch(/(vs \d[\d,]* yesterday by this time|nothing to compare with)/);
    const customers = page.getByTestId('widget-market-top-customers');
    const rows = customers.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThanOrEqual(5);
    expect(await rows.first().locator('td').last().textContent()).toMatch(/^€[\d,]+\.\d{2}$/);

    await screenshot(page, 'dashboard-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'dashboard-dark');
    await page.close();
  });

  it('shows a blog viewer only the blog card and the blog widget; market is never queried for them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'blogViewer');
    await page.goto(`${hub.url}/`);
    await loaded(page, 'domain-blog');
    await loaded(page, 'widget-blog-posts-per-day');
    await page.getByTestId('widget-blog-posts-per-day').locator('svg.recharts-surface').first().waitFor();
    expect(await page.getByTestId('domain-market').count()).toBe(0);
    expect(await page.getByTestId('domain-hub').count()).toBe(0);
    for (const id of MARKET_WIDGETS) expect(await page.getByTestId(`widget-${id}`).count()).toBe(0);
    expect(await page.locator('[data-testid^="widget-"][data-state]').count()).toBe(1);
    // A viewer is not shown the audit log.
    expect(await page.getByTestId('domain-blog').getByTestId('domain-audit-hidden').textContent()).toBe("The audit log is shown to blog's admins.");
    expect(await page.getByTestId('no-access').count()).toBe(0);
    await page.close();
  });

  it('still tells an operator without any role to ask for one', async () => {
    const page = await browser.newPage();
    await hub.signInPage(page, 'nobody');
    await page.goto(`${hub.url}/`);
    await page.getByTestId('no-access').waitFor();
    expect(await page.locator('[data-testid^="domain-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="widget-"][data-state]').count()).toBe(0);
    await page.close();
  });
});
