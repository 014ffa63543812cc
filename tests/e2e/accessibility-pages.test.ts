// Version-independent (vitest.config.ts): accessibility of the rendered pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFinding, seriousFindings } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startHub, type OperatorKind, type RunningHub } from '../support/hub-server';

/**
 * axe-core on every page kind an operator meets (dashboard, list with a filter open, record
 * with History, form with errors, audit log and its drawer, the palette with results,
 * operators, sign-in, 403, 404), in light and dark and at desktop and phone sizes: no
 * finding of impact serious or critical. One signed-in page per operator, reused by every case.
 */

let hub: RunningHub;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages = new Map<OperatorKind | 'signedOut', Page>();
let postId = '';
let entryId = '';
let customerId = '';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

async function pageFor(kind: OperatorKind | 'signedOut'): Promise<Page> {
  if (!pages.has(kind)) {
    let storageState: StorageState | undefined;
    if (kind !== 'signedOut') {
      const signIn = await browser.newContext();
      await hub.signInPage(await signIn.newPage(), kind);
      storageState = await signIn.storageState();
      await signIn.close();
    }
    const context = await browser.newContext({ storageState });
    contexts.push(context);
    pages.set(kind, await context.newPage());
  }
  return pages.get(kind)!;
}

beforeAll(async () => {
  hub = await startHub({ orders: 300, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '100' } });
  browser = await launchChromium();
  const headers = { cookie: await hub.cookieFor('superadmin') };
  const api = async (path: string) => ((await (await fetch(`${hub.url}${path}`, { headers })).json()) as { rows: Record<string, unknown>[] }).rows;
  postId = String((await api('/api/d/blog/posts?size=1'))[0]!.id);
  customerId = String((await api('/api/d/market/orders?size=1'))[0]!.customer_id);

  // An edit through the form, so the post has History and the audit log a before → after.
  const page = await pageFor('superadmin');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${hub.url}/d/blog/posts/${postId}/edit`);
  await page.getByTestId('record-form').waitFor();
  await page.getByTestId('field-word_count').fill('4321');
  await page.getByTestId('record-save').click();
  await page.waitForURL(/\?saved=updated$/);
  await page.goto(`${hub.url}/audit/blog`);
  entryId = (await page.getByTestId('resource-row').first().getAttribute('data-row-key'))!;
}, 600_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

const MODES = [
  { name: 'light desktop', colorScheme: 'light', viewport: { width: 1440, height: 900 } },
  { name: 'dark desktop', colorScheme: 'dark', viewport: { width: 1440, height: 900 } },
  { name: 'light phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'dark phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

/** Ctrl-K until the palette is open: the shortcut works once the page has hydrated. */
async function openPalette(page: Page): Promise<void> {
  for (let i = 0; i < 40 && !(await page.getByTestId('palette').isVisible()); i++) {
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(250);
  }
  await page.getByTestId('palette').waitFor();
}

/** Brings a page kind on screen; each named state it reaches is checked by axe-core. */
type Visit = (page: Page, check: (state: string) => Promise<void>) => Promise<void>;

const KINDS: { kind: string; as: OperatorKind | 'signedOut'; visit: Visit }[] = [
  {
    kind: 'dashboard',
    as: 'superadmin',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/`);
      await page.getByTestId('dashboard').waitFor();
      await check('dashboard');
    },
  },
  {
    kind: 'list',
    as: 'superadmin',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/d/market/orders?f.customer_id=${customerId}`);
      await page.getByTestId('resource-row').first().waitFor();
      await check('orders, Customer chip active');
      // A chip's popover at desktop size; on a phone the chips are in the Filters sheet.
      const phone = page.viewportSize()!.width < 640;
      await page.getByTestId(phone ? 'filters-sheet-open' : 'filter-customer_id').click();
      await page.getByTestId('filter-customer_id-search').waitFor();
      await page.getByTestId('filter-option').first().waitFor();
      await check(phone ? 'orders, Filters sheet open' : 'orders, Customer chip popover open');
      await page.keyboard.press('Escape');
    },
  },
  {
    kind: 'record',
    as: 'superadmin',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/d/blog/posts/${postId}`);
      await page.getByTestId('record-history').getByTestId('history-entry').first().waitFor();
      await check('post with History');
    },
  },
  {
    kind: 'form with errors',
    as: 'superadmin',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/d/blog/posts/${postId}/edit`);
      await page.getByTestId('record-form').waitFor();
      await page.getByTestId('field-title').fill('');
      await page.getByTestId('record-save').click();
      await page.getByTestId('field-error-title').waitFor();
      await check('post edit form, title emptied and submitted');
    },
  },
  {
    kind: 'audit',
    as: 'superadmin',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/audit`);
      await page.getByTestId('audit-change').first().waitFor();
      await check('audit log');
      await page.goto(`${hub.url}/audit?entry=${entryId}`);
      await page.getByRole('dialog').getByTestId('change-row').first().waitFor();
      await check('audit log, entry drawer open');
    },
  },
  {
    kind: 'search',
    as: 'superadmin',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/d/blog/posts`);
      await openPalette(page);
      await page.keyboard.type('an');
      await page.getByTestId('palette-hit').first().waitFor();
      await check('palette open with results');
      await page.keyboard.press('Escape');
    },
  },
  {
    kind: 'operators',
    as: 'superadmin',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/operators`);
      await page.getByRole('heading', { name: 'Operators' }).first().waitFor();
      await check('operators');
    },
  },
  {
    kind: 'sign-in',
    as: 'signedOut',
    visit: async (page, check) => {
      await page.goto(`${hub.url}/sign-in`);
      await page.getByTestId('sign-in-submit').waitFor();
      await check('sign-in');
    },
  },
  {
    kind: '403',
    as: 'marketViewer',
    visit: async (page, check) => {
      expect((await page.goto(`${hub.url}/operators`))?.status()).toBe(403);
      await page.getByTestId('forbidden').waitFor();
      await check('operators as a market viewer');
    },
  },
  {
    kind: '404',
    as: 'marketViewer',
    visit: async (page, check) => {
      expect((await page.goto(`${hub.url}/d/market/orders/99999999`))?.status()).toBe(404);
      await page.getByTestId('not-found').waitFor();
      await check('missing order');
    },
  },
];

describe.each(KINDS)('axe-core on $kind', ({ as, visit }) => {
  it.each(MODES)('$name: no serious or critical violation', async ({ colorScheme, viewport }) => {
    const page = await pageFor(as);
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    const found: string[] = [];
    let checked = 0;
    await visit(page, async (state) => {
      // The app's colours follow the OS preference: make sure this page really is in the mode.
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      checked++;
      for (const finding of await seriousFindings(page)) found.push(`${state}: ${describeFinding(finding)}`);
    });
    expect(checked).toBeGreaterThan(0);
    if (found.length > 0) console.log(found.join('\n'));
    expect(found).toEqual([]);
  });
});
