/*
 * A toast that has to survive a navigation: a Server Action that redirects (a hard delete
 * lands on the list) unmounts the component that asked for it. The message is parked in this
 * tab's sessionStorage with the path it belongs to, and the Toaster shows it on arrival there.
 */

const KEY = 'hub:flash';

export interface Flash {
  message: string;
  /** Shown only once the tab is on this path, so a refused action never shows it. */
  path: string;
}

export function parkFlash(flash: Flash): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(flash));
  } catch {
    // storage disabled: the toast is lost, the action itself is not affected
  }
}

export function dropFlash(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to drop
  }
}

/** The parked flash for this path, removed as it is taken. */
export function takeFlash(pathname: string): Flash | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const flash = JSON.parse(raw) as Flash;
    if (flash.path !== pathname) return undefined;
    sessionStorage.removeItem(KEY);
    return flash;
  } catch {
    return undefined;
  }
}
