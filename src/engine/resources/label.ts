import { LOCALES, type Locale } from '../shared/locale';
import { requestLocale } from '../i18n/say';

/**
 * Words a definition gives an operator: one text for every language (a brand, a code, a hub
 * that speaks one language), or the text in each language the hub speaks,
 * `{ en: 'Orders', ko: '주문' }`. Every language is required, so a translation left out fails
 * the type-check; a definition in plain JavaScript is checked at start-up (labelProblem).
 */
export type Label = string | { readonly [L in Locale]: string };

/** The text a label gives in English, the language the engine resolves and checks definitions in. */
export function englishOf(label: Label): string;
export function englishOf(label: Label | undefined): string | undefined;
export function englishOf(label: Label | undefined): string | undefined {
  return label === undefined || typeof label === 'string' ? label : label.en;
}

/** The text a label gives in `locale`, when it gives one of its own (a plain string gives none). */
export function translationOf(label: Label | undefined, locale: Locale): string | undefined {
  return label === undefined || typeof label === 'string' ? undefined : label[locale];
}

/** Why a value is not a label ("ko is missing"), or undefined when it is one. */
export function labelProblem(label: unknown): string | undefined {
  if (typeof label === 'string') return undefined;
  if (label === null || typeof label !== 'object' || Array.isArray(label)) return `must be text, or { ${LOCALES.join(', ')} } with the text in each language`;
  const missing = LOCALES.filter((l) => typeof (label as Record<string, unknown>)[l] !== 'string' || !(label as Record<string, string>)[l]!.trim());
  if (missing.length > 0) return `has no text for ${missing.join(' and ')}`;
  const extra = Object.keys(label).filter((k) => !(LOCALES as readonly string[]).includes(k));
  return extra.length > 0 ? `names a language the hub does not speak: ${extra.join(', ')}` : undefined;
}

/**
 * A label's text in the language of the request being answered, for words a definition's code
 * returns (a `validate` message, a custom action's answer): `inRequestLanguage({ en: 'Too short.', ko: '너무 짧습니다.' })`.
 */
export function inRequestLanguage(label: Label): string {
  return typeof label === 'string' ? label : label[requestLocale()];
}
