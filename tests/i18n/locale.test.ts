// Version-independent (vitest.config.ts): pure: language negotiation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isLocale, negotiateLocale } from '../../src/engine/shared/locale';

describe('negotiateLocale (Accept-Language)', () => {
  it('picks the language the browser prefers most among ours', () => {
    expect(negotiateLocale('ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ko');
    expect(negotiateLocale('en-US,en;q=0.9,ko;q=0.8')).toBe('en');
    expect(negotiateLocale('fr-FR,fr;q=0.9,ko;q=0.5,en;q=0.4')).toBe('ko');
    expect(negotiateLocale('en;q=0.5, ko;q=0.6')).toBe('ko');
    expect(negotiateLocale('ko;q=0.5, en;q=0.5')).toBe('ko'); // a tie goes to the one named first
    expect(negotiateLocale('KO')).toBe('ko');
  });

  it('names none of ours for other languages, refusals and nonsense', () => {
    for (const header of [null, '', 'fr', 'de-DE,fr;q=0.9', '*', 'ko;q=0', 'ko;q=2', 'ko;q=abc', 'kor', 'x-ko'])
      expect(negotiateLocale(header)).toBeUndefined();
  });

  it('answers one of ours or nothing for any header', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const locale = negotiateLocale(header);
        expect(locale === undefined || isLocale(locale)).toBe(true);
      }),
    );
  });
});

describe('canonicalTimeZone', () => {
  it('accepts IANA zones in their canonical spelling and refuses the rest', () => {
    expect(canonicalTimeZone('Asia/Seoul')).toBe('Asia/Seoul');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    for (const bad of [undefined, null, '', 'Mars/Olympus', 'Asia/Seoul\u0000', '../etc/passwd', 'x'.repeat(100), 'Asia Seoul'])
      expect(canonicalTimeZone(bad)).toBeUndefined();
  });
});
