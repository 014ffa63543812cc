import 'server-only';
/**
 * A Server Action is a POST anyone can send, with any arguments React's encoding can carry: a
 * form action may be called with no form at all, a string, or an object. Each action checks
 * it was given a form before reading a field, and answers anything else with this refusal
 * (instead of failing on `form.get` with a 500).
 */
export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

export const NOT_A_FORM = "This request did not come as a form from the hub's pages, so nothing was done. Reload the page and try again.";
