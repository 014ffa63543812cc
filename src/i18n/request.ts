import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getConfig } from '@admin-hub/engine/config/current';
import { speakIn } from '@admin-hub/engine/i18n/say';
import { canonicalTimeZone, negotiateLocale } from '@admin-hub/engine/shared/locale';
import { pageOperator } from '@/web/operator';
import { CATALOGS } from './catalogs';
import { TIME_ZONE_COOKIE } from './time-zone';

/**
 * next-intl's configuration for one request (its plugin in next.config.mjs points here). The
 * language: the operator's own choice, else the browser's Accept-Language, else
 * HUB_DEFAULT_LOCALE; the time zone: the operator's, else the browser's (a cookie it sets
 * itself), else HUB_DEFAULT_TIME_ZONE. Never from the URL: links are shared across languages.
 */
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const operator = await pageOperator().catch(() => null);
  const config = getConfig();
  const locale = operator?.locale ?? negotiateLocale(requestHeaders.get('accept-language')) ?? config.defaultLocale;
  const timeZone = operator?.timeZone ?? canonicalTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? config.defaultTimeZone;
  // The engine's refusals on this page speak the page's language.
  speakIn(locale);
  return { locale, timeZone, messages: await CATALOGS[locale]() };
});
