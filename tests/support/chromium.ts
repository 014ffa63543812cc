import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface ChromiumChoice {
  path: string;
  /** Where it came from, for the message when it will not launch. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The system's Chromium: Debian's /usr/bin/chromium, else a `chromium` on the PATH. */
function systemChromium(env: Record<string, string | undefined>): string | undefined {
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'chromium');
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The browser the tests drive, never a download: CHROMIUM_PATH when set, then the system's
 * Chromium, then the one packed in the `@sparticuz/chromium` dev dependency (unpacked into the
 * temp folder on first use), so `npm install && npm test` needs nothing installed by hand.
 * HUB_TEST_CHROMIUM=package skips the system one (CI runs the browser tests once that way).
 */
export async function chooseChromium(env: Record<string, string | undefined> = process.env): Promise<ChromiumChoice> {
  if (env.CHROMIUM_PATH) {
    if (!executable(env.CHROMIUM_PATH))
      throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file: fix it, or unset it to use the system's or the npm package's Chromium.`);
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  if (env.HUB_TEST_CHROMIUM !== 'package') {
    const system = systemChromium(env);
    if (system) return { path: system, source: 'system' };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: '@sparticuz/chromium' };
}
