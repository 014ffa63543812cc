import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeEnginePackage } from './engine-package';

/** The newest mtime under `dir`, directories included: deleting or renaming a page changes only its directory's. */
function newestFile(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build, or a source file changed (or was added or removed) after it was made. */
export function isBuildStale(root: string): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const sources = Math.max(
    newestFile(path.join(root, 'src')),
    ...['next.config.mjs', 'package-lock.json', 'postcss.config.mjs'].map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  return statSync(buildId).mtimeMs < sources;
}

/** Next's build steps worth a line of progress, as it names them, and what the hub calls them. */
const PHASES: [RegExp, string][] = [
  [/Creating an optimized production build/, 'compiling the app'],
  [/Compiled successfully in (\S+)/, 'compiled in $1'],
  [/Running TypeScript/, 'type-checking'],
  [/Collecting page data/, 'collecting page data'],
  [/Generating static pages/, 'generating static pages'],
  [/Finalizing page optimization/, 'finalizing'],
];

/** The progress lines that `next build`'s output so far tells of, in order; nothing else of it. */
export function buildPhases(output: string): string[] {
  return PHASES.flatMap(([pattern, name]) => {
    const match = pattern.exec(output);
    return match ? [`build: ${name.replace('$1', match[1] ?? '')}`] : [];
  });
}

export interface BuildOptions {
  /**
   * Skip Next's type-check. `npm run typecheck` (and CI) checks the same sources with the
   * same compiler; a build at start or before the tests would only repeat it (over a minute
   * on two cores).
   */
  skipTypecheck?: boolean;
  /**
   * Report progress through this instead of passing Next's own output (banner, route table,
   * experiments) to the terminal. Next's output is still printed in full when the build fails.
   */
  onProgress?: (message: string) => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One `next build` at a time per checkout: two (a test run and `npm start`, or two test files)
 * writing the same `.next` leave a build that is neither. The lock is a directory (mkdir is
 * atomic) holding its owner's pid; a lock whose owner died is taken over. When another
 * process built meanwhile and the build is fresh, `work` is skipped.
 */
async function underBuildLock(root: string, work: () => Promise<void>): Promise<void> {
  const lock = path.join(root, '.next-build.lock');
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(existsSync(path.join(lock, 'pid')) ? readFileSync(path.join(lock, 'pid'), 'utf8') : NaN);
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
      waited = true;
    }
  }
  try {
    if (waited && !isBuildStale(root)) return; // built by the process we waited for
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What Next prints when a build of another process (one that did not take our lock) holds `.next`. */
export const BUILD_BUSY = 'Another next build process is already running';

/**
 * Runs `next build` (one at a time per checkout); rejects when it fails. A build Next refuses
 * because a process outside the lock is building is waited out and tried again (15 min at most).
 */
export async function buildApp(root: string, options: BuildOptions = {}): Promise<void> {
  await underBuildLock(root, async () => {
    const until = Date.now() + 900_000;
    for (;;) {
      try {
        return await runNextBuild(root, options);
      } catch (error) {
        if (!(error instanceof BuildBusyError) || Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5_000));
      }
    }
  });
}

class BuildBusyError extends Error {}

async function runNextBuild(root: string, options: BuildOptions): Promise<void> {
  writeEnginePackage(root);
  const quiet = options.onProgress !== undefined;
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    // The hub does not phone home: no build telemetry unless the operator opts in.
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      ...process.env,
      NODE_ENV: 'production',
      // The engine is an external package of TypeScript sources: collecting page data loads it
      // through tsx, as `npm start` does.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim(),
      ...(options.skipTypecheck ? { HUB_BUILD_SKIP_TYPECHECK: '1' } : {}),
    },
  });
  let output = '';
  if (quiet) {
    let told = 0;
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      const phases = buildPhases(output);
      for (const phase of phases.slice(told)) options.onProgress!(phase);
      told = phases.length;
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
  }
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    if (quiet && output.includes(BUILD_BUSY)) throw new BuildBusyError(BUILD_BUSY);
    if (quiet) process.stderr.write(output);
    throw new Error(quiet ? 'next build failed; its output is above.' : 'next build failed; see the output above.');
  }
}
