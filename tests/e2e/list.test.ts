import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startHub, type RunningHub } from '../support/hub-server';

let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  // More sign-ins than the default 5 a minute: each test signs in its own page.
  hub = await startHub({ orders: 3000, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '50' } });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0); // SIGTERM drains and exits cleanly
});

const ids = (page: Page) => page.locator('[data-testid="resource-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));

/** The text of one column's cells, found by its header (a role without bulk actions has no checkbox column). */
async function columnTexts(page: Page, key: string): Promise<string[]> {
  const index = await page.locator('thead th').evaluateAll((ths, k) => ths.findIndex((th) => th.querySelector(`[data-testid="sort-${k}"]`)), key);
  expect(index).toBeGreaterThanOrEqual(0);
  return page.locator(`[data-testid="resource-row"] td:nth-child(${index + 1})`).allTextContents();
}

describe('list page in Chromium', () => {
  it('opens a list, searches, sorts, pages forward and back, and chooses columns', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'marketViewer');
    await page.goto(`${hub.url}/d/market/orders`);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    const first = await ids(page);
    expect(first).toHaveLength(50);
    await expect.poll(() => page.getByTestId('pagination-range').textContent()).toMatch(/Rows 1–50 of 3,000/);

    // Page forward by cursor, then back: the same first page again, and the URL carries the state.
    await page.getByTestId('pagination-next').click();
    await page.waitForURL(/after=/);
    await expect.poll(async () => (await ids(page))[0]).not.toBe(first[0]);
    const second = await ids(page);
    expect(second.some((id) => first.includes(id))).toBe(false);
    await page.getByTestId('pagination-previous').click();
    await page.waitForURL(/before=/);
    await expect.poll(() => ids(page)).toEqual(first);

    // Sort by total ascending via the header; aria-sort says so.
    await page.getByTestId('sort-total_cents').click();
    await page.waitForURL(/sort=total_cents/);
    const header = page.locator('th', { has: page.getByTestId('sort-total_cents') });
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const totals = await columnTexts(page, 'total_cents');
    const cents = totals.map((t) => Number(t.replace(/[^0-9.]/g, '')));
    expect(cents).toEqual([...cents].sort((a, b) => a - b));

    // Search by order id: exactly that order.
    await page.getByTestId('resource-search').fill('1234');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=1234/);
    await expect.poll(() => ids(page)).toEqual(['1234']);

    // Column chooser: hide "Items"; the URL remembers, and the header goes away.
    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-toggle-item_count').click();
    await page.waitForURL(/cols=/);
    await expect.poll(() => page.locator('th', { hasText: 'Items' }).count()).toBe(0);

    // Back button restores the previous state.
    await page.goBack();
    await expect.poll(() => page.locator('th', { hasText: 'Items' }).count()).toBe(1);
    await page.close();
  });

  it('shift-click adds a second sort column: numbered headers, rows in that order across pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'marketViewer');
    await page.goto(`${hub.url}/d/market/orders?sort=-status`);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    await page.getByTestId('sort-total_cents').click({ modifiers: ['Shift'] });
    await page.waitForURL(/sort=-status(%2C|,)total_cents/);
    await expect.poll(() => page.getByTestId('sort-position-total_cents').textContent()).toBe('2');
    expect(await page.getByTestId('sort-position-status').textContent()).toBe('1');
    expect(await page.locator('th', { has: page.getByTestId('sort-status') }).getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('th', { has: page.getByTestId('sort-total_cents') }).getAttribute('aria-sort')).toBe('none');

    // Each status is one run of rows, totals ascending within it; the next page goes on from there.
    const rowsOf = async () => {
      const [statuses, totals] = [await columnTexts(page, 'status'), await columnTexts(page, 'total_cents')];
      return statuses.map((status, i) => ({ status, cents: Number(totals[i]!.replace(/[^0-9.]/g, '')) }));
    };
    const firstPage = await rowsOf();
    await page.getByTestId('pagination-next').click();
    await page.waitForURL(/after=/);
    await expect.poll(async () => JSON.stringify(await rowsOf())).not.toBe(JSON.stringify(firstPage));
    const rows = [...firstPage, ...(await rowsOf())];
    expect(rows).toHaveLength(100);
    const runs = rows.map((r) => r.status).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    expect(new Set(runs).size).toBe(runs.length);
    for (let i = 1; i < rows.length; i++) if (rows[i]!.status === rows[i - 1]!.status) expect(rows[i]!.cents).toBeGreaterThanOrEqual(rows[i - 1]!.cents);

    // A plain click sorts by that column alone again.
    await page.getByTestId('sort-total_cents').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'total_cents');
    await expect.poll(() => page.getByTestId('sort-position-status').count()).toBe(0);
    await page.close();
  });

  it('filters by enum and shows a clear message for a bad link, never a crash', async () => {
    const page = await browser.newPage();
    await hub.signInPage(page, 'marketEditor');
    await page.goto(`${hub.url}/d/market/orders?f.status=refunded`);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    const statuses = await columnTexts(page, 'status');
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['refunded']));

    await page.goto(`${hub.url}/d/market/orders?sort=title%3Bdrop%20table%20orders`);
    await page.getByTestId('error-panel').waitFor();
    expect(await page.getByTestId('error-panel').textContent()).toContain('"title;drop table orders" is not a sortable column');
    await page.close();
  });
});

