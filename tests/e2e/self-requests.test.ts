// Version-independent (vitest.config.ts): Next.js's requests to its own server.
import http from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * Next.js renders a Server Action's redirect target by fetching it from its own server. Told
 * nothing, it fetched http://localhost:3000, so a hub on another port sent the operator's
 * session cookie to whatever listened there (and showed that listener's answer). Here the hub
 * runs on a random port with a listener on 127.0.0.1:3000, and every kind of write made from
 * the browser must leave that listener untouched: the hub connects only to its databases and
 * itself (the outbound log of startHub records every TCP connection the process opens).
 */

let hub: RunningHub;
let browser: Browser;
let listener: http.Server | undefined;
const reachedDecoy: string[] = [];

beforeAll(async () => {
  const decoy = http.createServer((req, res) => {
    reachedDecoy.push(`${req.method} ${req.url} cookie=${req.headers.cookie ? 'yes' : 'no'}`);
    res.end('0:"spoofed"\n');
  });
  // Port 3000 may be taken by a developer's own hub: the outbound log below still proves the
  // point then (it records the connection whoever answers it); the decoy adds the listener's view.
  listener = await new Promise<http.Server | undefined>((resolve) => {
    decoy.once('error', () => resolve(undefined));
    decoy.listen(3000, '127.0.0.1', () => resolve(decoy));
  });
  hub = await startHub({ orders: 100, env: { HUB_AUTH_SIGN_IN_ATTEMPTS: '100' } });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
  await new Promise<void>((resolve) => (listener ? listener.close(() => resolve()) : resolve()));
});

const field = (page: Page, column: string) => page.getByTestId(`field-${column}`);

async function signedInPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await hub.signInPage(page, 'superadmin');
  return page;
}

describe('requests the hub makes to itself', () => {
  it('never leave for another port: create, save, custom action, delete, restore, revert, hard delete, operators, sign-out', async () => {
    const page = await signedInPage();

    // Create (a redirect to the new record's page).
    await page.goto(`${hub.url}/d/market/products/new`);
    await field(page, 'sku').fill('SELF-REQ-1');
    await field(page, 'name').fill('Self request lamp');
    await field(page, 'price_cents').fill('500');
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\/d\/market\/products\/\d+\?saved=created$/);
    const id = (await page.getByTestId('record-detail').getAttribute('data-record-id'))!;

    // Save an edit.
    await page.goto(`${hub.url}/d/market/products/${id}/edit`);
    await field(page, 'stock').fill('7');
    await page.getByTestId('record-save').click();
    await page.waitForURL(new RegExp(`/d/market/products/${id}\\?saved=updated$`));
    expect(await page.getByTestId('record-value-stock').textContent()).toBe('7');

    // A custom action.
    await page.getByTestId('record-action-toggle-active').click();
    await expect.poll(() => page.getByTestId('record-value-active').textContent()).toBe('no');

    // Soft delete, then restore.
    await page.getByTestId('record-delete').click();
    await page.getByTestId('deleted-banner').waitFor();
    await page.getByTestId('record-restore').click();
    await page.getByTestId('record-delete').waitFor();

    // Revert the edit from History (the newest update entry with a Revert button).
    await page.goto(`${hub.url}/d/market/products/${id}`);
    const revertable = page
      .getByTestId('history-entry')
      .filter({ has: page.getByTestId('revert') })
      .filter({ hasText: 'stock' });
    await revertable.first().getByTestId('revert').click();
    await expect.poll(() => page.getByTestId('revert-message').first().textContent()).toMatch(/revert/i);

    // Hard delete (a redirect to the list).
    await page.goto(`${hub.url}/d/market/products/${id}`);
    await page.getByTestId('record-hard-delete').click();
    await page.getByTestId('hard-delete-confirm-input').fill(id);
    await page.getByTestId('hard-delete-confirm').click();
    await page.waitForURL(/\/d\/market\/products$/);

    // Operators: create one, change its roles, delete it.
    await page.goto(`${hub.url}/operators/new`);
    await page.getByTestId('new-email').fill('self-requests@e2e.test');
    await page.getByTestId('role-select-blog').selectOption('viewer');
    await page.getByTestId('create-operator').click();
    await page.getByTestId('operator-created').waitFor();
    await page.getByTestId('open-created').click();
    await page.getByRole('heading', { name: 'self-requests@e2e.test' }).waitFor();
    await page.getByTestId('role-select-market').selectOption('editor');
    await page.getByTestId('save-grants').click();
    await expect.poll(() => page.getByTestId('form-message').textContent()).toMatch(/saved|updated/i);
    await page.getByTestId('delete-operator').click();
    await page.getByTestId('delete-confirm-input').fill('self-requests@e2e.test');
    await page.getByTestId('delete-confirm').click();
    await page.waitForURL((u) => u.pathname === '/operators');

    // Sign out.
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname.startsWith('/sign-in'));
    await page.close();

    expect(reachedDecoy).toEqual([]);
    expect(hub.strayConnections()).toEqual([]);
    // The log is real: the hub's own database connections are in it.
    expect(hub.outbound().length).toBeGreaterThan(0);
    expect(hub.logs()).not.toContain('failed to get redirect response');
    // Next's own start-up lines stay out of the hub's output (HUB_LOG_LEVEL=debug shows them).
    expect(hub.logs()).not.toMatch(/Running next\.config|Experiments|authInterrupts/);
  });
});
