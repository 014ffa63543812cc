// Version-independent (vitest.config.ts): the browser launch (CI runs it once more on the npm package Chromium).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseChromium } from '../support/chromium';

const dir = mkdtempSync(path.join(tmpdir(), 'hub-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Chromium the browser tests drive', () => {
  it('takes CHROMIUM_PATH first, and refuses one that is not an executable file', async () => {
    const fake = path.join(dir, 'my-chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    await expect(chooseChromium({ CHROMIUM_PATH: fake })).rejects.toThrow(`CHROMIUM_PATH=${fake} is not an executable file`);
    chmodSync(fake, 0o755);
    expect(await chooseChromium({ CHROMIUM_PATH: fake, PATH: '' })).toEqual({ path: fake, source: 'CHROMIUM_PATH' });
  });

  it('finds a chromium on the PATH when there is no /usr/bin/chromium', async () => {
    const bin = path.join(dir, 'bin');
    const fake = path.join(bin, 'chromium');
    mkdirSync(bin);
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const choice = await chooseChromium({ PATH: bin });
    expect(choice.source).toBe('system');
    expect([fake, '/usr/bin/chromium']).toContain(choice.path);
  });

  it('falls back to the @sparticuz/chromium npm package, which launches and renders a page', async () => {
    const choice = await chooseChromium({ PATH: '', HUB_TEST_CHROMIUM: 'package' });
    expect(choice.source).toBe('@sparticuz/chromium');
    const browser = await chromium.launch({
      executablePath: choice.path,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<h1 id="t">관리 hub</h1>');
      expect(await page.locator('#t').textContent()).toBe('관리 hub');
    } finally {
      await browser.close();
    }
  });
});
