// Version-independent (vitest.config.ts): the audit log's browser UI.
import { INSTANT_SECONDS } from '../../src/components/ui/date-formats';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitForHydration } from '../support/browser';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * The audit log answers "who changed what" in Chromium against the production build: an edit
 * made through the form shows in the log as a labelled before → after summary with links; the
 * detail drawer opens by click and by keyboard, holds focus, closes on Escape and gives focus
 * back; its state is in the URL; the time filter takes whole days of the browser's zone; and a
 * 5,000-character value in a record's History leaves the other column its width.
 */

let hub: RunningHub;
let browser: Browser;
let storage: Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>>;
// Far from UTC, so a day boundary in the wrong zone would show.
const ZONE = 'Pacific/Auckland';
// "w000 w001 … w999." : 5,000 characters.
const BODY = `${Array.from({ length: 1000 }, (_, i) => `w${String(i).padStart(3, '0')}`).join(' ')}.`;

beforeAll(async () => {
  // With a read replica configured (issue 19): the save below must leave the read-after cookie.
  hub = await startHub({ readReplicas: true });
  browser = await launchChromium();
  const context = await browser.newContext();
  await hub.signInPage(await context.newPage(), 'superadmin');
  storage = await context.storageState();
  await context.close();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

async function superadminPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, storageState: storage, timezoneId: ZONE });
  return context.newPage();
}

const row = (page: Page, entryId: string) => page.locator(`[data-testid="resource-row"][data-row-key="${entryId}"]`);
const dialog = (page: Page) => page.getByRole('dialog');
/** The data-testid of the focused element and whether it sits inside the open dialog. */
const focus = (page: Page) =>
  page.evaluate(() => ({
    testId: document.activeElement?.getAttribute('data-testid') ?? null,
    inDialog: !!document.activeElement?.closest('[role="dialog"]'),
  }));

