import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { OperatorKind, RunningHub } from './hub-server';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Fresh browser contexts signed in as an operator kind: through the sign-in form once per
 * kind, then from the saved cookies, so a file's tests do not each pay a sign-in (or hit its
 * rate limit). `env` is read when a page is asked for: the file's beforeAll sets hub and browser.
 */
export function signedInPages(env: () => { browser: Browser; hub: RunningHub }, viewport = { width: 1280, height: 1000 }) {
  const sessions = new Map<OperatorKind, StorageState>();
  return async function signedIn(kind: OperatorKind): Promise<Page> {
    const { browser, hub } = env();
    if (!sessions.has(kind)) {
      const context = await browser.newContext();
      await hub.signInPage(await context.newPage(), kind);
      sessions.set(kind, await context.storageState());
      await context.close();
    }
    const context = await browser.newContext({ viewport, storageState: sessions.get(kind) });
    return context.newPage();
  };
}
