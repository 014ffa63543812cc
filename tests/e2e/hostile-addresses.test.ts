// Version-independent (vitest.config.ts): HTTP addressing of the production server.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../support/hub-server';

/**
 * Addresses no page should turn into a 500 or a dropped connection, on a hub that runs only
 * the blog domain: a custom page of the absent market domain, resources of it, and requests
 * too long for the server to read.
 */
let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ env: { HUB_DOMAINS: 'blog', MARKET_DATABASE_URL: '' } });
}, 240_000);
afterAll(async () => {
  await hub?.stop();
});

/** A raw request, so an over-long line or header reaches the server as sent (fetch would refuse to send some). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number } | { error: string }> {
  const url = new URL(hub.url);
  return new Promise((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    req.end();
  });
}

describe('addresses that name nothing here', () => {
  it('answers a custom page and the resources of a domain this hub does not run with a 404, not a 500', async () => {
    const cookie = await hub.cookieFor('superadmin');
    for (const path of ['/d/market/vip-customers', '/d/market/customers', '/d/market/customers/1', '/d/nowhere/things']) {
      const response = await fetch(`${hub.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(response.status, path).toBe(404);
    }
    expect((await fetch(`${hub.url}/api/d/market/customers`, { headers: { cookie } })).status).toBe(404);
  });

  it('answers an over-long address or header with 414/431 instead of dropping the connection', async () => {
    const cookie = await hub.cookieFor('superadmin');
    // Repeated: a server that answers and then resets while the client still sends loses this race now and then.
    for (let i = 0; i < 15; i++) {
      expect(await raw(`/d/blog/posts?q=${'x'.repeat(70_000)}`, { cookie })).toEqual({ status: 431 });
      expect(await raw('/d/blog/posts', { cookie, 'x-filler': 'y'.repeat(70_000) })).toEqual({ status: 431 });
    }
    expect(await raw('/d/blog/posts', { cookie })).toEqual({ status: 200 }); // and the server is fine afterwards
  });
});
