/**
 * `npx tsx scripts/bundle-size.ts`: first-load JavaScript of every page in the production build
 * (`npm run build` first), raw and gzip, with the framework's share and issue 18's targets.
 */
import { kb, PAGE_WEIGHT_TARGETS, pageWeights } from '../bench/page-weight';

const weights = pageWeights(process.cwd()).sort((a, b) => b.gzipBytes - a.gzipBytes);
const rows = weights.map((w) => {
  const target = PAGE_WEIGHT_TARGETS.find((t) => t.route === w.route);
  return [
    w.route,
    kb(w.bytes),
    kb(w.gzipBytes),
    `${kb(w.frameworkBytes)} (${kb(w.frameworkGzipBytes)})`,
    target ? `≤ ${kb(target.gzipTarget)} gzip ${w.gzipBytes <= target.gzipTarget ? 'ok' : 'MISSED'}` : '',
  ];
});
const head = ['route', 'first-load JS', 'gzip', 'of which framework (gzip)', 'target'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
