// Version-independent (vitest.config.ts): runs the tools on the embedded demo, never on the server under test.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

/**
 * Every `npm run` tool the README names works on the embedded demo with no variables set,
 * whether a hub is running from the checkout or not: they used to stop with
 * "HUB_AUTH_SECRET: is missing" because the running demo's connection file lacked it.
 */

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hub-tools-demo-'));
  chmodSync(dir, 0o755); // as root the embedded server runs as postgres and must reach its folder
  // Nothing configured, as on a newcomer's machine: only where the demo keeps its data.
  env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(HUB_|BLOG_|MARKET_|TEST$|TEST_DATABASE_URL$)/.test(name))) as NodeJS.ProcessEnv;
  Object.assign(env, {
    HUB_DATA_DIR: dir,
    HUB_EMBEDDED_PORT: String(await freePort()),
    HUB_SEED_ORDERS: '100',
    HUB_AUDIT_ARCHIVE_DIR: path.join(dir, 'archive'),
  });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  output: string;
}

function npmRun(script: string, ...args: string[]): Promise<Run> {
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function everyTool(suffix: string): Promise<Record<string, Run>> {
  return {
    doctor: await npmRun('doctor'),
    userCreate: await npmRun('user:create', '--email', `ada-${suffix}@example.com`, '--role', 'blog:editor'),
    introspect: await npmRun('introspect', 'blog', '--stdout'),
    auditPrune: await npmRun('audit:prune', '--days', '30'),
  };
}

function expectAllWorked(runs: Record<string, Run>, suffix: string): void {
  for (const [name, run] of Object.entries(runs)) {
    expect.soft(run.output, name).not.toContain('HUB_AUTH_SECRET');
    expect.soft(run.code, `${name}:\n${run.output}`).toBe(0);
  }
  expect(runs.userCreate!.output).toContain(`Created ada-${suffix}@example.com with editor of blog.`);
  expect(runs.introspect!.output).toContain('export const blogResources = [');
  expect(runs.auditPrune!.output).toMatch(/No entries older than 30 days|Archived \d+ entries/);
}

describe('npm run tools on the embedded demo', () => {
  it('work when no hub is running (they start the demo themselves, then stop it)', async () => {
    const runs = await everyTool('idle');
    expectAllWorked(runs, 'idle');
    expect(runs.doctor!.output).toContain('not running now');
  }, 300_000);

  it('work beside a running demo hub, on its databases', async () => {
    const holder: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/fixtures/demo-holder.ts')], { cwd: root, env });
    let output = '';
    holder.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    holder.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => holder.once('exit', resolve));
    try {
      await expect.poll(() => output, { timeout: 120_000 }).toContain('ready');
      const runs = await everyTool('running');
      expectAllWorked(runs, 'running');
      expect(runs.doctor!.output).toContain('checking the embedded demo this checkout is running');
      expect(runs.doctor!.output).toMatch(/✓ hub: PostgreSQL \d+/);
      // The tools used the running servers and left them running.
      expect(holder.exitCode).toBeNull();
    } finally {
      holder.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 300_000);
});
