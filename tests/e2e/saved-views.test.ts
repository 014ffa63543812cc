// Version-independent (vitest.config.ts): the saved-views browser UI.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { signedInPages } from '../support/signed-in';
import { adminQuery } from '../support/databases';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * Saved views and remembered columns in Chromium against the production build: a filtered and
 * sorted list saved by keyboard (never with its page position), applied again from a plain
 * list, shared and seen by another operator, deleted by the domain's admin; a column choice
 * remembered per operator across visits.
 */

let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startHub({ orders: 400, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '100' } });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

const signedIn = signedInPages(() => ({ browser, hub }), { width: 1440, height: 1000 });

async function openList(page: Page, query = ''): Promise<void> {
  await page.goto(`${hub.url}/d/market/orders${query}`);
  await page.getByTestId('admin-resource-table').waitFor();
}

const focusedTestId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '');
const menuButton = (page: Page) => page.getByTestId('saved-views-menu');

/** Opens the views menu from the keyboard: focus on its button, Enter. */
async function openMenu(page: Page): Promise<void> {
  await menuButton(page).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('saved-views-panel').waitFor();
}

/** The cells of one column, found by its header. */
async function columnTexts(page: Page, key: string): Promise<string[]> {
  const index = await page.locator('thead th').evaluateAll((ths, k) => ths.findIndex((th) => th.querySelector(`[data-testid="sort-${k}"]`)), key);
  expect(index).toBeGreaterThanOrEqual(0);
  return page.locator(`[data-testid="resource-row"] td:nth-child(${index + 1})`).allTextContents();
}

/** Saves the list as it is by keyboard only: menu, End to "Save current view…", Enter, type, (Tab, Space to share), Enter. */
async function saveByKeyboard(page: Page, name: string, options: { share?: boolean } = {}): Promise<void> {
  await openMenu(page);
  await page.keyboard.press('End');
  await expect.poll(() => focusedTestId(page)).toMatch(/^(save-view|manage-views)$/);
  // Admins see "Manage views…" last; the menu moves focus on its own render, so wait for it rather than read it once.
  if ((await focusedTestId(page)) === 'manage-views') await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedTestId(page)).toBe('save-view');
  await page.keyboard.press('Enter');
  await page.getByTestId('save-view-dialog').waitFor();
  await expect.poll(() => focusedTestId(page)).toBe('save-view-name');
  await page.keyboard.type(name);
  if (options.share) {
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('save-view-shared');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Enter');
}

const storedViews = () =>
  adminQuery<{ name: string; query: string; shared: boolean }>('SELECT "name", "query", "shared" FROM "hub_saved_views" ORDER BY "id"', [], hub.hubDatabaseUrl);

