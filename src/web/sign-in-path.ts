/** The longest way back (escaped) a redirect to sign-in carries. */
export const MAX_NEXT = 2_000;

function escaped(path: string): string | undefined {
  try {
    return encodeURIComponent(path);
  } catch {
    return undefined; // half a UTF-16 pair: no way back to offer
  }
}

/**
 * The sign-in page's address, coming back to `back` afterwards. Escaped once more, a long
 * address made a Location header no client reads (a 16 KB address became 40 KB): the way
 * back is then the path alone, or left out.
 */
export function signInPath(back: string): string {
  const next = [back, back.split('?')[0]!].map(escaped).find((n): n is string => n !== undefined && n.length <= MAX_NEXT);
  return next ? `/sign-in?next=${next}` : '/sign-in';
}
