// Version-independent (vitest.config.ts): keyboard, focus and structure of the shell.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { signedInPages } from '../support/signed-in';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * The shell's accessibility and polish in Chromium, by keyboard where an operator would use
 * one: the command palette, the delete-for-good dialog, focus after a refused save, one <main>
 * and a title per page, 404/403 inside the shell, the icons, and the delete toast with Undo.
 */

let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startHub({ orders: 300, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '100' } });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

const signedIn = signedInPages(() => ({ browser, hub }), { width: 1280, height: 900 });

/** Ctrl-K until the palette is open: the shortcut works once the page has hydrated. */
async function openPalette(page: Page): Promise<void> {
  for (let i = 0; i < 40 && !(await page.getByTestId('palette').isVisible()); i++) {
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(250);
  }
  await page.getByTestId('palette').waitFor();
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
const focusInside = (page: Page, testId: string) =>
  page.evaluate((id) => Boolean(document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement)), testId);
const selectedOption = (page: Page) => page.locator('[data-testid="palette"] [role="option"][aria-selected="true"]').textContent();

describe('command palette by keyboard', () => {
  it('opens with Ctrl-K over the whole page, moves with arrows, opens with Enter, keeps Tab inside, closes with Escape, reopens empty', async () => {
    const page = await signedIn('superadmin');
    await page.goto(`${hub.url}/d/blog/posts`);
    await page.getByTestId('resource-search').focus();
    await openPalette(page);

    // A modal dialog whose overlay covers the whole viewport, the input focused.
    const dialog = page.getByRole('dialog', { name: 'Search and commands' });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const overlay = (await page.getByTestId('dialog-overlay').boundingBox())!;
    expect(overlay).toMatchObject({ x: 0, y: 0, width: 1280, height: 900 });
    expect(await activeTestId(page)).toBe('palette-input');

    // Commands narrow as one types; arrows move the selection, Enter opens it.
    await page.keyboard.type('open orders');
    await expect.poll(() => selectedOption(page)).toBe('Open OrdersMarket');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('new post');
    await expect.poll(() => selectedOption(page)).toBe('New postBlog');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('market');
    await expect.poll(() => selectedOption(page)).toBe('Open MarketDomain');
    await page.keyboard.press('ArrowDown');
    const second = await selectedOption(page);
    expect(second).not.toBe('Open MarketDomain');
    await page.keyboard.press('ArrowUp');
    expect(await selectedOption(page)).toBe('Open MarketDomain');
    await page.keyboard.press('ArrowDown');
    expect(await selectedOption(page)).toBe(second);
    const href = await page.locator('[data-testid="palette"] [role="option"][aria-selected="true"]').getAttribute('data-href');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === href);
    expect(await page.getByTestId('palette').count()).toBe(0);

    // Reopened: an empty term, and what was just opened is the first recent item.
    await openPalette(page);
    expect(await seriousViolations(page, '[data-testid="palette"]')).toEqual([]);
    expect(await page.getByTestId('palette-input').inputValue()).toBe('');
    expect(await page.locator('[data-testid="palette-recent"] [role="option"]').first().getAttribute('data-href')).toBe(href);

    // Tab and Shift-Tab never leave the dialog.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      expect(await focusInside(page, 'palette')).toBe(true);
    }
    // Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('palette').count()).toBe(0);
    await page.context().close();
  });

  it('offers "New …" only where the operator may create, and no admin pages to a viewer', async () => {
    const page = await signedIn('marketViewer');
    await page.goto(`${hub.url}/d/market/orders`);
    await openPalette(page);
    const commands = () => page.locator('[data-testid="palette-commands"] [role="option"]').allTextContents();
    await expect.poll(commands).toContain('Open OrdersMarket');
    const all = await commands();
    expect(all.filter((c) => c.startsWith('New '))).toEqual([]);
    expect(all.filter((c) => /audit log|Operators|Blog/.test(c))).toEqual([]);
    await page.context().close();
  });

  it('returns focus to the field it was opened from, and opens a search hit with Enter', async () => {
    const page = await signedIn('superadmin');
    await page.goto(`${hub.url}/d/blog/posts`);
    await page.getByTestId('resource-search').focus();
    await openPalette(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('palette').count()).toBe(0);
    await expect.poll(() => activeTestId(page)).toBe('resource-search');

    await openPalette(page);
    await page.keyboard.type('an');
    await page.getByTestId('search-domain-market').locator('[data-testid="palette-hit"]').first().waitFor();
    // Down from the commands to the first market hit, then Enter.
    const hit = page.getByTestId('search-domain-market').locator('[data-testid="palette-hit"]').first();
    const target = (await hit.getAttribute('data-href'))!;
    for (let i = 0; i < 60 && (await hit.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === target);
    await page.getByTestId('record-detail').waitFor();
    await page.context().close();
  });
});

