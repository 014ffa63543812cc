/**
 * The list URL's parameters that do not say which rows match, in one place for the engine
 * (exports, bulk selections, saved views) and the browser (links, filter changes, views).
 * Browser-safe: imports nothing.
 */

/** Where the page is within a result: a cursor, or a position. A change to the result drops them; a saved view never keeps them. */
export const POSITION_PARAMS = ['after', 'before', 'page', 'pn'] as const;

/** How the result is shown, not what it holds: page size, the count mode, the chosen columns. */
export const PRESENTATION_PARAMS = ['size', 'count', 'cols'] as const;

/** The query without the named parameters, in the original order and encoding. */
export function withoutParams(params: URLSearchParams, drop: readonly string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (!drop.includes(key)) out.append(key, value);
  return out;
}

/** A record of parameters (as the engine receives them) without the named ones. */
export function omitParams<T>(params: Record<string, T>, drop: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => !drop.includes(key)));
}
