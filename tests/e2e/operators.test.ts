// Version-independent (vitest.config.ts): the operators browser UI.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startHub, type RunningHub } from '../support/hub-server';

let hub: RunningHub;
let browser: Browser;
/** The market viewer's own page, found by the superadmin in the first test. */
let viewerPage = '/operators/unknown';

beforeAll(async () => {
  hub = await startHub({ orders: 200 });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  expect(await hub?.stop()).toBe(0);
});

describe('operators pages in Chromium', () => {
  it('lets a superadmin find an operator and change its role on a domain', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'superadmin');
    await page.goto(`${hub.url}/operators`);
    await page.getByRole('heading', { name: 'Operators' }).waitFor();
    expect(await page.getByTestId('resource-row').count()).toBeGreaterThanOrEqual(6);

    // Search narrows the list to the one operator; its row shows the current role.
    await page.getByTestId('resource-search').fill('market-viewer');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=market-viewer/);
    await expect.poll(() => page.getByTestId('resource-row').count()).toBe(1);
    const row = page.getByTestId('resource-row');
    expect(await row.textContent()).toContain('market-viewer@e2e.test');
    expect(await row.getByTestId('role-market').textContent()).toBe('market · viewer');

    // Open it and make it an editor on market.
    await row.click();
    await page.waitForURL(/\/operators\/[^/?]+$/);
    viewerPage = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'market-viewer@e2e.test' }).waitFor();
    const select = page.getByTestId('role-select-market');
    expect(await select.inputValue()).toBe('viewer');
    await select.selectOption('editor');
    await page.getByTestId('save-grants').click();
    await expect.poll(() => page.getByTestId('form-message').textContent()).toContain('Roles saved');
    expect(await page.getByTestId('form-message').getAttribute('data-kind')).toBe('ok');
    expect(await page.getByTestId('operator-detail').getByTestId('role-market').first().textContent()).toBe('market · editor');

    // Still so after a reload, and in the list.
    await page.reload();
    expect(await page.getByTestId('role-select-market').inputValue()).toBe('editor');
    await page.goto(`${hub.url}/operators?q=market-viewer`);
    expect(await page.getByTestId('resource-row').getByTestId('role-market').textContent()).toBe('market · editor');

    // A refused change comes back as a message in the form, not a crash: the only superadmin
    // cannot take the role away from itself.
    await page.goto(`${hub.url}/operators?q=root%40e2e.test`);
    await page.getByTestId('resource-row').click();
    await page.getByRole('heading', { name: 'root@e2e.test' }).waitFor();
    await page.getByTestId('superadmin-checkbox').uncheck();
    await page.getByTestId('save-grants').click();
    await expect.poll(() => page.getByTestId('form-message').textContent()).toContain('root@e2e.test is the last superadmin');
    expect(await page.getByTestId('superadmin-checkbox').isChecked()).toBe(true);
    await page.close();
  });

  it('creates an operator with a one-time password, revokes its session, and deletes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await hub.signInPage(page, 'superadmin');
    await page.goto(`${hub.url}/operators/new`);
    await page.getByTestId('new-email').fill('temp@e2e.test');
    await page.getByTestId('role-select-blog').selectOption('viewer');
    await page.getByTestId('create-operator').click();
    await page.getByTestId('operator-created').waitFor();
    const password = await page.getByTestId('created-password').inputValue();
    expect(password.length).toBeGreaterThanOrEqual(24);

    // The password signs in; the new operator reads blog.
    const signIn = await fetch(`${hub.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hub.url },
      body: JSON.stringify({ email: 'temp@e2e.test', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await fetch(`${hub.url}/api/d/blog/posts?size=1`, { headers: { cookie } })).status).toBe(200);

    // Its page lists that session; revoking it ends it at once.
    await page.getByTestId('open-created').click();
    await page.getByRole('heading', { name: 'temp@e2e.test' }).waitFor();
    expect(await page.getByTestId('session-row').count()).toBe(1);
    await page.getByTestId('revoke-session').click();
    await expect.poll(() => page.getByTestId('sessions-message').textContent()).toContain('Session revoked');
    await page.getByTestId('no-sessions').waitFor();
    expect((await fetch(`${hub.url}/api/d/blog/posts?size=1`, { headers: { cookie } })).status).toBe(401);

    // Deleting asks for the email, then returns to the list without it.
    await page.getByTestId('delete-operator').click();
    expect(await page.getByTestId('delete-confirm').isDisabled()).toBe(true);
    await page.getByTestId('delete-confirm-input').fill('temp@e2e.test');
    await page.getByTestId('delete-confirm').click();
    await page.waitForURL((u) => u.pathname === '/operators');
    await page.goto(`${hub.url}/operators?q=temp%40e2e.test`);
    await page.getByTestId('empty-state').waitFor();
    await page.close();
  });

  it('shows a 403 page at /operators to anyone but a superadmin', async () => {
    const page = await browser.newPage();
    await hub.signInPage(page, 'marketViewer');
    for (const path of ['/operators', '/operators/new', viewerPage]) {
      const response = await page.goto(`${hub.url}${path}`);
      expect(response?.status(), path).toBe(403);
      await page.getByRole('heading', { name: 'No access' }).waitFor();
      expect(await page.getByTestId('admin-resource-table').count()).toBe(0);
    }
    await page.close();
  });
});
