// Version-independent (vitest.config.ts): the record pages in the browser (their SQL is tested per version by tests/records).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { signedInPages } from '../support/signed-in';
import { adminQuery } from '../support/databases';
import { seriousViolations } from '../support/axe';
import { OPERATORS, PASSWORD, startHub, type OperatorKind, type RunningHub } from '../support/hub-server';

/**
 * Record pages in Chromium against the production build: create through the generated form,
 * the detail page, edit, a conflict between two tabs, soft delete / trash / restore, a field
 * message from a database constraint, and who may open which record page.
 */

let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  // Several operators sign in, by form and over HTTP: above the default five per minute.
  hub = await startHub({ orders: 300, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '100' } });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

const signedIn = signedInPages(() => ({ browser, hub }), { width: 1280, height: 1000 });

const field = (page: Page, column: string) => page.getByTestId(`field-${column}`);
const fieldError = (page: Page, column: string) => page.getByTestId(`field-error-${column}`);

/** The record id of the detail page the browser is on. */
async function detailId(page: Page): Promise<string> {
  await page.getByTestId('record-detail').waitFor();
  return (await page.getByTestId('record-detail').getAttribute('data-record-id'))!;
}

async function listIds(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await page.getByTestId('admin-resource-table').waitFor();
  return page.locator('[data-testid="resource-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
}

describe('record pages in Chromium', () => {
  let productId = '';

  it('creates a product through the generated form and shows it on its detail page', async () => {
    const page = await signedIn('marketEditor');
    await page.goto(`${hub.url}/d/market/products/new`);
    await page.getByTestId('record-form').waitFor();
    // Read-only and soft-delete columns are not offered on create.
    expect(await page.getByTestId('form-field-id').count()).toBe(0);
    expect(await page.getByTestId('form-field-deleted_at').count()).toBe(0);

    // Required: the NOT NULL columns without a default, marked and announced as such.
    for (const column of ['sku', 'name', 'price_cents']) expect(await field(page, column).getAttribute('aria-required')).toBe('true');
    for (const column of ['currency', 'stock', 'active', 'description']) expect(await field(page, column).getAttribute('aria-required')).toBeNull();
    expect(await page.getByTestId('form-field-currency').textContent()).toContain('Leave empty for the table’s default.');
    // An empty submit flags every required field at once, before anything is sent.
    await page.getByTestId('record-save').click();
    for (const column of ['sku', 'name', 'price_cents']) await expect.poll(() => fieldError(page, column).textContent()).toBe('Required.');
    await field(page, 'name').fill('E2E Desk Lamp');
    await field(page, 'price_cents').fill('1999');
    await page.getByTestId('record-save').click();
    await expect.poll(() => fieldError(page, 'sku').textContent()).toBe('Required.');
    expect(await fieldError(page, 'name').count()).toBe(0);

    await field(page, 'sku').fill('E2E-LAMP-1');
    expect(await page.getByTestId('money-price_cents').textContent()).toBe('= €19.99');
    await field(page, 'categories').fill('lighting\n\ndesk\n');
    expect(await page.getByTestId('array-count-categories').textContent()).toContain('2 items');
    // JSON is checked as it is typed, and the browser refuses to send it broken.
    await field(page, 'attributes').fill('{"colour": "red",');
    expect(await page.getByTestId('json-status-attributes').getAttribute('data-valid')).toBe('false');
    await page.getByTestId('record-save').click();
    await expect.poll(() => fieldError(page, 'attributes').textContent()).toBe('Not valid JSON.');
    await field(page, 'attributes').fill('{"colour": "red", "watts": 40}');
    expect(await page.getByTestId('json-status-attributes').getAttribute('data-valid')).toBe('true');
    await page.getByTestId('record-save').click();

    await page.waitForURL(/\/d\/market\/products\/\d+\?saved=created$/);
    productId = await detailId(page);
    expect(await page.getByTestId('record-saved').textContent()).toContain('Created.');
    expect(await page.getByTestId('record-value-sku').textContent()).toBe('E2E-LAMP-1');
    expect(await page.getByTestId('record-value-price_cents').textContent()).toContain('€19.99');
    expect(await page.getByTestId('record-value-categories').textContent()).toBe('lightingdesk');
    expect(await page.getByTestId('record-value-attributes').textContent()).toContain('"watts": 40');
    // Defaults applied: active is true, stock 0, currency EUR.
    expect(await page.getByTestId('record-value-active').textContent()).toBe('yes');
    expect(await page.getByTestId('record-value-currency').textContent()).toBe('EUR');
    // An editor gets Edit and Delete, not Delete for good.
    await page.getByTestId('record-edit').waitFor();
    expect(await page.getByTestId('record-hard-delete').count()).toBe(0);

    // The list opens the detail page on a row click.
    await page.goto(`${hub.url}/d/market/products?q=E2E-LAMP`);
    await page.locator(`[data-testid="resource-row"][data-row-key="${productId}"]`).click();
    await page.waitForURL(new RegExp(`/d/market/products/${productId}$`));
    await page.getByTestId('record-detail').waitFor();
    await page.context().close();
  });

  it('edits it: only changed fields are sent, with the version in a hidden field', async () => {
    const page = await signedIn('marketEditor');
    await page.goto(`${hub.url}/d/market/products/${productId}`);
    await page.getByTestId('record-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId('record-form').waitFor();
    expect(await page.getByTestId('record-version').inputValue()).toMatch(/^\d+$/);
    // Key, generated and soft-delete columns are shown but cannot be changed.
    expect(await field(page, 'id').isDisabled()).toBe(true);
    expect(await field(page, 'price_eur').isDisabled()).toBe(true);
    expect(await field(page, 'deleted_at').isDisabled()).toBe(true);
    // A NOT NULL text emptied is refused in the browser, not saved as ''.
    await field(page, 'sku').fill('');
    await page.getByTestId('record-save').click();
    await expect.poll(() => fieldError(page, 'sku').textContent()).toBe('Required.');
    expect(page.url()).toMatch(/\/edit$/);
    await field(page, 'sku').fill('E2E-LAMP-1');
    await field(page, 'name').fill('E2E Desk Lamp, brass');
    await field(page, 'stock').fill('12');
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\?saved=updated$/);
    expect(await page.getByTestId('record-value-name').textContent()).toBe('E2E Desk Lamp, brass');
    expect(await page.getByTestId('record-value-stock').textContent()).toBe('12');
    expect(await page.getByTestId('record-value-sku').textContent()).toBe('E2E-LAMP-1');
    await page.context().close();
  });

  it('shows a conflict when someone saved first, and "Save mine anyway" saves', async () => {
    const first = await signedIn('marketEditor');
    const second = await signedIn('marketEditor');
    const edit = `${hub.url}/d/market/products/${productId}/edit`;
    await Promise.all([first.goto(edit), second.goto(edit)]);
    await Promise.all([first.getByTestId('record-form').waitFor(), second.getByTestId('record-form').waitFor()]);

    await field(first, 'name').fill('Theirs: brass lamp');
    await first.getByTestId('record-save').click();
    await first.waitForURL(/\?saved=updated$/);

    await field(second, 'name').fill('Mine: copper lamp');
    await second.getByTestId('record-save').click();
    await second.getByTestId('conflict-screen').waitFor();
    expect(await second.getByTestId('conflict-theirs-name').textContent()).toBe('Theirs: brass lamp');
    expect(await second.getByTestId('conflict-yours-name').textContent()).toBe('Mine: copper lamp');
    expect(await second.getByTestId('conflict-row-name').getAttribute('data-clash')).toBe('true');
    expect(second.url()).toMatch(/\/edit$/); // nothing was saved

    await second.getByTestId('conflict-save-mine').click();
    await second.waitForURL(/\?saved=updated$/);
    expect(await second.getByTestId('record-value-name').textContent()).toBe('Mine: copper lamp');
    await first.context().close();
    await second.context().close();
  });

  it('"Keep theirs" reloads the form with the saved values', async () => {
    const first = await signedIn('marketEditor');
    const second = await signedIn('marketEditor');
    const edit = `${hub.url}/d/market/products/${productId}/edit`;
    await Promise.all([first.goto(edit), second.goto(edit)]);
    await Promise.all([first.getByTestId('record-form').waitFor(), second.getByTestId('record-form').waitFor()]);
    await field(first, 'stock').fill('99');
    await first.getByTestId('record-save').click();
    await first.waitForURL(/\?saved=updated$/);
    await field(second, 'stock').fill('1');
    await second.getByTestId('record-save').click();
    await second.getByTestId('conflict-screen').waitFor();
    await second.getByTestId('conflict-keep-theirs').click();
    await expect.poll(() => second.getByTestId('conflict-screen').count()).toBe(0);
    await expect.poll(() => field(second, 'stock').inputValue()).toBe('99');
    await first.context().close();
    await second.context().close();
  });

  /** A browser context signed in through the form, whose session this test alone may end. */
  async function ownSession(kind: OperatorKind): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await hub.signInPage(page, kind);
    return page;
  }

  /** Signs in on the sign-in page the browser is on (reached from a link), and waits to leave it. */
  async function signInHere(page: Page, kind: OperatorKind): Promise<void> {
    await page.locator('input[name="email"]').fill(OPERATORS[kind].email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  }

  it('keeps the edits when the session ended (its row deleted): message, sign in, values back, save works', async () => {
    const page = await ownSession('marketEditor');
    const edit = `/d/market/products/${productId}/edit`;
    await page.goto(`${hub.url}${edit}`);
    await page.getByTestId('record-form').waitFor();
    await field(page, 'name').fill('E2E lamp kept across sign-in');
    await field(page, 'stock').fill('77');

    // The session ends behind the browser's back: its row is gone, its cookie still sent.
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('.session_token'))!;
    const token = decodeURIComponent(cookie.value).split('.')[0]!;
    expect(await adminQuery('DELETE FROM hub_session WHERE token = $1 RETURNING id', [token], hub.hubDatabaseUrl)).toHaveLength(1);

    await page.getByTestId('record-save').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('Your session has ended, so nothing was done.');
    expect(await page.getByTestId('draft-kept').textContent()).toContain('What you typed is kept in this browser tab');
    expect(new URL(page.url()).pathname).toBe(edit); // still on the form…
    expect(await field(page, 'name').inputValue()).toBe('E2E lamp kept across sign-in'); // …with what was typed

    await page.getByTestId('session-sign-in').click();
    await page.waitForURL((u) => u.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(edit);
    await signInHere(page, 'marketEditor');
    expect(new URL(page.url()).pathname).toBe(edit);
    await page.getByTestId('draft-restored').waitFor();
    await expect.poll(() => field(page, 'name').inputValue()).toBe('E2E lamp kept across sign-in');
    expect(await field(page, 'stock').inputValue()).toBe('77');

    await page.getByTestId('record-save').click();
    await page.waitForURL(/\?saved=updated$/);
    expect(await page.getByTestId('record-value-name').textContent()).toBe('E2E lamp kept across sign-in');
    expect(await page.getByTestId('record-value-stock').textContent()).toBe('77');
    await page.context().close();
  });

  it('keeps the edits when the operator signed out in another tab', async () => {
    const page = await ownSession('marketEditor');
    const edit = `/d/market/products/${productId}/edit`;
    await page.goto(`${hub.url}${edit}`);
    await page.getByTestId('record-form').waitFor();
    await field(page, 'stock').fill('78');

    const other = await page.context().newPage();
    await other.goto(`${hub.url}/`);
    await other.getByTestId('sign-out').click();
    await other.waitForURL((u) => u.pathname === '/sign-in');
    await other.close();

    await page.getByTestId('record-save').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('Your session has ended');
    expect(new URL(page.url()).pathname).toBe(edit);
    await page.getByTestId('session-sign-in').click();
    await page.waitForURL((u) => u.pathname === '/sign-in');
    await signInHere(page, 'marketEditor');
    await page.getByTestId('draft-restored').waitFor();
    await expect.poll(() => field(page, 'stock').inputValue()).toBe('78');
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\?saved=updated$/);
    expect(await page.getByTestId('record-value-stock').textContent()).toBe('78');
    await page.context().close();
  });

  it('offers row checkboxes and the bulk bar only to operators who may run a bulk action', async () => {
    const rows = (page: Page) => page.locator('[data-testid="resource-row"]').count();
    for (const [kind, path] of [
      ['blogViewer', '/d/blog/posts'],
      ['marketEditor', '/d/market/customers'],
      ['marketViewer', '/d/market/orders'],
    ] as const) {
      const page = await signedIn(kind);
      await page.goto(`${hub.url}${path}`);
      await page.getByTestId('admin-resource-table').waitFor();
      expect(await rows(page), `${kind} ${path}`).toBeGreaterThan(0);
      expect(await page.getByTestId('row-select').count(), `${kind} ${path}`).toBe(0);
      expect(await page.getByTestId('select-all').count(), `${kind} ${path}`).toBe(0);
      await page.context().close();
    }
    const admin = await signedIn('superadmin');
    await admin.goto(`${hub.url}/d/blog/posts`);
    await admin.getByTestId('admin-resource-table').waitFor();
    expect(await admin.getByTestId('row-select').count()).toBe(await rows(admin));
    await admin.getByTestId('row-select').first().check();
    await admin.getByTestId('bulk-bar').waitFor();
    expect(await admin.getByTestId('bulk-delete').count()).toBe(1);
    // A read-only view has nothing to run, so nothing to select, even for a superadmin.
    await admin.goto(`${hub.url}/d/blog/published-posts`);
    await admin.getByTestId('admin-resource-table').waitFor();
    expect(await admin.getByTestId('row-select').count()).toBe(0);
    await admin.context().close();
  });

  it('soft-deletes: gone from the list, in the trash, restored back', async () => {
    const page = await signedIn('marketEditor');
    await page.goto(`${hub.url}/d/market/products/${productId}`);
    await page.getByTestId('record-delete').click();
    await page.getByTestId('deleted-banner').waitFor();
    await page.getByTestId('record-restore').waitFor();
    expect(await listIds(page, `${hub.url}/d/market/products?q=E2E-LAMP`)).not.toContain(productId);
    expect(await listIds(page, `${hub.url}/d/market/products?q=E2E-LAMP&trash=1`)).toContain(productId);

    await page.goto(`${hub.url}/d/market/products/${productId}`);
    await page.getByTestId('record-restore').click();
    await page.getByTestId('record-delete').waitFor();
    expect(await page.getByTestId('deleted-banner').count()).toBe(0);
    expect(await listIds(page, `${hub.url}/d/market/products?q=E2E-LAMP`)).toContain(productId);
    await page.context().close();
  });

  it('puts a unique-constraint refusal under the field: a tag with a name already used', async () => {
    const headers = { cookie: await hub.cookieFor('superadmin') };
    const existing = ((await (await fetch(`${hub.url}/api/d/blog/tags?size=1`, { headers })).json()) as { rows: { name: string }[] }).rows[0]!.name;
    const page = await signedIn('superadmin');
    await page.goto(`${hub.url}/d/blog/tags/new`);
    await page.getByTestId('record-form').waitFor();
    await field(page, 'name').fill(existing);
    await field(page, 'slug').fill('e2e-duplicate');
    await page.getByTestId('record-save').click();
    await expect.poll(() => fieldError(page, 'name').textContent()).toBe('This name is already used.');
    expect(await page.getByTestId('form-error').textContent()).not.toMatch(/duplicate key|INSERT|tags_name_key/);
    // The form kept what was typed; a new name saves.
    expect(await field(page, 'slug').inputValue()).toBe('e2e-duplicate');
    await field(page, 'name').fill(`${existing} (e2e)`);
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\/d\/blog\/tags\/\d+\?saved=created$/);
    expect(await page.getByTestId('record-value-name').textContent()).toBe(`${existing} (e2e)`);
    await page.context().close();
  });

  it('deletes for good (admins): a dialog names what goes and asks for the id', async () => {
    const page = await signedIn('superadmin');
    await page.goto(`${hub.url}/d/blog/tags/new`);
    await field(page, 'name').fill('E2E short-lived tag');
    await field(page, 'slug').fill('e2e-short-lived');
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\?saved=created$/);
    const id = await detailId(page);
    await page.getByTestId('record-hard-delete').click();
    const dialog = page.getByTestId('hard-delete-dialog');
    expect(await dialog.textContent()).toContain(`Delete Tag ${id} (E2E short-lived tag) for good?`);
    expect(await dialog.textContent()).toContain('No other rows refer to it.');
    expect(await page.getByTestId('hard-delete-confirm').isDisabled()).toBe(true);
    await page.getByTestId('hard-delete-confirm-input').fill(id);
    await page.getByTestId('hard-delete-confirm').click();
    await page.waitForURL(new RegExp('/d/blog/tags$'));
    const left = await fetch(`${hub.url}/api/d/blog/tags?q=E2E%20short-lived`, { headers: { cookie: await hub.cookieFor('superadmin') } });
    expect(((await left.json()) as { rows: unknown[] }).rows).toEqual([]);

    // A row others still refer to is refused in words, and stays.
    const post = (
      (await (await fetch(`${hub.url}/api/d/blog/posts?size=1`, { headers: { cookie: await hub.cookieFor('superadmin') } })).json()) as {
        rows: { author_id: number }[];
      }
    ).rows[0]!;
    await page.goto(`${hub.url}/d/blog/authors/${post.author_id}`);
    await page.getByTestId('record-hard-delete').click();
    expect(await page.getByTestId('hard-delete-dialog').textContent()).toMatch(/\d+ posts \(by author\)/);
    await page.getByTestId('hard-delete-confirm-input').fill(String(post.author_id));
    await page.getByTestId('hard-delete-confirm').click();
    await expect.poll(() => page.getByTestId('hard-delete-message').textContent()).toContain('Other rows still refer to this one');
    await page.context().close();
  });

  it('opens a record with a composite key, by the id its list links to', async () => {
    const page = await signedIn('blogViewer');
    await page.goto(`${hub.url}/d/blog/post-tags`);
    const row = page.locator('[data-testid="resource-row"]').first();
    const key = (await row.getAttribute('data-row-key'))!;
    expect(key).toMatch(/^\d+,\d+$/);
    // (Its cells are all links to the post and the tag, so the row is opened by its address.)
    await page.goto(`${hub.url}/d/blog/post-tags/${key}`);
    expect(await detailId(page)).toBe(key);
    const [postId, tagId] = key.split(',');
    expect(await page.getByTestId('record-value-post_id').getByRole('link').textContent()).toBe(postId);
    expect(await page.getByTestId('record-value-tag_id').getByRole('link').textContent()).toBe(tagId);
    // Beside each key, the referenced row's name (its first searchable text column).
    expect(await page.getByTestId('reference-label-tag_id').textContent()).not.toBe('');
    // The key values link to the post and the tag.
    expect(await page.getByTestId('record-value-tag_id').getByRole('link').getAttribute('href')).toBe(`/d/blog/tags/${tagId}`);
    await page.context().close();
  });

  it('links foreign keys and lists what refers to a record', async () => {
    const page = await signedIn('marketViewer');
    const headers = { cookie: await hub.cookieFor('marketViewer') };
    const order = ((await (await fetch(`${hub.url}/api/d/market/orders?size=1`, { headers })).json()) as { rows: { id: string; customer_id: string }[] })
      .rows[0]!;
    await page.goto(`${hub.url}/d/market/orders/${order.id}`);
    await page.getByTestId('record-detail').waitFor();
    // A viewer sees no write buttons.
    expect(await page.getByTestId('record-edit').count()).toBe(0);
    expect(await page.getByTestId('record-delete').count()).toBe(0);
    await page.getByTestId('record-value-customer_id').getByRole('link').click();
    await page.waitForURL(new RegExp(`/d/market/customers/${order.customer_id}$`));
    // The customer's orders, through the list filtered by customer.
    const link = page.getByTestId('referrer-link-orders-customer_id');
    expect(await link.getAttribute('href')).toBe(`/d/market/orders?f.customer_id=${order.customer_id}`);
    // Masked for a viewer: shown as the mask, never the address.
    expect(await page.getByTestId('record-value-email').textContent()).toMatch(/^\w\*\*\*@/);
    await link.click();
    await page.waitForURL(/f\.customer_id=/);
    const ids = () => page.locator('[data-testid="resource-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    await expect.poll(ids).toContain(order.id);
    await page.context().close();
  });

  it("shows an author's posts inside the author's page, pages them there, and View all opens the filtered list", async () => {
    const page = await signedIn('blogViewer');
    const headers = { cookie: await hub.cookieFor('blogViewer') };
    const api = async (query: string) =>
      (await (await fetch(`${hub.url}/api/d/blog/posts?${query}`, { headers })).json()) as {
        rows: { id: string; author_id: number }[];
        count: { label: string };
      };
    const author = (await api('size=1')).rows[0]!.author_id;
    // The posts list's own order (newest first), filtered by the author: what the inline must show, 10 at a time.
    const expected = await api(`f.author_id=${author}&size=20&count=exact`);
    expect(expected.rows.length).toBe(20);
    const ids = expected.rows.map((r) => String(r.id));
    await page.goto(`${hub.url}/d/blog/authors/${author}`);
    const inline = page.getByTestId('inline-posts');
    const rowKeys = () => inline.getByTestId('resource-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    await expect.poll(rowKeys).toEqual(ids.slice(0, 10));
    expect(await inline.getByRole('heading', { level: 2, name: 'Posts' }).count()).toBe(1);
    expect(await inline.locator('thead th').allTextContents()).not.toContain('Author'); // every row's author is this one
    expect(await seriousViolations(page)).toEqual([]);

    await inline.getByTestId('pagination-next').click();
    await page.waitForURL(/inline\.posts\.after=/);
    await expect.poll(rowKeys).toEqual(ids.slice(10, 20));
    expect(await inline.getByTestId('pagination-page').textContent()).toContain('Page 2');
    await page.getByTestId('record-value-name').waitFor(); // the author's page, still
    await inline.getByTestId('pagination-previous').click();
    await expect.poll(rowKeys).toEqual(ids.slice(0, 10));

    const viewAll = inline.getByTestId('inline-view-all-posts');
    expect(await viewAll.getAttribute('href')).toBe(`/d/blog/posts?f.author_id=${author}`);
    expect((await viewAll.textContent())?.trim()).toBe(`View all ${expected.count.label}`);
    await viewAll.click();
    await page.waitForURL(new RegExp(`/d/blog/posts\\?f\\.author_id=${author}$`));
    const listed = () => page.locator('[data-testid="resource-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    await expect.poll(async () => (await listed()).slice(0, 20)).toEqual(ids);
    await page.context().close();
  });
});

describe('who may open record pages (real statuses, decided before streaming)', () => {
  const status = async (kind: OperatorKind, path: string) => {
    const response = await fetch(`${hub.url}${path}`, { redirect: 'manual', headers: { cookie: await hub.cookieFor(kind) } });
    const body = await response.text();
    // forbidden()/notFound() thrown after the 200 went out leave this marker in a 200 page.
    return response.status === 200 && body.includes('<meta name="robots" content="noindex"/>') ? 'late' : response.status;
  };

  it('answers 200, 403 and 404 as the route policies say', async () => {
    const product = (
      (await (await fetch(`${hub.url}/api/d/market/products?size=1`, { headers: { cookie: await hub.cookieFor('marketViewer') } })).json()) as {
        rows: { id: string }[];
      }
    ).rows[0]!.id;
    const cases: [OperatorKind, string, number][] = [
      ['marketViewer', `/d/market/products/${product}`, 200],
      ['marketViewer', `/d/market/products/${product}/edit`, 403],
      ['marketViewer', '/d/market/products/new', 403],
      ['marketEditor', `/d/market/products/${product}/edit`, 200],
      ['marketEditor', '/d/market/products/new', 200],
      ['marketEditor', '/d/market/products/999999999', 404],
      ['marketEditor', '/d/market/products/999999999/edit', 404],
      ['marketEditor', '/d/market/products/not-a-number', 404],
      ['marketEditor', '/d/market/order-items/1', 404], // a composite key needs both parts
      ['blogViewer', `/d/market/products/${product}`, 403],
      ['blogViewer', '/d/blog/tags/new', 403],
      ['superadmin', '/d/blog/published-posts/new', 200], // a view: the page says it is read-only
    ];
    const got = await Promise.all(cases.map(async ([kind, path]) => status(kind, path)));
    expect(cases.map(([kind, path], i) => `${kind} ${path} → ${got[i]}`)).toEqual(cases.map(([kind, path, want]) => `${kind} ${path} → ${want}`));
  });

  it('redirects an anonymous visitor to sign in, coming back to the record', async () => {
    const response = await fetch(`${hub.url}/d/market/products/1/edit`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(decodeURIComponent(new URL(response.headers.get('location')!, hub.url).search)).toBe('?next=/d/market/products/1/edit');
  });
});
