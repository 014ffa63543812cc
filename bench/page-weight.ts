/**
 * First-load JavaScript per page, read from the production build (issue 18: the list page ≤ 120 KB
 * gzip, the sign-in page ≤ 80 KB gzip). Next.js 16 writes, per route, the chunks a browser loads
 * before the page is interactive to `.next/diagnostics/route-bundle-stats.json`; each chunk is
 * read from `.next/static/chunks` and gzipped here with node:zlib at its default level (what a
 * compressing server sends). The framework's share is the build manifest's `rootMainFiles`
 * (React, React DOM, the Next.js router and Turbopack's runtime), loaded by every page.
 *
 *   npx tsx scripts/bundle-size.ts      every route, after `npm run build`
 *
 * KB here is 1,000 bytes, as Next.js counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  route: string;
  chunks: number;
  bytes: number;
  gzipBytes: number;
  /** Of those, React, React DOM, the Next.js router and Turbopack's runtime. */
  frameworkBytes: number;
  frameworkGzipBytes: number;
}

/** The two pages issue 18 sets a first-load target for, in gzip bytes. */
export const PAGE_WEIGHT_TARGETS = [
  { route: '/d/[domain]/[resource]', label: 'list page', gzipTarget: 120_000 },
  { route: '/sign-in', label: 'sign-in page', gzipTarget: 80_000 },
] as const;

interface RouteBundleStats {
  route: string;
  firstLoadChunkPaths: string[];
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** Every route's first-load JavaScript in the build under `root` (throws when there is no build). */
export function pageWeights(root: string): PageWeight[] {
  const statsFile = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
  if (!existsSync(statsFile)) throw new Error(`${path.relative(root, statsFile)} is missing: run \`npm run build\` first`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RouteBundleStats[];
  const manifest = JSON.parse(readFileSync(path.join(root, '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const framework = new Set(manifest.rootMainFiles.map((f) => path.join('.next', f)));
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const content = readFileSync(path.join(root, chunk));
      size = { bytes: content.length, gzipBytes: gzipSync(content).length };
      sizes.set(chunk, size);
    }
    return size;
  };
  return stats.map(({ route, firstLoadChunkPaths }) => {
    const weight: PageWeight = { route, chunks: firstLoadChunkPaths.length, bytes: 0, gzipBytes: 0, frameworkBytes: 0, frameworkGzipBytes: 0 };
    for (const chunk of firstLoadChunkPaths) {
      const { bytes, gzipBytes } = sizeOf(chunk);
      weight.bytes += bytes;
      weight.gzipBytes += gzipBytes;
      if (framework.has(path.normalize(chunk))) {
        weight.frameworkBytes += bytes;
        weight.frameworkGzipBytes += gzipBytes;
      }
    }
    return weight;
  });
}

/** The weight of one route (as Next.js names it, e.g. `/d/[domain]/[resource]`). */
export function pageWeight(root: string, route: string): PageWeight {
  const found = pageWeights(root).find((w) => w.route === route);
  if (!found) throw new Error(`no route ${route} in the build's route-bundle-stats.json`);
  return found;
}
