import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../support/hub-server';

let hub: RunningHub;
beforeAll(async () => {
  // HUB_COMPRESS=0 as behind a compressing proxy: also checked below.
  hub = await startHub({ orders: 10, env: { HUB_COMPRESS: '0' } });
}, 600_000);
afterAll(async () => {
  hub?.process.kill('SIGKILL'); // only if the test failed and left it running
});

describe('HUB_COMPRESS=0', () => {
  it('answers pages uncompressed even to a client that accepts gzip', async () => {
    const page = await fetch(`${hub.url}/sign-in`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBeNull();
  });
});

describe('a hub whose output nobody reads any more', () => {
  it('keeps serving, and still drains and exits 0 on SIGTERM, when its stdout and stderr pipes close', async () => {
    // What a log collector or terminal going away looks like from the hub's side.
    hub.process.stdout!.destroy();
    hub.process.stderr!.destroy();
    // Requests that log (a failed sign-in is logged and audited), written to the closed pipes.
    for (let i = 0; i < 3; i++) {
      const refused = await fetch(`${hub.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: hub.url },
        body: JSON.stringify({ email: 'nobody@closed.test', password: 'wrong-password' }),
      });
      expect(refused.status).toBe(401);
    }
    expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
    const started = Date.now();
    const code = await Promise.race([hub.stop(), new Promise<string>((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000))]);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
