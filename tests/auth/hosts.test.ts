// Version-independent (vitest.config.ts): which hosts the server answers as itself.
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAuth } from '../../src/engine/auth/better-auth';
import { launchChromium } from '../support/browser';
import { OPERATORS, PASSWORD, startHub, type RunningHub } from '../support/hub-server';

/**
 * Which hosts the hub answers as itself, over real HTTP against the production build:
 * without HUB_URL, whatever host it is reached by (127.0.0.1, localhost, a LAN address);
 * with HUB_URL, that one, other hosts' page requests being redirected there. And a Server
 * Action from a foreign Origin is a 403 in words, not Next.js's 500.
 */

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with the Host header we choose (fetch cannot set it): the hub reached by another name. */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function signIn(base: string, origin: string, email: string = OPERATORS.superadmin.email, password: string = PASSWORD): Promise<Response> {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('without HUB_URL: the hub is whatever host it is reached by', () => {
  let hub: RunningHub;
  let port: number;
  let browser: Browser | undefined;

  beforeAll(async () => {
    hub = await startHub({ orders: 50, env: { HUB_URL: '', HUB_AUTH_SIGN_IN_ATTEMPTS: '2' } });
    port = Number(new URL(hub.url).port);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    if (hub) expect(await hub.stop()).toBe(0);
  });

  it('signs in through 127.0.0.1 and through localhost, each with its own Origin', async () => {
    for (const base of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const response = await signIn(base, base);
      expect(response.status, `${base}: ${await response.clone().text()}`).toBe(200);
      const cookie = cookieOf(response);
      expect(cookie).toMatch(/admin-hub\.session_token=/);
      const session = (await (await fetch(`${base}/api/auth/get-session`, { headers: { cookie } })).json()) as { user: { email: string } } | null;
      expect(session?.user.email).toBe(OPERATORS.superadmin.email);
      // Pages read the session too (the server's own lookup, with no configured base URL).
      const home = await fetch(`${base}/`, { headers: { cookie }, redirect: 'manual' });
      expect(home.status, base).toBe(200);
      expect(await home.text()).toContain(OPERATORS.superadmin.email);
    }
  });

  it('signs in through a LAN address (any Host the hub is reached by)', async () => {
    const lan = `192.168.77.20:${port}`;
    const answer = await raw(port, {
      method: 'POST',
      path: '/api/auth/sign-in/email',
      headers: { host: lan, origin: `http://${lan}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: OPERATORS.superadmin.email, password: PASSWORD }),
    });
    expect(answer.status, answer.body).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/admin-hub\.session_token=/);
  });

  it('still refuses a foreign Origin, and the Origin of another of its own names', async () => {
    const evil = await signIn(`http://localhost:${port}`, 'http://evil.example');
    expect(evil.status).toBe(403);
    expect(await evil.json()).toEqual({ code: 'INVALID_ORIGIN', message: 'Invalid origin' });
    expect(evil.headers.getSetCookie()).toEqual([]);
    // A page on 127.0.0.1 posting to localhost is a cross-origin request all the same.
    const crossed = await signIn(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
    expect(crossed.status).toBe(403);
  });

  it('answers a Server Action from a foreign Origin with a 403 in words, not a 500', async () => {
    const cookie = await hub.cookieFor('superadmin');
    const action = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' };
    for (const [path, headers] of [
      ['/', { ...action, cookie }], // a signed-in operator's browser, lured by another site
      ['/sign-in', action],
    ] as const) {
      const response = await fetch(`${hub.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers, origin: 'http://evil.example' },
        body: '[]',
      });
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain('This request came from another site (Origin http://evil.example) and was refused');
    }
    // A form posted without JavaScript (multipart) is a Server Action too.
    const form = new FormData();
    form.set('x', '1');
    const multipart = await fetch(`${hub.url}/`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: 'https://evil.example' }, body: form });
    expect(multipart.status).toBe(403);
    expect(await multipart.text()).toContain('(Origin https://evil.example)');
    // The hub's own Origin is left to Next.js (an unknown action: not found, neither 403 nor 500).
    const own = await fetch(`${hub.url}/`, { method: 'POST', redirect: 'manual', headers: { ...action, cookie, origin: hub.url }, body: '[]' });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
    // No Origin at all (no browser sends a POST without one) is refused too, as the API's bulk route refuses it.
    const bare = await fetch(`${hub.url}/`, { method: 'POST', redirect: 'manual', headers: { ...action, cookie }, body: '[]' });
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('came without an Origin header and was refused');
  });

  it('answers a path with a broken %-escape with a 400 in words, pages and API alike', async () => {
    const cookie = await hub.cookieFor('superadmin');
    for (const path of ['/d/blog/posts/%FF', '/d/blog/posts/%ED%A0%80', '/d/%E0%A4%A', '/api/d/blog/%FF']) {
      const response = await fetch(`${hub.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toContain('broken %-escape');
    }
  });

  it('does not take X-Forwarded-Host as its own host unless HUB_TRUST_PROXY=1 says a proxy is in front', async () => {
    const cookie = await hub.cookieFor('superadmin');
    const bulk = await fetch(`${hub.url}/api/d/blog/posts/bulk`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'softDelete', ids: ['1'] }),
    });
    expect(bulk.status).toBe(403);
  });

  it('shows the lockout and when to try again in the sign-in form', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${hub.url}/sign-in`);
    const error = page.getByTestId('sign-in-error');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.locator('input[name="email"]').fill(OPERATORS.marketViewer.email);
      await page.locator('input[name="password"]').fill('not the password at all');
      await page.getByTestId('sign-in-submit').click();
      if (attempt < 3) {
        await expect.poll(() => error.textContent()).toBe('Email or password is incorrect.');
        await expect.poll(() => page.getByTestId('sign-in-submit').isEnabled()).toBe(true);
      }
    }
    await expect.poll(() => error.textContent()).toMatch(/^Too many failed sign-ins for this account\. Try again in \d+ seconds?\.$/);
  });
});

describe('with HUB_URL: other hosts are sent there', () => {
  let hub: RunningHub;
  let port: number;

  beforeAll(async () => {
    resetAuth(); // the first hub's operators were created through an auth instance on its (closed) pool
    hub = await startHub({ orders: 50 }); // HUB_URL is http://127.0.0.1:<port>
    port = Number(new URL(hub.url).port);
  }, 600_000);
  afterAll(async () => {
    if (hub) expect(await hub.stop()).toBe(0);
  });

  it('redirects a page request made to another host to the same path on HUB_URL', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(`http://localhost:${port}/sign-in?next=%2Fd%2Fmarket%2Forders`, { method, redirect: 'manual' });
      expect(response.status, method).toBe(307);
      expect(response.headers.get('location')).toBe(`http://127.0.0.1:${port}/sign-in?next=%2Fd%2Fmarket%2Forders`);
    }
    const lan = await raw(port, { path: '/d/market/orders', headers: { host: `192.168.77.20:${port}` } });
    expect(lan.status).toBe(307);
    expect(lan.headers.location).toBe(`http://127.0.0.1:${port}/d/market/orders`);
    // At HUB_URL itself the page is served.
    expect((await fetch(`${hub.url}/sign-in`, { redirect: 'manual' })).status).toBe(200);
  });

  it("redirects no API request, and still refuses a sign-in from another host's Origin", async () => {
    expect((await fetch(`http://localhost:${port}/api/health`, { redirect: 'manual' })).status).toBe(200);
    const refused = await signIn(`http://localhost:${port}`, `http://localhost:${port}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect((await signIn(hub.url, hub.url)).status).toBe(200);
  });

  it('serves the page instead of looping when its own redirect comes back (a proxy rewriting Host)', async () => {
    const first = await fetch(`http://localhost:${port}/sign-in`, { redirect: 'manual' });
    expect(first.status).toBe(307);
    const marker = cookieOf(first);
    expect(marker).toBe('admin-hub.redirected=1');
    const again = await fetch(`http://localhost:${port}/sign-in`, { redirect: 'manual', headers: { cookie: marker } });
    expect(again.status).toBe(200);
    expect(hub.logs()).toContain('a proxy in front rewrites Host');
  });
});
