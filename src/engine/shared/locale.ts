/**
 * The languages the hub speaks. Which one a request gets: the operator's own choice (stored
 * in the hub database), else the browser's Accept-Language, else HUB_DEFAULT_LOCALE. URLs
 * never carry it: operators share links across languages.
 */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110: tags with q-values, `*`),
 * or undefined when it names none of them. `ko-KR` counts as `ko`; q=0 means "not this one".
 */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  let best: { locale: Locale; q: number; order: number } | undefined;
  header
    .split(',')
    .slice(0, 32)
    .forEach((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      if (!Number.isFinite(q) || q <= 0 || q > 1) return;
      const primary = tag.trim().toLowerCase().split('-')[0];
      if (!isLocale(primary)) return;
      if (!best || q > best.q || (q === best.q && order < best.order)) best = { locale: primary, q, order };
    });
  return best?.locale;
}

/** An IANA time zone this runtime knows (`Asia/Seoul`, `UTC`), in its canonical spelling; undefined otherwise. */
export function canonicalTimeZone(value: string | null | undefined): string | undefined {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