describe('saved views in Chromium', () => {
  it('saves a filtered, sorted list by keyboard without its page position, and applies it again from the plain list', async () => {
    const page = await signedIn('marketEditor');
    await openList(page, '?f.status=delivered&size=10');
    // Sort by total from the keyboard, then page forward: the view must not keep the cursor.
    await page.getByTestId('sort-total_cents').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=total_cents/);
    await page.getByTestId('pagination-next').click();
    await page.waitForURL(/after=/);
    expect(await menuButton(page).textContent()).toContain('Views');

    await saveByKeyboard(page, 'Delivered by total');
    await page.getByTestId('save-view-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('saved-view-toast').textContent()).toContain('Saved “Delivered by total”');
    // Focus goes back to the menu button, and the button names the view now showing.
    await expect.poll(() => focusedTestId(page)).toBe('saved-views-menu');
    await expect.poll(() => menuButton(page).getAttribute('data-active-view')).toBe('Delivered by total');
    expect(await storedViews()).toEqual([{ name: 'Delivered by total', query: 'f.status=delivered&size=10&sort=total_cents', shared: false }]);

    // The same name again is refused in words; "Replace it" overwrites.
    await page.keyboard.press('Escape');
    await openList(page, '?f.status=delivered&sort=-total_cents');
    await saveByKeyboard(page, 'Delivered by total');
    await expect.poll(() => page.getByTestId('save-view-message').textContent()).toContain('You already have a view named “Delivered by total”');
    await page.getByTestId('save-view-replace').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('save-view-dialog').waitFor({ state: 'detached' });
    expect(await storedViews()).toEqual([{ name: 'Delivered by total', query: 'f.status=delivered&sort=-total_cents', shared: false }]);

    // From the plain list: ArrowDown opens the menu on the first view, Enter applies it.
    await openList(page);
    await menuButton(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('saved-views-panel').waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.viewName)).toBe('Delivered by total');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?f\.status=delivered&sort=-total_cents$/);
    await expect.poll(async () => new Set(await columnTexts(page, 'status'))).toEqual(new Set(['delivered']));
    const totals = (await columnTexts(page, 'total_cents')).map((t) => Number(t.replace(/[^0-9.]/g, '')));
    expect(totals.length).toBeGreaterThan(1);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    await expect.poll(() => menuButton(page).getAttribute('data-active-view')).toBe('Delivered by total');
    await page.context().close();
  });

  it('refuses a view the list would refuse, in words', async () => {
    const page = await signedIn('marketEditor');
    // The page shows its own error for the bad sort; saving it is refused with the reason.
    await openList(page, '?sort=nope');
    await saveByKeyboard(page, 'Broken');
    await expect.poll(() => page.getByTestId('save-view-message').textContent()).toMatch(/This view cannot be saved: sort "nope" is not a sortable column/);
    expect((await storedViews()).map((v) => v.name)).not.toContain('Broken');
    await page.context().close();
  });

  it("shares a view with the domain's operators: another operator sees and applies it, an admin deletes it", async () => {
    const editor = await signedIn('marketEditor');
    await openList(editor, '?f.status=cancelled');
    await saveByKeyboard(editor, 'Team: cancelled', { share: true });
    await editor.getByTestId('save-view-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => editor.getByTestId('saved-view-toast').textContent()).toContain('shared with the operators of this domain');
    const [audit] = await adminQuery<{ actor_email: string; domain: string; resource: string }>(
      "SELECT actor_email, domain, resource FROM hub_audit WHERE action = 'view_save'",
      [],
      hub.hubDatabaseUrl,
    );
    expect(audit).toEqual({ actor_email: 'market-editor@e2e.test', domain: 'market', resource: 'orders' });

    const viewer = await signedIn('marketViewer');
    await openList(viewer);
    await openMenu(viewer);
    const items = viewer.getByTestId('saved-view');
    // Only the shared one: the editor's private view stays private.
    await expect
      .poll(() => items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-view-name'), e.getAttribute('data-mine')])))
      .toEqual([['Team: cancelled', 'false']]);
    expect(await items.first().textContent()).toContain('market-editor');
    expect(await viewer.getByTestId('manage-views').count()).toBe(0); // nothing the viewer may delete
    await viewer.keyboard.press('Enter');
    await viewer.waitForURL(/\?f\.status=cancelled$/);
    await expect.poll(async () => new Set(await columnTexts(viewer, 'status'))).toEqual(new Set(['cancelled']));

    // An operator of another domain never sees it.
    const blog = await signedIn('blogViewer');
    await blog.goto(`${hub.url}/d/blog/posts`);
    await blog.getByTestId('admin-resource-table').waitFor();
    await openMenu(blog);
    expect(await blog.getByTestId('saved-view').count()).toBe(0);

    // The domain's admin may delete a shared view: Manage views…, Tab to its Delete, Enter.
    const admin = await signedIn('marketAdmin');
    await openList(admin);
    await openMenu(admin);
    await admin.keyboard.press('End');
    await expect.poll(() => focusedTestId(admin)).toBe('manage-views');
    await admin.keyboard.press('Enter');
    await admin.getByTestId('manage-views-dialog').waitFor();
    const remove = admin.locator('[data-testid="delete-view"][data-view-name="Team: cancelled"]');
    await remove.focus();
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.getByTestId('manage-views-message').textContent()).toContain('Deleted “Team: cancelled”');
    expect((await storedViews()).map((v) => v.name)).toEqual(['Delivered by total']);

    await openList(viewer);
    await openMenu(viewer);
    expect(await viewer.getByTestId('saved-view').count()).toBe(0);
    for (const page of [editor, viewer, blog, admin]) await page.context().close();
  });
});

describe('remembered columns in Chromium', () => {
  it("remembers an operator's column choice across visits, for that operator only, until the defaults are chosen again", async () => {
    const page = await signedIn('marketViewer');
    await openList(page);
    expect(await page.locator('th', { hasText: 'Items' }).count()).toBe(1);
    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-toggle-item_count').click();
    await page.waitForURL(/cols=/);
    await expect.poll(() => page.locator('th', { hasText: 'Items' }).count()).toBe(0);

    // Leave for another list and come back to a URL without cols: the choice holds.
    await page.goto(`${hub.url}/d/market/customers`);
    await page.getByTestId('admin-resource-table').waitFor();
    await openList(page);
    expect(page.url()).not.toContain('cols=');
    expect(await page.locator('th', { hasText: 'Placed' }).count()).toBe(1);
    expect(await page.locator('th', { hasText: 'Items' }).count()).toBe(0);

    // Another operator's list is untouched.
    const other = await signedIn('marketEditor');
    await openList(other);
    expect(await other.locator('th', { hasText: 'Items' }).count()).toBe(1);

    // Back to the defaults: forgotten, so the plain list shows them again.
    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-toggle-item_count').click();
    await page.waitForURL(/cols=/);
    await expect.poll(() => page.locator('th', { hasText: 'Items' }).count()).toBe(1);
    await openList(page);
    expect(await page.locator('th', { hasText: 'Items' }).count()).toBe(1);
    const [row] = await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM "hub_list_preferences"', [], hub.hubDatabaseUrl);
    expect(row!.n).toBe(0);
    await page.context().close();
    await other.context().close();
  });
});
