import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The Chromium global-setup chose (see chooseChromium), driven by playwright-core; never a
 * downloaded browser. Every page it
 * opens waits for React after `goto` (see `waitForHydration`), so a test's first click
 * never lands on server-rendered HTML whose handlers are not attached yet.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => hydratingContext(await newContext(...args));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => hydrating(await newPage(...args));
  return browser;
}

function hydratingContext(context: BrowserContext): BrowserContext {
  const newPage = context.newPage.bind(context);
  context.newPage = async () => hydrating(await newPage());
  return context;
}

function hydrating(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (...args) => {
    const response = await goto(...args);
    await waitForHydration(page, args[1]?.timeout); // a goto's own timeout bounds the wait too
    return response;
  };
  return page;
}

/**
 * Resolves once React has hydrated everything the page shows: React marks each element it
 * has hydrated with a `__reactProps$…` key, and before that a server-rendered button has no
 * handler. A busy machine hydrates well after 'load', and a Suspense boundary's content
 * (the list under loading.tsx) hydrates after the shell, so every element a test can find
 * by data-testid is checked, not just the first.
 */
export async function waitForHydration(page: Page, timeoutMs: number = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      if (document.readyState !== 'complete') return false;
      const marked = [...document.querySelectorAll('body [data-testid]')].filter((el) => !el.closest('[hidden]'));
      return marked.every((el) => Object.keys(el).some((key) => key.startsWith('__reactProps$')));
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
}
