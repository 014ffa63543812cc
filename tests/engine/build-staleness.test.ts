import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPhases, isBuildStale } from '../../src/engine/lifecycle/build';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project whose sources are 100 s old and whose build is 50 s old: up to date. */
function project(): string {
  root = mkdtempSync(path.join(tmpdir(), 'hub-build-'));
  const old = (Date.now() - 100_000) / 1000;
  const files = ['src/app/a/page.tsx', 'src/app/b/page.tsx', 'next.config.mjs', 'package-lock.json', 'postcss.config.mjs'];
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '// source');
  }
  for (const dir of ['src/app/a', 'src/app/b', 'src/app', 'src', '.']) utimesSync(path.join(root, dir), old, old);
  for (const file of files) utimesSync(path.join(root, file), old, old);
  mkdirSync(path.join(root, '.next'));
  writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'x');
  const built = (Date.now() - 50_000) / 1000;
  utimesSync(path.join(root, '.next', 'BUILD_ID'), built, built);
  return root;
}

describe('isBuildStale', () => {
  it('is false for a build newer than every source, true without a build', () => {
    expect(isBuildStale(project())).toBe(false);
    rmSync(path.join(root, '.next', 'BUILD_ID'));
    expect(isBuildStale(root)).toBe(true);
  });

  it('notices an edited source', () => {
    project();
    writeFileSync(path.join(root, 'src/app/a/page.tsx'), '// edited');
    expect(isBuildStale(root)).toBe(true);
  });

  it('notices a deleted page, which leaves no newer file behind, only its directory', () => {
    project();
    rmSync(path.join(root, 'src/app/b/page.tsx'));
    expect(isBuildStale(root)).toBe(true);
  });
});

describe('buildPhases', () => {
  // What `next build` 16 prints, abridged: its banner, experiments and route table stay out.
  const output = [
    '   ▲ Next.js 16.4.6 (Turbopack)',
    '   - Experiments (use with caution):',
    '     ✓ authInterrupts',
    '   Creating an optimized production build ...',
    ' ✓ Compiled successfully in 9.4s',
    '   Skipping validation of types',
    '   Collecting page data using 1 worker ...',
    '   Generating static pages using 1 worker (0/4) ...',
    ' ✓ Generating static pages using 1 worker (4/4) in 310ms',
    '   Finalizing page optimization ...',
    'Route (app)',
    '┌ ƒ /',
    '└ ƒ /sign-in',
  ].join('\n');

  it("reports each phase once, in order, and none of Next's other lines", () => {
    expect(buildPhases(output)).toEqual([
      'build: compiling the app',
      'build: compiled in 9.4s',
      'build: collecting page data',
      'build: generating static pages',
      'build: finalizing',
    ]);
    expect(buildPhases(output).join('\n')).not.toMatch(/authInterrupts|Route|Experiments|sign-in/);
  });

  it('grows with the output as it arrives', () => {
    const half = output.slice(0, output.indexOf('Collecting'));
    expect(buildPhases(half)).toEqual(['build: compiling the app', 'build: compiled in 9.4s']);
    expect(buildPhases('')).toEqual([]);
  });
});
