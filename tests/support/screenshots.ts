/**
 * The README's screenshots (docs/*.png), taken with Chromium from a real hub on freshly seeded
 * demo databases, at 1440×900 in the light theme:
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx tests/support/screenshots.ts
 *
 * (any PostgreSQL the tests may create databases on; CHROMIUM_PATH picks the browser as in the tests).
 * SCREENSHOTS=ko takes only the Korean ones (a browser asking for Korean, in Asia/Seoul).
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
// The engine serves the project's definitions, as in the tests (vitest's setup file installs them there).
import './install-hub';
import { waitForHydration } from './browser';
import { chooseChromium } from './chromium';
import { startHub } from './hub-server';

const docs = path.resolve(import.meta.dirname, '../../docs');

const hub = await startHub();
const browser = await chromium.launch({ executablePath: (await chooseChromium()).path, args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'] });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', timezoneId: 'Europe/Berlin', locale: 'en-GB' });
  const page = await context.newPage();
  const go = async (url: string) => {
    await page.goto(`${hub.url}${url}`);
    await waitForHydration(page);
  };
  const shot = async (name: string) => {
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await page.screenshot({ path: path.join(docs, name) });
    console.log(`docs/${name}`);
  };
  await hub.signInPage(page, 'superadmin');
  const english = process.env.SCREENSHOTS !== 'ko';

  if (english) {
    // Edits through the forms, so History and the audit log have something to show.
    const edit = async (record: string, fields: Record<string, string>) => {
      await go(`${record}/edit`);
      for (const [name, value] of Object.entries(fields)) await page.getByTestId(`field-${name}`).fill(value);
      await page.getByTestId('record-save').click();
      await page.waitForURL(/\?saved=updated$/);
    };
    const headers = { cookie: await hub.cookieFor('superadmin') };
    const rows = async (url: string) => ((await (await fetch(`${hub.url}${url}`, { headers })).json()) as { rows: Record<string, unknown>[] }).rows;
    const [post] = await rows('/api/d/blog/posts?size=1');
    const [product] = await rows('/api/d/market/products?size=1');
    const postUrl = `/d/blog/posts/${String(post!.id)}`;
    await edit(postUrl, { word_count: '1840', title: `${String(post!.title)} (revised)` });
    await edit(postUrl, { word_count: '1925' });
    await edit(`/d/market/products/${String(product!.id)}`, { stock: '42', name: `${String(product!.name)} XL` });

    // The customer with the most orders, so the filtered list is full.
    const counts = new Map<string, number>();
    for (let page = 1; page <= 6; page++)
      for (const order of await rows(`/api/d/market/orders?size=500&page=${page}`))
        counts.set(String(order.customer_id), (counts.get(String(order.customer_id)) ?? 0) + 1);
    const customer = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const name = (
      (await (await fetch(`${hub.url}/api/d/market/orders?f.customer_id=${customer}&size=1`, { headers })).json()) as {
        labels: Record<string, Record<string, string>>;
      }
    ).labels.customer_id![customer]!;
    await go(`/d/market/orders?f.customer_id=${customer}`);
    await page.getByTestId('resource-row').first().waitFor();
    await shot('screenshot-orders.png');

    await go(postUrl);
    await page.getByTestId('record-history').getByTestId('history-entry').first().waitFor();
    await page.getByTestId('record-history').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -80));
    await shot('screenshot-record-history.png');

    // The log with the post's title edit open in the drawer: the full before → after, labelled.
    await go('/audit');
    await page.getByTestId('audit-record-link').first().waitFor();
    const postRows = page.getByTestId('resource-row').filter({ has: page.getByTestId('audit-record-link').filter({ hasText: 'Post ' }) });
    const entry = (await postRows.last().getAttribute('data-row-key'))!;
    await go(`/audit?entry=${entry}`);
    await page.getByRole('dialog').getByTestId('change-row').first().waitFor();
    await shot('screenshot-audit.png');

    await go('/d/market/orders');
    for (let i = 0; i < 40 && !(await page.getByTestId('palette').isVisible()); i++) {
      await page.keyboard.press('Control+k');
      await page.waitForTimeout(250);
    }
    await page.keyboard.type(name.split(' ')[0]!);
    await page.getByTestId('palette-hit').first().waitFor();
    await page.waitForTimeout(300);
    await shot('screenshot-palette.png');
  }

  // Korean (issue 20): the orders list, and a post's form refusing a slug, in a browser asking for Korean in Seoul.
  const korean = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', timezoneId: 'Asia/Seoul', locale: 'ko-KR' });
  const ko = await korean.newPage();
  await hub.signInPage(ko, 'superadmin');
  const koShot = async (url: string, name: string, act: () => Promise<unknown>) => {
    await ko.goto(`${hub.url}${url}`);
    await waitForHydration(ko);
    await act();
    await ko.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await ko.screenshot({ path: path.join(docs, name) });
    console.log(`docs/${name}`);
  };
  await koShot('/d/market/orders', 'screenshot-orders-ko.png', () => ko.getByTestId('resource-row').first().waitFor());
  const cookie = await hub.cookieFor('superadmin');
  const [koPost] = ((await (await fetch(`${hub.url}/api/d/blog/posts?size=1`, { headers: { cookie } })).json()) as { rows: Record<string, unknown>[] }).rows;
  await koShot(`/d/blog/posts/${String(koPost!.id)}/edit`, 'screenshot-form-ko.png', async () => {
    await ko.getByTestId('field-slug').fill('Not A Slug');
    await ko.getByTestId('record-save').click();
    await ko.getByText('소문자와 숫자만').first().waitFor();
  });
  await korean.close();
  await context.close();
} finally {
  await browser.close();
  await hub.stop();
}
