// Version-independent (vitest.config.ts): pure: the engine's refusal catalogs.
import { describe, expect, it } from 'vitest';
import { runWithRequestContext } from '../../src/engine/audit/request-context';
import { say, sayIn, speakIn } from '../../src/engine/i18n/say';
import en from '../../src/engine/i18n/refusals/en';
import ko from '../../src/engine/i18n/refusals/ko';

type Catalog = { [key: string]: string | Catalog };

function entries(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`)));
}
const argumentsOf = (text: string) => [...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]).sort();
const HANGUL = /[\uac00-\ud7a3]/;

describe("the engine's refusals", () => {
  it('have the same keys and ICU arguments in Korean as in English, and Korean words in every Korean message', () => {
    const english = new Map(entries(en));
    expect(entries(ko).map(([key]) => key)).toEqual([...english.keys()]);
    for (const [key, text] of entries(ko)) {
      expect(argumentsOf(text), key).toEqual(argumentsOf(english.get(key)!));
      expect(text, key).toMatch(HANGUL);
    }
  });

  it('format every message in both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      const t = sayIn(locale) as unknown as (key: string, values: object) => string;
      for (const [key, text] of entries(locale === 'en' ? en : ko)) {
        const values = Object.fromEntries(argumentsOf(text).map((name) => [name, 3]));
        expect(t(key, values), `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it("speak the request's language: English outside a request, then Accept-Language's, then the operator's own", () => {
    expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toBe('Domain "blog" has no resource "x".');
    const context = { requestId: 'test-request', ip: undefined, userAgent: undefined, locale: 'en' as const };
    runWithRequestContext(context, () => {
      expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toMatch(/^Domain/);
      speakIn('ko');
      expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toBe('"blog" 도메인에 "x" 리소스가 없습니다.');
      speakIn(undefined);
      expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toMatch(HANGUL);
    });
    expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toMatch(/^Domain/);
  });
});
