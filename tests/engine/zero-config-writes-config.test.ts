import { describe, expect, it } from 'vitest';
import { BootError, preflight } from '../../src/engine/boot';
import { ignoredZeroConfigWrites, loadConfig, unknownVariables } from '../../src/engine/config/load-config';
import { configProblems } from '../support/config';

const valid = {
  HUB_DOMAINS: 'blog,legacy',
  HUB_AUTH_SECRET: 'x'.repeat(40),
  HUB_DATABASE_URL: 'postgres://hub:secret@db.internal:5433/hub',
  BLOG_DATABASE_URL: 'postgres://b:p@blog-db/blog',
  LEGACY_DATABASE_URL: 'postgres://l:p@legacy-db/legacy',
};

describe('D_ZERO_CONFIG_WRITES', () => {
  it('is off by default: no domain is writable without definitions', () => {
    const config = loadConfig(valid);
    expect(config.domains.map((d) => d.zeroConfigWrites)).toEqual([undefined, undefined]);
  });

  it('reads editor or admin per domain, in any case; 0, off and an empty value leave it off', () => {
    const config = loadConfig({ ...valid, LEGACY_ZERO_CONFIG_WRITES: 'Editor', BLOG_ZERO_CONFIG_WRITES: 'admin' });
    expect(Object.fromEntries(config.domains.map((d) => [d.name, d.zeroConfigWrites]))).toEqual({ blog: 'admin', legacy: 'editor' });
    for (const off of ['0', 'off', '', '  ']) expect(loadConfig({ ...valid, LEGACY_ZERO_CONFIG_WRITES: off }).domains[1]!.zeroConfigWrites).toBeUndefined();
  });

  it('refuses any other value, naming the variable and the fix, with the other problems at once', () => {
    const problems = configProblems({ ...valid, LEGACY_ZERO_CONFIG_WRITES: 'viewer', BLOG_ZERO_CONFIG_WRITES: '1', HUB_REPLICAS: 'two' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['BLOG_ZERO_CONFIG_WRITES', 'HUB_REPLICAS', 'LEGACY_ZERO_CONFIG_WRITES']);
    expect(problems.find((p) => p.variable === 'LEGACY_ZERO_CONFIG_WRITES')!.message).toBe(
      'is "viewer", which is not a role that may write. Use editor (editors and admins may change rows) or admin (admins only), or leave it unset to keep the domain read-only.',
    );
  });

  it('stops a start before anything is opened, naming the variable', () => {
    const error = (() => {
      try {
        preflight({ ...valid, LEGACY_ZERO_CONFIG_WRITES: 'superadmin' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toContain('LEGACY_ZERO_CONFIG_WRITES: is "superadmin", which is not a role that may write.');
  });

  it('is a known variable: not reported as a typo, while a near miss is', () => {
    const env = { ...valid, LEGACY_ZERO_CONFIG_WRITES: 'editor' };
    expect(unknownVariables(env, loadConfig(env))).toEqual([]);
    const typo = { ...valid, LEGACY_ZERO_CONFIG_WRITE: 'editor' };
    expect(unknownVariables(typo, loadConfig(typo))).toEqual(['LEGACY_ZERO_CONFIG_WRITE']);
    // Read for domains only: the hub's own database has no introspected tables to open.
    const hub = { ...valid, HUB_ZERO_CONFIG_WRITES: 'editor' };
    expect(unknownVariables(hub, loadConfig(hub))).toEqual(['HUB_ZERO_CONFIG_WRITES']);
  });

  it('is named as ignored on a domain that has definitions', () => {
    const config = loadConfig({ ...valid, BLOG_ZERO_CONFIG_WRITES: 'editor', LEGACY_ZERO_CONFIG_WRITES: 'admin' });
    expect(ignoredZeroConfigWrites(config, ['blog', 'blog', 'market'])).toEqual([
      'BLOG_ZERO_CONFIG_WRITES is set, but blog has resource definitions: their own readOnly and access apply, and the variable is ignored.',
    ]);
  });
});