describe('dialogs, forms and toasts by keyboard', () => {
  it('moves focus to the first field with an error after a refused save, on the client and from the server', async () => {
    const page = await signedIn('superadmin');
    await page.goto(`${hub.url}/d/blog/tags/new`);
    await page.getByTestId('record-form').waitFor();
    await page.getByTestId('record-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeTestId(page)).toBe('field-name');

    // A name already used is refused by the database: focus goes to that field too.
    const headers = { cookie: await hub.cookieFor('superadmin') };
    const existing = ((await (await fetch(`${hub.url}/api/d/blog/tags?size=1`, { headers })).json()) as { rows: { name: string }[] }).rows[0]!.name;
    await page.getByTestId('field-slug').fill('e2e-a11y-duplicate');
    await page.getByTestId('field-name').fill(existing);
    await page.getByTestId('record-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('field-error-name').count()).toBe(1);
    await expect.poll(() => activeTestId(page)).toBe('field-name');
    await page.context().close();
  });

  it('deletes for good through a modal dialog: focus trapped, aria-modal, Escape returns focus; the list then says what was deleted', async () => {
    const page = await signedIn('superadmin');
    await page.goto(`${hub.url}/d/blog/tags/new`);
    await page.getByTestId('field-name').fill('E2E a11y tag');
    await page.getByTestId('field-slug').fill('e2e-a11y-tag');
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\?saved=created$/);
    const id = (await page.getByTestId('record-detail').getAttribute('data-record-id'))!;

    await page.getByTestId('record-hard-delete').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await activeTestId(page)).toBe('hard-delete-confirm-input');
    expect(await seriousViolations(page, '[data-testid="hard-delete-dialog"]')).toEqual([]);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, 'hard-delete-dialog')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(() => activeTestId(page)).toBe('record-hard-delete');

    // Again, this time typing the id and confirming with Enter.
    await page.keyboard.press('Enter');
    await page.getByTestId('hard-delete-confirm-input').waitFor();
    await page.keyboard.type(id);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/d\/blog\/tags$/);
    await expect.poll(() => page.locator('[data-testid="flash-toast"]').textContent()).toMatch(new RegExp(`Deleted .*${id}.* for good\\.`));
    await page.context().close();
  });

  it('soft delete shows a toast whose Undo restores the record', async () => {
    const page = await signedIn('marketEditor');
    const headers = { cookie: await hub.cookieFor('marketEditor') };
    const product = ((await (await fetch(`${hub.url}/api/d/market/products?size=1`, { headers })).json()) as { rows: { id: string }[] }).rows[0]!;
    await page.goto(`${hub.url}/d/market/products/${product.id}`);
    await page.getByTestId('record-delete').click();
    const toast = page.locator('[data-testid="delete-toast"]');
    await expect.poll(() => toast.textContent()).toContain('It is in the trash.');
    await page.getByTestId('deleted-banner').waitFor();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('[data-testid="undo-toast"]').textContent()).toContain('Restored');
    await page.getByTestId('record-delete').waitFor();
    expect(await page.getByTestId('deleted-banner').count()).toBe(0);
    const after = await fetch(`${hub.url}/api/d/market/products?q=${encodeURIComponent(product.id)}`, { headers });
    expect(((await after.json()) as { rows: { id: string }[] }).rows.map((r) => String(r.id))).toContain(String(product.id));
    await page.context().close();
  });
});

