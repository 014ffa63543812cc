import { createTranslator } from 'use-intl/core';
import { requestContext } from '../audit/request-context';
import type { Locale } from '../shared/locale';
import en, { type Refusals } from './refusals/en';
import ko from './refusals/ko';

/**
 * The engine's words for operators, in the language of the request being answered. A refusal
 * is written where it is decided (`new RecordValidationError({ title: say('values.tooLong',
 * { limit }) })`), so every door (pages, Server Actions, the JSON API) answers in the
 * operator's language without translating at the boundary. Outside a request (tools, start-up,
 * tests) it is English, the language of the server's logs.
 */
const CATALOGS: Record<Locale, Refusals> = { en, ko };

type Translator = ReturnType<typeof createTranslator<Refusals>>;
const translators = new Map<Locale, Translator>();

function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) {
    // The catalogs hold no dates: UTC only keeps use-intl from warning about a missing zone.
    t = createTranslator({ locale, messages: CATALOGS[locale], timeZone: 'UTC' });
    translators.set(locale, t);
  }
  return t;
}

/** The language of the request being answered (serve() and the operator's session set it); English outside a request. */
export function requestLocale(): Locale {
  return requestContext()?.locale ?? 'en';
}

/** Answers the rest of this request in `locale`: called when the session names the operator's own choice. */
export function speakIn(locale: Locale | undefined): void {
  const context = requestContext();
  if (context && locale) context.locale = locale;
}

/** A refusal's words in the request's language; the key and its ICU arguments are checked at compile time. */
export const say: Translator = ((key: string, values?: Record<string, unknown>) =>
  (translator(requestLocale()) as unknown as (key: string, values?: Record<string, unknown>) => string)(key, values)) as unknown as Translator;

/** The same words in a language named explicitly (tests, and answers prepared outside a request). */
export function sayIn(locale: Locale): Translator {
  return translator(locale);
}