describe('names, filters and pages an operator works with', () => {
  it('names foreign keys by the referenced record, filters by it from the keyboard, and says so on the chip', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await hub.signInPage(page, 'marketEditor');
    await page.goto(`${hub.url}/d/market/orders`);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    const first = page.getByTestId('reference-link').first();
    const [text, title, href] = [await first.innerText(), await first.getAttribute('title'), await first.getAttribute('href')];
    const id = /\/customers\/(\d+)$/.exec(href!)![1]!;
    const cookie = await hub.cookieFor('marketEditor');
    const api = (await (await fetch(`${hub.url}/api/d/market/orders`, { headers: { cookie } })).json()) as { labels: Record<string, Record<string, string>> };
    const label = api.labels.customer_id![id]!;
    expect(label).toMatch(/\S/);
    expect(title).toBe(`${label} (#${id})`);
    expect(text.replace(/\s+/g, ' ')).toBe(`${label} #${id}`);

    // Keyboard only: focus the chip, open it, type the name, pick with the arrows and Enter.
    await page.getByTestId('filter-customer_id').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('filter-customer_id-search').waitFor();
    await page.keyboard.type(label);
    // Several customers may share a name: the options are those of the search, each with its id.
    const searched = async () => {
      const texts = await page.getByTestId('filter-option').allInnerTexts();
      return texts.length > 0 && texts.every((o) => o.startsWith(label)) ? texts : undefined;
    };
    await expect.poll(searched, { timeout: 10_000 }).toBeDefined();
    const texts = (await searched())!;
    // The row we came from when the search lists it (it has orders), else the first of the namesakes.
    const at = Math.max(
      0,
      texts.findIndex((t) => t.includes(`#${id}`)),
    );
    const chosen = /#(\d+)/.exec(texts[at]!)![1]!;
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`f\\.customer_id=${chosen}`));
    await expect.poll(() => page.getByTestId('filter-customer_id').innerText()).toBe(`Customer: ${label}`);
    const hrefs = await page.getByTestId('reference-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    if (chosen === id) expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h === `/d/market/customers/${chosen}`)).toBe(true);
    await page.close();
  });

  it('filters money in euros as the column shows them, and a page past the end offers the last one', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await hub.signInPage(page, 'marketViewer');
    await page.goto(`${hub.url}/d/market/orders`);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    await page.getByTestId('filter-total_cents').click();
    await page.getByTestId('filter-total_cents-from').fill('100');
    await page.getByTestId('filter-total_cents-to').fill('200.5');
    await page.keyboard.press('Enter');
    await page.waitForURL(/f\.total_cents\.min=10000&f\.total_cents\.max=20050|f\.total_cents\.max=20050&f\.total_cents\.min=10000/);
    await expect.poll(() => page.getByTestId('filter-total_cents').innerText()).toBe('Total: 100.00 EUR – 200.50 EUR');
    const totals = (await columnTexts(page, 'total_cents')).map((t) => Number(t.replace(/[^0-9.]/g, '')));
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.every((t) => t >= 100 && t <= 200.5)).toBe(true);

    await page.goto(`${hub.url}/d/market/orders?page=9999`);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('Page 9,999 is past the end');
    await page.getByTestId('go-to-last-page').click();
    await page.waitForURL(/page=60(&|$)/); // 3,000 orders, 50 a page
    await expect.poll(async () => (await ids(page)).length).toBe(50);
    await page.close();
  });
});