describe('page structure', () => {
  const mains = (page: Page) => page.locator('main').count();

  it('gives every page kind its own title and exactly one <main>', async () => {
    const page = await signedIn('superadmin');
    const headers = { cookie: await hub.cookieFor('superadmin') };
    const order = ((await (await fetch(`${hub.url}/api/d/market/orders?size=1`, { headers })).json()) as { rows: { id: string }[] }).rows[0]!;
    const cases: [string, string][] = [
      ['/d/market/orders', 'Orders · Market · Admin Hub'],
      [`/d/market/orders/${order.id}`, `Order ${order.id} · Market · Admin Hub`],
      [`/d/market/orders/${order.id}/edit`, `Edit Order ${order.id} · Market · Admin Hub`],
      ['/d/blog/posts/new', 'New post · Blog · Admin Hub'],
      ['/d/market', 'Market · Admin Hub'],
      ['/audit', 'Audit log · Admin Hub'],
      ['/audit/market', 'Audit log · Market · Admin Hub'],
      ['/operators', 'Operators · Admin Hub'],
      ['/search?q=an', 'Search · Admin Hub'],
    ];
    for (const [path, title] of cases) {
      await page.goto(`${hub.url}${path}`);
      await expect.poll(() => page.title(), { message: path }).toBe(title);
      expect(await mains(page), path).toBe(1);
    }
    await page.context().close();

    const signIn = await browser.newPage();
    await signIn.goto(`${hub.url}/sign-in`);
    expect(await signIn.title()).toBe('Sign in · Admin Hub');
    expect(await mains(signIn)).toBe(1);
    await signIn.close();
  });

  it('the dashboard has one <main> and its title', async () => {
    const page = await signedIn('superadmin');
    await page.goto(`${hub.url}/`);
    await page.getByTestId('dashboard').waitFor();
    expect(await page.title()).toBe('Dashboard · Admin Hub');
    expect(await mains(page)).toBe(1);
    await page.context().close();
  });

  it('shows 404 and 403 inside the shell, with their titles and one <main>', async () => {
    const page = await signedIn('marketViewer');
    for (const path of ['/d/market/orders/99999999', '/d/market/no-such-resource', '/no-such-page']) {
      const response = await page.goto(`${hub.url}${path}`);
      expect(response?.status(), path).toBe(404);
      await page.getByTestId('not-found').waitFor();
      expect(await page.getByTestId('sidebar-nav').count(), path).toBe(1);
      await expect.poll(() => page.title(), { message: path }).toBe('Not found · Admin Hub');
      expect(await mains(page), path).toBe(1);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    const response = await page.goto(`${hub.url}/operators`);
    expect(response?.status()).toBe(403);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('sidebar-nav').count()).toBe(1);
    await expect.poll(() => page.title()).toBe('No access · Admin Hub');
    expect(await mains(page)).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('serves the favicon and the app icon, to anyone (the sign-in page shows them)', async () => {
    const page = await browser.newPage();
    await page.goto(`${hub.url}/sign-in`);
    const icon = (await page.locator('link[rel="icon"]').first().getAttribute('href'))!;
    expect(icon).toMatch(/^\/icon\.svg/);
    const svg = await fetch(`${hub.url}${icon}`, { redirect: 'manual' });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const apple = (await page.locator('link[rel="apple-touch-icon"]').first().getAttribute('href'))!;
    const png = await fetch(`${hub.url}${apple}`, { redirect: 'manual' });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    await page.close();
  });
});

describe('language (issue 20)', () => {
  const lang = (page: Page) => page.locator('html').getAttribute('lang');

  it('speaks Korean to an operator who chooses it in one click, in any browser they use, with Hangul in a font the hub serves', async () => {
    const page = await signedIn('blogViewer');
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(hub.url) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await page.goto(`${hub.url}/d/blog/posts`);
    expect(await lang(page)).toBe('en');
    await page.getByTestId('language-ko').click();
    await expect.poll(() => lang(page)).toBe('ko');
    await expect.poll(async () => (await page.getByTestId('sign-out').textContent())?.trim()).toBe('로그아웃');
    expect(await page.getByRole('navigation', { name: '도메인과 리소스' }).count()).toBe(1);
    expect(await page.getByTestId('language-ko').getAttribute('aria-pressed')).toBe('true');

    // Kept on the operator, not in the browser: another browser asking for English gets Korean.
    const elsewhere = await signedIn('blogViewer');
    await elsewhere.goto(`${hub.url}/`);
    expect(await lang(elsewhere)).toBe('ko');
    expect(await elsewhere.getByText('본문으로 건너뛰기').count()).toBe(1);
    // Hangul in Noto Sans KR from the hub itself (this machine has no Korean font of its own).
    const faces = await elsewhere.evaluate(async () => (await document.fonts.load('16px "Noto Sans KR Variable"', '로그아웃')).map((f) => f.status));
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.every((status) => status === 'loaded')).toBe(true);
    expect(outside).toEqual([]);

    await elsewhere.getByTestId('language-en').click();
    await expect.poll(() => lang(elsewhere)).toBe('en');
    await page.reload();
    expect(await lang(page)).toBe('en');
    expect((await page.getByTestId('sign-out').textContent())?.trim()).toBe('Sign out');
  });

  it("greets a signed-out visitor in their browser's language", async () => {
    for (const [locale, expected] of [
      ['ko-KR', { lang: 'ko', email: '이메일', submit: '로그인', title: /^로그인 · Admin Hub$/ }],
      ['en-US', { lang: 'en', email: 'Email', submit: 'Sign in', title: /^Sign in · Admin Hub$/ }],
      ['fr-FR', { lang: 'en', email: 'Email', submit: 'Sign in', title: /^Sign in · Admin Hub$/ }], // HUB_DEFAULT_LOCALE
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${hub.url}/sign-in`);
      expect(await lang(page)).toBe(expected.lang);
      expect(await page.getByLabel(expected.email).count()).toBe(1);
      expect((await page.getByTestId('sign-in-submit').textContent())?.trim()).toBe(expected.submit);
      expect(await page.title()).toMatch(expected.title);
      await context.close();
    }
  });
});
