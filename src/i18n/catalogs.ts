import type { Locale } from '@admin-hub/engine/shared/locale';
import type en from './messages/en.json';

/** The shape every catalog has: English's (tests/i18n/catalogs.test.ts checks that Korean has the same keys). */
export type Messages = typeof en;

/** Loaded on demand: a request carries one language's messages, never both. */
export const CATALOGS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./messages/en.json').then((m) => m.default),
  ko: () => import('./messages/ko.json').then((m) => m.default),
};
