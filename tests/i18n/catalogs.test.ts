// Version-independent (vitest.config.ts): pure: the message catalogs.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/messages/en';
import ko from '../../src/i18n/messages/ko';
import { LOCALES } from '../../src/engine/shared/locale';

type Catalog = { [key: string]: string | Catalog };
const catalogs: Record<(typeof LOCALES)[number], Catalog> = { en, ko };

/** Every message's dotted key and text. */
function entries(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`)));
}

/** The names of an ICU message's arguments ({domain}, {count, plural, …}). */
const argumentsOf = (text: string) => [...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]).sort();

describe('the message catalogs', () => {
  it('have the same keys in every language', () => {
    const keys = (catalog: Catalog) => entries(catalog).map(([key]) => key);
    for (const locale of LOCALES) expect(keys(catalogs[locale])).toEqual(keys(en));
  });

  it('have no empty message, and the same arguments in every language', () => {
    const english = new Map(entries(en));
    for (const locale of LOCALES)
      for (const [key, text] of entries(catalogs[locale])) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(argumentsOf(text), `${locale} ${key}`).toEqual(argumentsOf(english.get(key)!));
      }
  });

  it('format every message as ICU in its own language', () => {
    for (const locale of LOCALES) {
      const problems: string[] = [];
      const t = createTranslator({ locale, messages: catalogs[locale], onError: (error) => problems.push(error.message) });
      for (const [key, text] of entries(catalogs[locale])) {
        // Arguments get a value, rich-text tags (<ref>…</ref>) a function, as the pages give them.
        const tags = [...text.matchAll(/<(\w+)>/g)].map((m) => [m[1], (chunks: string) => `[${chunks}]`]);
        const values = Object.fromEntries([...argumentsOf(text).map((name) => [name, 'X']), ...tags]);
        const formatted = (t as unknown as { markup: (key: string, values: object) => string }).markup(key, values);
        expect(formatted, `${locale} ${key}`).not.toMatch(/[{}<>]/);
      }
      expect(problems).toEqual([]);
    }
  });
});
