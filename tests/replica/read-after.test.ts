// Version-independent (vitest.config.ts): pure: LSN and cookie parsing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLsn, parseLsn, READ_AFTER_COOKIE, ReadAfter } from '../../src/engine/db/read-after';

const lsn = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const domain = fc.stringMatching(/^[a-z][a-z0-9_]{0,30}$/);

describe('LSN text', () => {
  it('round-trips every 64-bit position and orders as PostgreSQL does', () => {
    fc.assert(
      fc.property(lsn, lsn, (a, b) => {
        expect(parseLsn(formatLsn(a))).toBe(a);
        // pg_lsn compares the high word, then the low one: the same order as the numbers.
        expect(a < b).toBe(parseLsn(formatLsn(a))! < parseLsn(formatLsn(b))!);
      }),
    );
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('0/0')).toBe(0n);
  });

  it('refuses anything that is not one', () => {
    for (const bad of ['', '0', '/1', '1/', '1/2/3', 'G/1', '123456789/1', '1/123456789', ' 1/2', '-1/2', '0x1/2']) expect(parseLsn(bad)).toBeUndefined();
  });
});

describe('the read-after cookie', () => {
  it('carries, per domain, the newest commit through another request', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(domain, lsn), { maxLength: 8 }), (notes) => {
        const state = ReadAfter.fromCookieHeader(null);
        for (const [d, l] of notes) state.note(d, l);
        // As a browser sends it back: percent-encoded the way Next.js set it.
        const again = ReadAfter.fromCookieHeader(`a=b; ${READ_AFTER_COOKIE}=${encodeURIComponent(state.cookieValue())}; c=d`);
        for (const [d] of notes) {
          const newest = notes.filter(([x]) => x === d).reduce((max, [, l]) => (l > max ? l : max), 0n);
          expect(again.lsnFor(d)).toBe(newest);
        }
      }),
    );
  });

  it('tells the web layer only when a note moves a domain forward', () => {
    const state = ReadAfter.fromCookieHeader(`${READ_AFTER_COOKIE}=blog:0/200`);
    const seen: string[] = [];
    state.onChange((value) => seen.push(value));
    state.note('blog', 0x100n);
    state.note('blog', 0x200n);
    expect(seen).toEqual([]);
    state.note('blog', 0x300n);
    state.note('market', 0x10n);
    expect(seen).toEqual(['blog:0/300', 'blog:0/300.market:0/10']);
  });

  it('ignores what it cannot read, whatever the cookie holds', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const state = ReadAfter.fromCookieHeader(`${READ_AFTER_COOKIE}=${value}`); // %-escapes and all
        // Whatever survived is well-formed and round-trips.
        expect(ReadAfter.fromCookieHeader(`${READ_AFTER_COOKIE}=${state.cookieValue()}`).cookieValue()).toBe(state.cookieValue());
      }),
    );
    const state = ReadAfter.fromCookieHeader(`${READ_AFTER_COOKIE}=Blog:0/1.shop:zz.x:1/2.:0/1.market:0/A`);
    expect(state.cookieValue()).toBe('x:1/2.market:0/A');
  });
});
