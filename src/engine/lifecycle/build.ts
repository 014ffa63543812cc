import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

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
    ...['next.config.ts', 'package-lock.json', 'postcss.config.mjs'].map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  return statSync(buildId).mtimeMs < sources;
}

/** Runs `next build`; rejects when it fails. Its output goes to this process's terminal. */
export async function buildApp(root: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    // The hub does not phone home: no build telemetry unless the operator opts in.
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, NODE_ENV: 'production' },
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error('next build failed; see the output above.');
}
