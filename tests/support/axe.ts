import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe-core finding: the rule, how bad, what it asks for, and the first few offending elements. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  count: number;
}

/**
 * axe-core's findings of impact serious or critical on the page, or only inside `selector`.
 * Waits for the streamed <title> and for running animations (a dialog fading in) first, so
 * the page is judged as it settles, contrast on the finished colours.
 */
export async function seriousFindings(page: Page, selector?: string): Promise<AxeFinding[]> {
  // Next streams a dynamic page's metadata after its body: judge the page once its <title> has
  // arrived (a page that never gets one still fails, on document-title, after the wait).
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async (within) => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(within ? { include: [within] } : document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 4).map((n) => n.target.map(String).join(' ')),
      }));
  }, selector);
}

/** A finding as one line: `color-contrast (serious): Elements must meet … [3] → .a, .b`. */
export function describeFinding(f: AxeFinding): string {
  return `${f.id} (${f.impact}): ${f.help} [${f.count}] → ${f.targets.join(' | ')}`;
}

/** The serious and critical findings as lines, for `expect(...).toEqual([])` to print. */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  return (await seriousFindings(page, selector)).map(describeFinding);
}