describe('command palette', () => {
  it('Ctrl-K searches every domain the operator may see, grouped, and opens a result', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'superadmin');
    await page.goto(`${hub.url}/d/blog/posts`);
    // The shortcut works once the page has hydrated; on a busy machine that is after 'load'.
    for (let i = 0; i < 40 && !(await page.getByTestId('palette').isVisible()); i++) {
      await page.keyboard.press('Control+k');
      await page.waitForTimeout(250);
    }
    await page.getByTestId('palette-input').fill('an');
    await page.getByTestId('search-domain-market').waitFor();
    await page.getByTestId('search-domain-blog').waitFor();
    expect(await page.getByTestId('search-missing-market').count()).toBe(0);
    const first = page.locator('[data-testid="search-domain-market"] [data-testid="palette-hit"]').first();
    const href = await first.getAttribute('data-href');
    expect(href).toMatch(/^\/d\/market\/[a-z-]+\/.+/);
    await first.click();
    await page.waitForURL((u) => u.pathname === href);
    await page.getByTestId('record-detail').waitFor();
    // A viewer of market only gets market's results: blog is not even listed.
    const viewer = await browser.newPage();
    await hub.signInPage(viewer, 'marketViewer');
    const response = await viewer.request.get(`${hub.url}/api/search?q=an`);
    const body = (await response.json()) as { results: { domain: string; status: string }[] };
    expect(body.results.map((r) => [r.domain, r.status])).toEqual([['market', 'ok']]);
    await page.close();
    await viewer.close();
  });
});

describe('JSON list API', () => {
  it('gzips pages for a client that accepts it (HUB_COMPRESS defaults to on)', async () => {
    const page = await fetch(`${hub.url}/d/blog/posts`, { headers: { cookie: await hub.cookieFor('superadmin'), 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('gzip');
  });

  it('serves the same rows as the page, and 400/404 with what was wrong', async () => {
    const headers = { cookie: await hub.cookieFor('superadmin') };
    const ok = await fetch(`${hub.url}/api/d/blog/posts?size=5&sort=-created_at`, { headers });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { rows: { id: string }[]; next: string; count: { label: string } };
    expect(body.rows).toHaveLength(5);
    const next = (await (await fetch(`${hub.url}/api/d/blog/posts?size=5&sort=-created_at&after=${body.next}`, { headers })).json()) as {
      rows: { id: string }[];
    };
    expect(next.rows.map((r) => r.id)).not.toContain(body.rows[0]!.id);

    for (const [query, param] of [
      ['sort=title;drop table posts', 'sort'],
      ['f.status=deleted', 'f.status'],
      ['after=AAAA', 'after'],
      ["f.title'--=1", "f.title'--"],
    ]) {
      const response = await fetch(`${hub.url}/api/d/blog/posts?${query}`, { headers });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { problems: { param: string }[] };
      expect(error.problems.map((p) => p.param)).toContain(param);
    }
    expect((await fetch(`${hub.url}/api/d/crm/posts`, { headers })).status).toBe(404);
    expect((await fetch(`${hub.url}/api/d/blog/nothing`, { headers })).status).toBe(404);
    const health = (await (await fetch(`${hub.url}/api/health`, { headers })).json()) as { domains: { name: string; ok: boolean }[] };
    expect(health.domains.map((d) => [d.name, d.ok])).toEqual([
      ['blog', true],
      ['market', true],
    ]);
  });
});

describe("the browser tests' hydration wait", () => {
  it('passes only once React owns the page: never on server HTML that scripts did not hydrate', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await hub.signInPage(page, 'marketViewer');
    await page.goto(`${hub.url}/d/market/orders`); // waits for hydration itself
    expect(await page.getByTestId('resource-table').evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps$')))).toBe(true);
    // The same HTML with its scripts blocked is never hydrated: the wait must time out.
    const cookies = await context.cookies();
    const noScripts = await browser.newContext({ javaScriptEnabled: false });
    await noScripts.addCookies(cookies);
    const still = await noScripts.newPage();
    await expect(still.goto(`${hub.url}/d/market/orders`, { timeout: 3_000 })).rejects.toThrow(/Timeout|timeout/);
    expect(await still.getByTestId('resource-row').count()).toBe(50); // the page itself was there
    await noScripts.close();
    await context.close();
  });
});

describe('light and dark', () => {
  it('follows the OS preference, and .dark / .light on the page override it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'marketViewer');
    await page.goto(`${hub.url}/d/market/orders`);
    // Lightness of the body's background, 0 (black) to 1 (white): painted on a canvas, so any
    // colour syntax the browser reports (oklch, lab, rgb) comes back as sRGB.
    const lightness = () =>
      page.evaluate(() => {
        const context = document.createElement('canvas').getContext('2d')!;
        context.fillStyle = getComputedStyle(document.body).backgroundColor;
        context.fillRect(0, 0, 1, 1);
        const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
        return (r! + g! + b!) / 765;
      });
    const setClass = (name: string) => page.evaluate((c) => (document.documentElement.className = c), name);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await lightness()).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await lightness()).toBeLessThan(0.3);
    await setClass('light');
    expect(await lightness()).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'light' });
    await setClass('dark');
    expect(await lightness()).toBeLessThan(0.3);
    await page.close();
  });
});
