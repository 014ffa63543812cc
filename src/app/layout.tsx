import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { TIME_ZONE_COOKIE } from '@/i18n/time-zone';
import { TimeZoneCookie } from '@/i18n/time-zone-cookie';
// Noto Sans KR, served by the hub itself: Hangul never falls to tofu on a machine without a Korean font (globals.css).
import '@fontsource-variable/noto-sans-kr';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    // Pages give their own part ("Orders · Market"); every tab then reads "… · Admin Hub".
    title: { default: 'Admin Hub', template: '%s · Admin Hub' },
    description: t('description'),
  };
}

/** The page's language is the operator's (src/i18n/request.ts): `<html lang>` says it to browsers and screen readers. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const zoneCookie = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-background text-foreground antialiased">
        <NextIntlClientProvider>
          {children}
          <TimeZoneCookie known={zoneCookie} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
