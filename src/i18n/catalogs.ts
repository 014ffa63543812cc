import type { Locale } from '@admin-hub/engine/shared/locale';
import type en from './messages/en';

/**
 * The shape every catalog has: English's. `messages/ko/index.ts` says `satisfies Messages`, so
 * a key missing from Korean fails the type-check (tests/i18n/catalogs.test.ts checks the rest:
 * no extra keys, the same ICU arguments).
 */
export type Messages = typeof en;

/** Loaded on demand: a request carries one language's messages, never both. */
export const CATALOGS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./messages/en').then((m) => m.default),
  ko: () => import('./messages/ko').then((m) => m.default),
};
