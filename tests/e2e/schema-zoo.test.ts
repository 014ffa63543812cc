import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_ZOO_SQL } from '../fixtures/schema-zoo';
import { launchChromium } from '../support/browser';
import { adminQuery, createTestDatabase, type TestDatabase } from '../support/databases';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * The schema zoo (tests/fixtures/schema-zoo.ts) as a zero-config domain of the real hub, in
 * Chromium: a view without a key pages to its end with rows that are not links, a
 * materialized view never refreshed offers admins "Refresh now", and a record shows the rows
 * of partitioned tables that refer to it.
 */
let zoo: TestDatabase;
let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  zoo = await createTestDatabase('e2e_zoo');
  await adminQuery(SCHEMA_ZOO_SQL, [], zoo.url);
  hub = await startHub({ orders: 100, env: { HUB_DOMAINS: 'blog,market,zoo', ZOO_DATABASE_URL: zoo.url } });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
  await zoo?.drop();
});

async function signedIn(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await hub.signInPage(page, 'superadmin');
  return page;
}

const rowTexts = (page: Page) => page.getByTestId('resource-row').allInnerTexts();

describe('a zero-config domain of awkward PostgreSQL features, in Chromium', () => {
  it('pages a keyless view to its end, with every row once and no row links', async () => {
    const page = await signedIn();
    await page.goto(`${hub.url}/d/zoo/customer-list?sort=email`);
    await page.getByRole('heading', { name: 'Customer list' }).waitFor();
    const seen: string[] = [];
    for (let pages = 1; ; pages++) {
      await expect.poll(async () => (await rowTexts(page)).length).toBeGreaterThan(0);
      seen.push(...(await rowTexts(page)));
      expect(await page.locator('[data-testid="resource-row"] a, [data-testid="resource-row"].cursor-pointer').count()).toBe(0);
      if (await page.getByTestId('pagination-next').isDisabled()) break;
      const before = (await rowTexts(page))[0];
      await page.getByTestId('pagination-next').click();
      await expect.poll(async () => (await rowTexts(page))[0]).not.toBe(before);
      expect(pages).toBeLessThan(10);
    }
    expect(seen).toHaveLength(130);
    // Back one page from the last: the page before it again.
    await page.getByTestId('pagination-previous').click();
    await page.waitForURL(/before=/);
    await expect.poll(async () => (await rowTexts(page)).length).toBe(50);
    expect(await rowTexts(page)).toEqual(seen.slice(50, 100));
  });

  it('offers an admin "Refresh now" on a materialized view never populated, then shows its rows', async () => {
    const page = await signedIn();
    await page.goto(`${hub.url}/d/zoo/shelf-names`);
    await page.getByTestId('error-panel').waitFor();
    expect(await page.getByTestId('error-panel').textContent()).toContain('has not been populated yet');
    await page.getByTestId('refresh-view').click();
    await expect.poll(async () => (await rowTexts(page)).length, { timeout: 15_000 }).toBe(5);
    const [entry] = await adminQuery<{ action: string; outcome: string }>(
      "SELECT action, outcome FROM hub_audit WHERE resource = 'shelf-names'",
      [],
      hub.hubDatabaseUrl,
    );
    expect(entry).toEqual({ action: 'refresh', outcome: 'succeeded' });
  });

  it('shows rows of partitioned tables under "Referenced by", and their foreign keys as links', async () => {
    const page = await signedIn();
    await page.goto(`${hub.url}/d/zoo/shelves/2`);
    await page.getByTestId('referenced-by').waitFor();
    expect(await page.getByTestId('referrer-link-books-shelf_id').textContent()).toBe('40 books');
    expect(await page.getByTestId('referrer-link-loans-shelf_id').textContent()).toBe('1 loan');
  });
});
