import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeHubSignature, IdempotencyKeyReusedError, ReplayGuard, verifyHubSignature } from '../../src/engine/internal/verify';

const secret = 'a-shared-secret-of-at-least-32-characters';
const now = 1_767_225_600;
const body = JSON.stringify({ action: 'send-notification', recordId: '42' });

function signed(overrides: { body?: string; timestamp?: number; secret?: string } = {}) {
  const timestamp = String(overrides.timestamp ?? now);
  return { timestamp, signature: computeHubSignature(overrides.secret ?? secret, timestamp, overrides.body ?? body) };
}

describe('computeHubSignature', () => {
  it('is v1= and the hex HMAC-SHA256 of "timestamp.body"', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(computeHubSignature(secret, now, body)).toBe(`v1=${expected}`);
    expect(computeHubSignature(secret, now, Buffer.from(body))).toBe(`v1=${expected}`);
  });
});

describe('verifyHubSignature', () => {
  it('accepts a good signature, from a string or the raw bytes', () => {
    const { timestamp, signature } = signed();
    expect(verifyHubSignature({ secret, timestamp, signature, rawBody: body, now })).toEqual({ ok: true });
    expect(verifyHubSignature({ secret, timestamp, signature, rawBody: Buffer.from(body), now: now + 299 })).toEqual({ ok: true });
    // Header arrays (Node's IncomingHttpHeaders) and several v1 values (a sender rotating its secret).
    const rotated = `${computeHubSignature('an-old-secret-that-is-no-longer-used-here', timestamp, body)}, ${signature}`;
    expect(verifyHubSignature({ secret, timestamp: [timestamp], signature: [rotated], rawBody: body, now })).toEqual({ ok: true });
    // The receiver rotating: any of its secrets may match.
    expect(verifyHubSignature({ secret: ['the-new-secret-the-hub-does-not-use-yet', secret], timestamp, signature, rawBody: body, now })).toEqual({ ok: true });
  });

  it('refuses a tampered body', () => {
    const { timestamp, signature } = signed();
    const tampered = body.replace('42', '43');
    expect(verifyHubSignature({ secret, timestamp, signature, rawBody: tampered, now })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyHubSignature({ secret, timestamp, signature, rawBody: `${body} `, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a signature made with another secret', () => {
    const { timestamp, signature } = signed({ secret: 'not-the-shared-secret-but-just-as-long!!' });
    expect(verifyHubSignature({ secret, timestamp, signature, rawBody: body, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a changed timestamp (it is signed too)', () => {
    const { signature } = signed();
    expect(verifyHubSignature({ secret, timestamp: String(now + 1), signature, rawBody: body, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an expired timestamp, outside the window', () => {
    const old = signed({ timestamp: now - 301 });
    expect(verifyHubSignature({ secret, ...old, rawBody: body, now })).toEqual({ ok: false, reason: 'expired' });
    const edge = signed({ timestamp: now - 300 });
    expect(verifyHubSignature({ secret, ...edge, rawBody: body, now })).toEqual({ ok: true });
    // A custom window.
    const minute = signed({ timestamp: now - 61 });
    expect(verifyHubSignature({ secret, ...minute, rawBody: body, now, toleranceSeconds: 60 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a timestamp too far in the future', () => {
    const ahead = signed({ timestamp: now + 301 });
    expect(verifyHubSignature({ secret, ...ahead, rawBody: body, now })).toEqual({ ok: false, reason: 'future' });
    const skew = signed({ timestamp: now + 30 });
    expect(verifyHubSignature({ secret, ...skew, rawBody: body, now })).toEqual({ ok: true });
  });

  it('refuses a replayed request when given a ReplayGuard', () => {
    const guard = new ReplayGuard({ now: () => now });
    const request = { secret, ...signed(), rawBody: body, now, replayGuard: guard };
    expect(verifyHubSignature(request)).toEqual({ ok: true });
    expect(verifyHubSignature(request)).toEqual({ ok: false, reason: 'replayed' });
    // The same body signed a second later is a new request.
    expect(verifyHubSignature({ ...request, ...signed({ timestamp: now + 1 }) })).toEqual({ ok: true });
    // A refused request is not remembered: a forged one cannot block the genuine one.
    const fresh = signed({ timestamp: now + 2 });
    expect(verifyHubSignature({ ...request, ...fresh, rawBody: 'forged' })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyHubSignature({ ...request, ...fresh })).toEqual({ ok: true });
  });

  it('lets a repeat through only under the original idempotency key while the guard holds its result', async () => {
    const guard = new ReplayGuard({ now: () => now });
    const request = { secret, ...signed(), rawBody: body, now, replayGuard: guard };
    expect(verifyHubSignature({ ...request, idempotencyKey: 'key-aaaa-1' })).toEqual({ ok: true });
    // The key has no result yet (the service never called once): still a replay.
    expect(verifyHubSignature({ ...request, idempotencyKey: 'key-aaaa-1' })).toEqual({ ok: false, reason: 'replayed' });
    await guard.once('key-aaaa-1', async () => 'first', 'fp');
    // Same bytes, same key: through, and once answers with the first result instead of running again.
    expect(verifyHubSignature({ ...request, idempotencyKey: ['key-aaaa-1'] })).toEqual({ ok: true });
    expect(await guard.once('key-aaaa-1', async () => 'second', 'fp')).toEqual({ result: 'first', replayed: true });
    // Under another key, or none: refused.
    expect(verifyHubSignature({ ...request, idempotencyKey: 'key-bbbb-2' })).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyHubSignature({ ...request, idempotencyKey: '' })).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyHubSignature(request)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses signatures of another length without throwing (constant-time path)', () => {
    const { timestamp, signature } = signed();
    const cases = [
      signature.slice(0, -2), // one byte short
      `${signature}00`, // one byte long
      signature.slice(0, -1), // an odd number of hex digits
      'v1=ab',
      'v1=',
      `v1=${'0'.repeat(64)}`, // right length, wrong bytes
    ];
    for (const candidate of cases) {
      expect(() => verifyHubSignature({ secret, timestamp, signature: candidate, rawBody: body, now })).not.toThrow();
      expect(verifyHubSignature({ secret, timestamp, signature: candidate, rawBody: body, now })).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });

  it('refuses missing and malformed headers with their reason, never throwing', () => {
    const { timestamp, signature } = signed();
    const check = (t: string | undefined, s: string | undefined) => verifyHubSignature({ secret, timestamp: t, signature: s, rawBody: body, now });
    expect(check(undefined, signature)).toEqual({ ok: false, reason: 'missing-headers' });
    expect(check(timestamp, undefined)).toEqual({ ok: false, reason: 'missing-headers' });
    expect(check('', '')).toEqual({ ok: false, reason: 'missing-headers' });
    expect(check('12.5', signature)).toEqual({ ok: false, reason: 'malformed-timestamp' });
    expect(check('-5', signature)).toEqual({ ok: false, reason: 'malformed-timestamp' });
    expect(check(timestamp, signature.slice(3))).toEqual({ ok: false, reason: 'malformed-signature' }); // no v1=
    expect(check(timestamp, 'v1=not-hex!')).toEqual({ ok: false, reason: 'malformed-signature' });
    expect(check(timestamp, 'v2=abcd')).toEqual({ ok: false, reason: 'malformed-signature' });
    expect(check(timestamp, `v1=${'a'.repeat(5000)}`)).toEqual({ ok: false, reason: 'malformed-signature' });
    // An empty secret never verifies anything.
    expect(verifyHubSignature({ secret: '', timestamp, signature: computeHubSignature('', timestamp, body), rawBody: body, now })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});

describe('ReplayGuard.once', () => {
  it('runs once per key and gives a repeat the first result, even while the first is still running', async () => {
    const guard = new ReplayGuard();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return { id: `n${runs}` };
    };
    const [a, b] = await Promise.all([guard.once('key-1', work, 'fp'), guard.once('key-1', work, 'fp')]);
    const c = await guard.once('key-1', work, 'fp');
    expect(runs).toBe(1);
    expect([a.result, b.result, c.result]).toEqual([{ id: 'n1' }, { id: 'n1' }, { id: 'n1' }]);
    expect([a.replayed, b.replayed, c.replayed]).toEqual([false, true, true]);
    expect((await guard.once('key-2', work, 'fp')).result).toEqual({ id: 'n2' });
    // Without a key every call runs.
    await guard.once(undefined, work);
    expect(runs).toBe(3);
  });

  it('refuses the same key for a different request, and forgets a run that threw', async () => {
    const guard = new ReplayGuard();
    await guard.once('key', async () => 1, 'send-notification:abc');
    await expect(guard.once('key', async () => 2, 'regenerate-summary:abc')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(guard.once('flaky', async () => Promise.reject(new Error('down')), 'fp')).rejects.toThrow('down');
    expect(await guard.once('flaky', async () => 'second try', 'fp')).toEqual({ result: 'second try', replayed: false });
  });

  it('forgets keys after their time to live, and keeps at most maxEntries', async () => {
    let clock = now;
    const guard = new ReplayGuard({ keyTtlSeconds: 60, maxEntries: 3, now: () => clock });
    let runs = 0;
    const work = async () => ++runs;
    await guard.once('a', work);
    clock += 61;
    expect((await guard.once('a', work)).result).toBe(2); // expired: runs again
    for (const k of ['b', 'c', 'd']) await guard.once(k, work);
    expect((await guard.once('a', work)).replayed).toBe(false); // evicted as the oldest
  });
});
