import { POSITION_PARAMS } from '@admin-hub/engine/shared/list-params';

/**
 * The list as a view would store it: the URL's query without paging or empty values, in the
 * URL's order and encoding (URLSearchParams, as the engine writes it), so comparing it with a
 * stored view tells which view is showing. `impliedColumns` are the columns shown although
 * the URL names none (the operator's remembered choice): a view saved now keeps them.
 */
export function currentViewQuery(searchParams: URLSearchParams, impliedColumns?: string): string {
  const out = new URLSearchParams();
  for (const [key, value] of searchParams) if (!(POSITION_PARAMS as readonly string[]).includes(key) && value !== '') out.append(key, value);
  if (impliedColumns && !out.has('cols')) out.append('cols', impliedColumns);
  return out.toString();
}