describe('the audit log in Chromium', () => {
  let postId = '';
  let entryId = '';
  let entryAt = '';
  let wordsBefore = '';
  let postTitle = '';

  it('shows an edit made through the form as a labelled before → after summary, with links to the record and the operator', async () => {
    const page = await superadminPage();
    await page.goto(`${hub.url}/d/blog/posts`);
    await page.getByTestId('resource-row').first().waitFor();
    postId = (await page.getByTestId('resource-row').first().getAttribute('data-row-key'))!;
    await page.goto(`${hub.url}/d/blog/posts/${postId}/edit`);
    await page.getByTestId('record-form').waitFor();
    wordsBefore = await page.getByTestId('field-word_count').inputValue();
    postTitle = await page.getByTestId('field-title').inputValue();
    await page.getByTestId('field-word_count').fill('4321');
    await page.getByTestId('field-body').fill(BODY);
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\?saved=updated$/);
    // The save noted its commit's WAL position, so this operator's next reads of blog wait for the replica to have it.
    const readAfter = (await page.context().cookies()).find((c) => c.name === 'admin-hub.read-after');
    expect(readAfter).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(decodeURIComponent(readAfter!.value)).toMatch(/^blog:[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);

    await page.goto(`${hub.url}/audit/blog`);
    const first = page.getByTestId('resource-row').first();
    await first.waitFor();
    entryId = (await first.getAttribute('data-row-key'))!;
    entryAt = (await first.locator('time').getAttribute('datetime'))!;
    // Shown in the browser's zone, the zone the time filter's days are in.
    const inZone = new Intl.DateTimeFormat('en', { ...INSTANT_SECONDS, timeZone: ZONE }).format(new Date(entryAt));
    await expect.poll(() => first.locator('time').textContent()).toBe(inZone); // after hydration: the server knows no zone
    const changes = await first.getByTestId('audit-change').allTextContents();
    // The resource's labels ("Words", not word_count); a long value cut to one short line.
    expect(changes).toContain(`Words: ${wordsBefore} → 4321`);
    const body = changes.find((c) => c.startsWith('Body: '));
    expect(body).toMatch(/→ w000 w001 .*…$/);
    expect(body!.length).toBeLessThan(120);
    expect(await first.textContent()).not.toContain('word_count');
    expect(await first.getByTestId('audit-record-link').getAttribute('href')).toBe(`/d/blog/posts/${postId}`);
    expect(await first.getByTestId('audit-record-link').textContent()).toBe(`Post ${postId} · ${postTitle}`);
    expect(await first.getByTestId('audit-operator-link').textContent()).toBe('root@e2e.test');
    expect(await first.getByTestId('audit-operator-link').getAttribute('href')).toMatch(/^\/operators\/[^/]+$/);
    await page.context().close();
  });

  it('opens the full diff in a drawer by click, keeps it in the URL, and Escape closes it with focus back on the row', async () => {
    const page = await superadminPage();
    await page.goto(`${hub.url}/audit/blog`);
    const open = row(page, entryId).getByTestId('audit-entry-open');
    await open.click();
    await dialog(page).waitFor();
    expect(new URL(page.url()).searchParams.get('entry')).toBe(entryId);
    expect(await dialog(page).getAttribute('aria-modal')).toBe('true');
    expect(await dialog(page).getByRole('heading').first().textContent()).toBe(`Update · Post ${postId} · ${postTitle}`);
    // The full diff, labelled; the 5,000-character body folded until asked for, then whole.
    const bodyRow = dialog(page).locator('[data-testid="change-row"][data-column="body"]');
    await bodyRow.waitFor();
    expect(await dialog(page).locator('[data-testid="change-row"][data-column="word_count"] th').textContent()).toBe('Words');
    // Read in full by the drawer (the page's rows carry long values clipped), so it can unfold.
    const toggle = bodyRow.getByTestId('change-after').getByTestId('folded-toggle');
    expect(await toggle.textContent()).toBe('Show all (5,000 characters)');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('Show less');
    expect(await bodyRow.getByTestId('change-after').locator('[data-testid="folded-value"] > div').first().textContent()).toBe(BODY);
    expect(await focus(page)).toMatchObject({ inDialog: true });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('entry')).toBe(false);
    expect(await focus(page)).toEqual({ testId: 'audit-entry-open', inDialog: false });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    // A click anywhere on the row (here its summary) opens it too.
    await row(page, entryId).getByTestId('audit-changes').click();
    await dialog(page).waitFor();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('opens by keyboard, traps Tab inside, and a shared link opens the same entry', async () => {
    const page = await superadminPage();
    await page.goto(`${hub.url}/audit/blog`);
    const open = row(page, entryId).getByTestId('audit-entry-open');
    await open.focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect((await focus(page)).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.goto(`${hub.url}/audit/blog?entry=${entryId}`);
    await dialog(page).waitFor();
    expect(await dialog(page).getByTestId('audit-entry-record').textContent()).toBe(`Post ${postId} · ${postTitle}`);
    expect(await dialog(page).locator('[data-testid="change-row"][data-column="word_count"]').textContent()).toContain('4321');
    await page.context().close();
  });

  it("filters by whole days of the operator's zone: the entry's day finds it, the day before does not", async () => {
    const page = await superadminPage();
    const day = (offsetDays: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        new Date(Date.parse(entryAt) + offsetDays * 86_400_000),
      );
    const filterTo = async (from: string, to: string) => {
      await page.getByTestId('audit-time-from').fill(from);
      await page.getByTestId('audit-time-from').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('f.at.min')?.startsWith(from) ?? false);
      await page.getByTestId('audit-time-to').fill(to);
      await page.getByTestId('audit-time-to').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('f.at.max')?.startsWith(to) ?? false);
      await page.getByTestId('admin-resource-table').waitFor();
    };
    await page.goto(`${hub.url}/audit/blog`);
    // A new browser's first page is in HUB_DEFAULT_TIME_ZONE; once hydrated it tells the hub its own zone (a cookie).
    await waitForHydration(page);
    await page.reload();
    await row(page, entryId).waitFor();
    // Named as the times are (GMT+13), the zone itself in data-zone.
    expect(await page.getByTestId('audit-time-zone').getAttribute('data-zone')).toBe(ZONE);

    await filterTo(day(0), day(0));
    const url = new URL(page.url());
    // Whole days in the browser's zone, sent with its offset: the first and the last instant.
    expect(url.searchParams.get('f.at.min')).toMatch(new RegExp(`^${day(0)}T00:00:00\\+1[23]:00$`));
    expect(url.searchParams.get('f.at.max')).toMatch(new RegExp(`^${day(0)}T23:59:59\\.999999\\+1[23]:00$`));
    await row(page, entryId).waitFor();

    await filterTo(day(-1), day(-1));
    await expect.poll(() => row(page, entryId).count()).toBe(0);
    expect(await page.getByTestId('audit-time-from').inputValue()).toBe(day(-1));
    await page.context().close();
  });

  it('keeps the other column readable beside a 5,000-character value in History, with labels', async () => {
    const page = await superadminPage();
    await page.goto(`${hub.url}/d/blog/posts/${postId}`);
    const entry = page.getByTestId('record-history').getByTestId('history-entry').first();
    await entry.waitFor();
    const words = entry.locator('[data-testid="change-row"][data-column="word_count"]');
    expect(await words.locator('th').textContent()).toBe('Words');
    const body = entry.locator('[data-testid="change-row"][data-column="body"]');
    const widths = await body.evaluate((tr) => {
      const cells = [...tr.children].map((c) => c.getBoundingClientRect());
      return { table: tr.closest('table')!.getBoundingClientRect().width, cells: cells.map((c) => c.width), heights: cells.map((c) => c.height) };
    });
    // Label, before, after: each value column keeps at least a third of the table; none is a sliver.
    expect(widths.cells).toHaveLength(3);
    expect(widths.cells[1]!).toBeGreaterThan(widths.table * 0.3);
    expect(widths.cells[2]!).toBeGreaterThan(widths.table * 0.3);
    // Folded: the long value is a few lines, not 5,000 characters of height.
    expect(Math.max(...widths.heights)).toBeLessThan(400);
    expect(await body.getByTestId('change-after').getByTestId('folded-toggle').textContent()).toBe('Show all (5,000 characters)');
    await body.getByTestId('change-after').getByTestId('folded-toggle').click();
    const open = await body.evaluate((tr) => [...tr.children].map((c) => c.getBoundingClientRect().width));
    // Unfolded, the text wraps in its own column: the other keeps its width.
    expect(open[1]!).toBeGreaterThan(widths.table * 0.3);
    await page.context().close();
  });
});
