import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { loadFixture } from './fixture';
import { PROJECT_ROOT } from './typecheck';

let db: TestDatabase;
let hub: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('introspect_cli');
  hub = await createTestDatabase('introspect_cli_hub'); // the hub's own tables stay out of the domain
  await loadFixture(db.url);
  dir = mkdtempSync(path.join(tmpdir(), 'hub-introspect-'));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
  await hub?.drop();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run introspect` does, configured for one domain "blog" on the fixture database. */
function introspect(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUB_DOMAINS: 'blog',
    HUB_DATABASE_URL: hub.url,
    BLOG_DATABASE_URL: db.url,
    HUB_AUTH_SECRET: 'introspect-cli-test-secret-0123456789',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/introspect.ts', ...args], { cwd: PROJECT_ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run introspect', () => {
  it('prints the definition file with --stdout and the summary on stderr', async () => {
    const run = await introspect('blog', '--stdout');
    expect(run.stderr).not.toMatch(/introspect failed/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\/\*\*\n \* Resource definitions for the "blog" domain/);
    expect(run.stdout).toContain('export const blogResources = [');
    expect(run.stdout).toContain("import { defineIn } from '@admin-hub/engine/resources/define';\n\nconst define = defineIn('blog');");
    expect(run.stdout).toMatch(/ {2}\/\/ public\.events: partitioned table, ~500 rows\n {2}define\('events'/);
    expect(run.stdout).toContain('  // public.log_lines: table, ~0 rows; no primary key or unique index, rows identified by all their columns (read-only)');
    expect(run.stdout).toContain("define('audit.entries', { search: ['action'] }),"); // named audit-entries, after its table
    expect(run.stdout).not.toMatch(/events_20/);
    expect(run.stdout).not.toContain('_admin_hub');
    expect(run.stderr).toContain('Introspected domain "blog": 11 resources: 8 tables, 1 partitioned table, 1 view, 1 materialized view');
    expect(run.stderr).toContain('read-only for want of a key: public.log_lines');
    // The short (overlay) form by default: what the catalog says is left to the catalog.
    expect(run.stdout).toContain('Each says only what the catalog does not');
    expect(run.stdout).not.toMatch(/nullable:|hasDefault:|type: '/);
  });

  it('writes the full form with --full, and row types with --types', async () => {
    const full = await introspect('blog', '--stdout', '--full');
    expect(full.code).toBe(0);
    expect(full.stdout).toContain("      { name: 'id', type: 'bigint', nullable: false, readOnly: true },");

    const types = await introspect('blog', '--stdout', '--types');
    expect(types.code).toBe(0);
    expect(types.stdout).toMatch(/^\/\*\*\n \* Row types of the "blog" domain/);
    expect(types.stdout).toContain("declare module '@/engine/resources/rows' {\n  interface HubRows {\n    blog: {\n");
    expect(types.stdout).toContain("        status: 'draft' | 'review' | 'published' | 'archived';\n");
    expect(types.stdout).toContain("      'audit.entries': {\n");
    expect(types.stderr).toContain('Introspected domain "blog": row types of 11 relations.');

    const out = path.join(dir, 'rows', 'blog.generated.ts');
    const written = await introspect('blog', '--types', '--out', out);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(types.stdout);
    expect(written.stdout).toContain("Use Row<'blog', 'author_stats'>");

    const both = await introspect('blog', '--stdout', '--types', '--full');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--full and --types exclude each other');
  });

  it('writes a file, then refuses to overwrite it without --force', async () => {
    const out = path.join(dir, 'blog.generated.ts');
    const first = await introspect('blog', '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Wrote ${path.relative(PROJECT_ROOT, out)}`);
    expect(first.stdout).toContain('Next steps:');
    expect(readFileSync(out, 'utf8')).toContain('export const blogResources = [');

    const second = await introspect('blog', '--out', out);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already exists: pass --force to overwrite it');
    expect((await introspect('blog', '--out', out, '--force')).code).toBe(0);
  });

  it('exits 1 naming the configured domains for an unknown or missing domain', async () => {
    const unknown = await introspect('crm', '--stdout');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Domain "crm" is not configured. Configured domains: blog. Add it to HUB_DOMAINS.');

    const missing = await introspect();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Which domain? Usage: npm run introspect -- <domain> [--full | --types] [--out <file>] [--stdout] [--force]');
    expect(missing.stderr).toContain('Configured domains: blog.');

    const bad = await introspect('blog', '--stdout', '--out', 'x.ts');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--out and --stdout exclude each other');
  });
});
