import type { Locale } from '@admin-hub/engine/shared/locale';
import type { Messages } from './catalogs';

// next-intl checks every t('…') key and the locale against the catalogs at compile time.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
