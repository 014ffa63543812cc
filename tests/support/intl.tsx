import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import en from '../../src/i18n/messages/en';
import ko from '../../src/i18n/messages/ko';

/** What the root layout gives every page (NextIntlClientProvider), in English: a wrapper for component tests. */
export function IntlWrapper({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}

/** What the root layout gives a Korean operator in Seoul. */
export function KoreanWrapper({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
      {children}
    </NextIntlClientProvider>
  );
}
