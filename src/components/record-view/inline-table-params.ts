/**
 * The record page's URL parameters of one inline table (`inline.<key>.after=…`): its own
 * cursor, page number and the page number it shows, beside the record's. Browser-safe: the
 * page reads them on the server, the table writes them in the browser.
 */

export type InlineParam = 'after' | 'before' | 'page' | 'pn';
export const INLINE_PARAMS: readonly InlineParam[] = ['after', 'before', 'page', 'pn'];

export function inlineParam(key: string, name: InlineParam): string {
  return `inline.${key}.${name}`;
}

/** Where an inline's page starts (the list's `after` / `before` / `page`), and the page number it shows. */
export function inlinePositionOf(
  searchParams: Record<string, string | string[] | undefined>,
  key: string,
): { after?: string; before?: string; page?: string; pageNumber: number } {
  const one = (name: InlineParam) => {
    const value = searchParams[inlineParam(key, name)];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const shown = Number(one('pn') ?? one('page') ?? 1);
  return { after: one('after'), before: one('before'), page: one('page'), pageNumber: Number.isSafeInteger(shown) && shown >= 1 ? shown : 1 };
}
