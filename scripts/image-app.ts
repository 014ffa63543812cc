/**
 * `npx tsx scripts/image-app.ts <dir>`: the hub as the container image holds it, assembled in
 * `<dir>`: the production build (`.next` without its cache), the sources the server loads at
 * run time (the engine, the definitions, the demo, the custom server: tsx runs them), the
 * scripts operators run in the container (start, doctor, audit:prune, user:create…), and
 * the package files for `npm ci --omit=dev`. No tests, bench, docs, `.data` or `.env*`.
 *
 * The Dockerfile runs this in its build stage and copies `<dir>` into the image, and
 * tests/e2e/image.test.ts runs it too and starts the result with the Dockerfile's own command,
 * so the image cannot drift from what is tested.
 */
import { cpSync, existsSync, mkdirSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';

const FILES = ['package.json', 'package-lock.json', 'next.config.mjs', 'postcss.config.mjs', 'tsconfig.json'];
const FOLDERS = ['src', 'scripts'];
/** Rebuilt on demand or only for development: never shipped. */
const NOT_FROM_BUILD = new Set(['cache', 'dev', 'trace', 'trace-build', 'diagnostics']);

export function assembleImageApp(root: string, out: string): void {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No production build in .next: run `npm run build` first.');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of FILES) cpSync(path.join(root, file), path.join(out, file));
  for (const folder of FOLDERS) cpSync(path.join(root, folder), path.join(out, folder), { recursive: true });
  cpSync(path.join(root, '.next'), path.join(out, '.next'), {
    recursive: true,
    // Next links its external packages relatively (.next/node_modules/pg -> ../../node_modules/pg): keep them so.
    verbatimSymlinks: true,
    filter: (source) => !NOT_FROM_BUILD.has(path.relative(path.join(root, '.next'), source).split(path.sep)[0]!),
  });
  // The build is the newest file, so a start that checks staleness (without HUB_PREBUILT) agrees it is fresh.
  const now = new Date();
  utimesSync(path.join(out, '.next', 'BUILD_ID'), now, now);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx scripts/image-app.ts <dir>');
    process.exit(2);
  }
  assembleImageApp(process.cwd(), path.resolve(out));
  console.log(`image app assembled in ${path.resolve(out)}`);
}
