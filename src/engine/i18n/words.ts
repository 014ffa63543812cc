import { IntlMessageFormat } from 'intl-messageformat';
import type { createTranslator } from 'use-intl/core';
import type { Locale } from '../shared/locale';
import valuesEn, { type ValueRefusals } from './refusals/values.en';
import valuesKo from './refusals/values.ko';

/**
 * say() for the engine modules the browser runs too (engine/values, the input schema): the
 * form checks every field in the browser before the server checks it again, and both should
 * answer in the operator's language. say.ts reads the request's language from an
 * AsyncLocalStorage (node:async_hooks), which no browser bundle can hold, so these modules
 * take their words from here: the same ICU messages (the values namespace of the catalogs),
 * in the language the server names (engine/errors.ts hands it the request's, see
 * hearLocaleFrom) or, in a browser, the page's own (`<html lang>`); English otherwise.
 *
 * Formatted with intl-messageformat itself (what use-intl runs on the server): in a browser
 * bundle next-intl swaps use-intl's formatter for one that only reads precompiled messages.
 */
type Catalog = { values: ValueRefusals };
const CATALOGS: Record<Locale, Catalog> = { en: { values: valuesEn }, ko: { values: valuesKo } };

let localeSource: (() => Locale) | undefined;

/** The server's way to the request's language (engine/errors.ts passes say.ts's requestLocale). */
export function hearLocaleFrom(source: () => Locale): void {
  localeSource = source;
}

function currentLocale(): Locale {
  if (localeSource) return localeSource();
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return lang === 'ko' || lang?.startsWith('ko-') ? 'ko' : 'en';
}

const formats = new Map<string, IntlMessageFormat>();

function format(locale: Locale, key: string, values?: Record<string, unknown>): string {
  const id = `${locale}:${key}`;
  let message = formats.get(id);
  if (!message) {
    const [namespace, name] = key.split('.') as [keyof Catalog, string];
    const text = (CATALOGS[locale][namespace] as Record<string, string>)[name];
    if (text === undefined) return key;
    message = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    formats.set(id, message);
  }
  return String(message.format(values as Record<string, string | number>));
}

type Translator = ReturnType<typeof createTranslator<Catalog>>;

/** A value's refusal in the current language; keys and ICU arguments are checked at compile time as say()'s are. */
export const words: Translator = ((key: string, values?: Record<string, unknown>) => format(currentLocale(), key, values)) as unknown as Translator;

/** The same words in a language named explicitly (tests). */
export function wordsIn(locale: Locale): Translator {
  return ((key: string, values?: Record<string, unknown>) => format(locale, key, values)) as unknown as Translator;
}
