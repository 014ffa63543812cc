// Version-independent (vitest.config.ts): the pages' words and formats in Korean; the SQL under them is the English pages'.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitForHydration } from '../support/browser';
import { withClient } from '../support/databases';
import { startHub, type OperatorKind, type RunningHub } from '../support/hub-server';

/**
 * Issue 20 in Chromium: an operator whose browser asks for Korean, in Asia/Seoul, gets every
 * page kind in Korean (list, record, form with a field error, audit log, dashboard, palette,
 * sign-in): no English words left beyond data, proper names and codes; dates and times in
 * Seoul's zone, which the page names; won without minor units and euros with two.
 */

let hub: RunningHub;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  hub = await startHub({ orders: 300, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '100' } });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

const KOREAN = { locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1440, height: 900 } } as const;

/** A page of a browser asking for Korean in Seoul, signed in as `kind` (or not). */
async function koreanPage(kind?: OperatorKind): Promise<Page> {
  let storageState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
  if (kind) {
    const signIn = await browser.newContext(KOREAN);
    await hub.signInPage(await signIn.newPage(), kind);
    storageState = await signIn.storageState();
    await signIn.close();
  }
  const context = await browser.newContext({ ...KOREAN, storageState });
  contexts.push(context);
  return context.newPage();
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${hub.url}${path}`);
  await waitForHydration(page);
}

/**
 * Proper names and codes an operator reads the same in any language: the product, the demo's
 * domains, units, zone names and keys.
 */
const NAMES = [
  'Admin',
  'Hub',
  'Blog',
  'Market',
  'ID',
  'SKU',
  'VIP',
  'EUR',
  'KRW',
  'GMT',
  'UTC',
  'Ctrl',
  'alt',
  'Shift',
  'Enter',
  'Escape',
  'Esc',
  'CSV',
  'JSON',
  'JSONL',
  'Markdown',
  'ms',
  'kB',
  'MB',
  'GB',
];

/**
 * English words a person can read on the page: visible text and what is read out (aria-label,
 * title, placeholder, alt), leaving out data: table cells, values of fields and records, code,
 * and whatever the caller names as data (record labels, emails).
 */
async function englishOn(page: Page, data: string[] = []): Promise<string[]> {
  return page.evaluate(
    ({ allowed, data }) => {
      const isData = (el: Element | null) => !!el?.closest('td, dd, code, pre, input, textarea, select, [data-value], [data-renderer], .recharts-wrapper');
      const words = (text: string) => {
        let rest = text;
        for (const d of data) rest = rest.split(d).join(' ');
        rest = rest.replace(/\S+@\S+/g, ' '); // emails are data
        return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.includes(w));
      };
      const found = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (!el || el.closest('script, style, noscript, template, [hidden]') || isData(el) || !el.checkVisibility()) continue;
        // Words marked as another language (the language switch's "English") are that language's.
        if (el.closest('[lang]')?.getAttribute('lang') !== 'ko') continue;
        for (const w of words(walker.currentNode.textContent ?? '')) found.add(`${w} ← “${(walker.currentNode.textContent ?? '').trim().slice(0, 60)}”`);
      }
      for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
        if (isData(el) && !el.matches('input, textarea, select')) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = el.getAttribute(name);
          if (value) for (const w of words(value)) found.add(`${w} ← ${name}="${value.slice(0, 60)}"`);
        }
      }
      return [...found];
    },
    { allowed: NAMES, data },
  );
}

/** The texts of one column of the list, found by its header. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const index = (await page.locator('thead th').allTextContents()).findIndex((h) => h.trim().startsWith(header));
  expect(index, header).toBeGreaterThanOrEqual(0);
  return page.locator(`tbody tr[data-testid="resource-row"] > td:nth-child(${index + 1})`).allTextContents();
}

/** Seoul's wall-clock date of an instant, as the pages write a day in Korean ("2026. 12. 3."). */
const seoulDay = (instant: string) =>
  new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', year: 'numeric', month: 'numeric', day: 'numeric' }).format(new Date(instant));

describe('Korean pages (issue 20)', () => {
  it('sign-in: Korean words only, <html lang="ko">', async () => {
    const page = await koreanPage();
    await visit(page, '/sign-in');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await englishOn(page)).toEqual([]);
  });

  it('list: Korean headers, statuses in words, filters and pagination; won without minor units, euros with two', async () => {
    const page = await koreanPage('superadmin');
    await visit(page, '/d/market/orders');
    await page.getByTestId('resource-row').first().waitFor();
    const headers = await page.locator('thead th').allTextContents();
    expect(headers.join(' ')).toMatch(/주문 번호.*고객.*상태.*합계/);
    const statuses = await page.locator('tbody [data-renderer="badge"]').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(['대기', '결제 완료', '배송 중', '배송 완료', '취소됨', '환불됨']).toContain(s.trim());
    const totals = await columnTexts(page, '합계');
    for (const t of totals) expect(t.trim()).toMatch(/^€[\d,]+\.\d{2}$/);
    expect(await englishOn(page)).toEqual([]);

    await visit(page, '/d/market/products');
    await page.getByTestId('resource-row').first().waitFor();
    const won = await columnTexts(page, '원화 가격');
    expect(won.length).toBeGreaterThan(0);
    for (const w of won) expect(w.trim()).toMatch(/^₩[\d,]+$/);
    expect(await englishOn(page)).toEqual([]);
  });

  it('record: Korean labels, times in Seoul with the zone named', async () => {
    const page = await koreanPage('superadmin');
    const headers = { cookie: await hub.cookieFor('superadmin') };
    const [post] = ((await (await fetch(`${hub.url}/api/d/blog/posts?size=1`, { headers })).json()) as { rows: Record<string, string>[] }).rows;
    await visit(page, `/d/blog/posts/${post!.id}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('제목');
    expect(text).toContain(seoulDay(post!.created_at!));
    expect(text).toMatch(/GMT\+9|KST|한국 표준시/);
    expect(await englishOn(page, [post!.title!, post!.slug!])).toEqual([]);
  });

  it('form: a refused save names the field in Korean, and nothing on the page is English', async () => {
    const page = await koreanPage('superadmin');
    const headers = { cookie: await hub.cookieFor('superadmin') };
    const [post] = ((await (await fetch(`${hub.url}/api/d/blog/posts?size=1`, { headers })).json()) as { rows: Record<string, string>[] }).rows;
    const author = await withClient(
      hub.blogDatabaseUrl,
      async (c) => (await c.query<{ name: string }>('SELECT name FROM authors WHERE id = $1', [post!.author_id])).rows[0],
    );
    await visit(page, `/d/blog/posts/${post!.id}/edit`);
    await page.getByTestId('field-slug').fill('Not A Slug');
    await page.getByTestId('record-save').click();
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('소문자와 숫자만');
    // The example in the message is what to type, and the author is the post's (data).
    expect(await englishOn(page, [post!.title!, 'Not A Slug', '"my-first-post"', author!.name!])).toEqual([]);
  });

  it('audit log and dashboard: Korean words, times in Seoul', async () => {
    const page = await koreanPage('superadmin');
    await visit(page, '/audit');
    await page.getByTestId('resource-row').first().waitFor();
    expect(await englishOn(page)).toEqual([]);

    await visit(page, '/');
    await page.getByText('오늘 주문').first().waitFor();
    expect(await englishOn(page)).toEqual([]);
  });

  it('palette: Korean commands and results', async () => {
    const page = await koreanPage('superadmin');
    await visit(page, '/d/blog/posts');
    for (let i = 0; i < 40 && !(await page.getByTestId('palette').isVisible()); i++) {
      await page.keyboard.press('Control+k');
      await page.waitForTimeout(250);
    }
    await page.keyboard.type('주문');
    await expect.poll(() => page.locator('[data-testid="palette"] [role="option"]').allTextContents()).toContainEqual(expect.stringContaining('주문'));
    expect(await englishOn(page)).toEqual([]);
  });
});
