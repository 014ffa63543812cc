import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, unknownVariables, wantsEmbeddedDefault } from '../../src/engine/config/load-config';
import { configProblems } from '../support/config';

const valid = {
  HUB_DOMAINS: 'blog,market',
  HUB_AUTH_SECRET: 'x'.repeat(40),
  HUB_DATABASE_URL: 'postgres://hub:secret@db.internal:5433/hub',
  BLOG_DB_HOST: 'blog-db',
  BLOG_DB_NAME: 'blog',
  BLOG_DB_USER: 'blog_admin',
  BLOG_DB_PASSWORD: 'pw',
  MARKET_DATABASE_URL: 'postgresql://m:p%40ss@market-db/market?sslmode=require',
};

describe('loadConfig', () => {
  it('reads host-style and URL-style targets with their defaults', () => {
    const config = loadConfig(valid);
    expect(config.domains.map((d) => d.name)).toEqual(['blog', 'market']);
    const blog = config.domains[0]!;
    expect(blog).toMatchObject({ host: 'blog-db', port: 5432, database: 'blog', user: 'blog_admin', password: 'pw', sslMode: 'disable', poolMax: 10 });
    const market = config.domains[1]!;
    expect(market).toMatchObject({ host: 'market-db', port: 5432, user: 'm', password: 'p@ss', sslMode: 'require' });
    expect(config.hub).toMatchObject({ host: 'db.internal', port: 5433, database: 'hub', envPrefix: 'HUB' });
    expect(config.replicas).toBe(1);
  });

  it("reads a read replica per domain: what it does not say is the primary's", () => {
    const config = loadConfig({
      ...valid,
      BLOG_DB_READ_HOST: 'blog-replica',
      BLOG_DB_READ_MAX_LAG_MS: '2000',
      MARKET_DB_READ_URL: 'postgres://reader:r%2Fpw@market-replica:6432/market_ro',
      MARKET_DB_READ_POOL_MAX: '4',
    });
    const [blog, market] = config.domains;
    expect(blog!.read).toMatchObject({
      name: 'blog@replica',
      host: 'blog-replica',
      port: 5432,
      database: 'blog',
      user: 'blog_admin',
      password: 'pw',
      maxLagMs: 2000,
      poolMax: 10,
    });
    expect(market!.read).toMatchObject({
      host: 'market-replica',
      port: 6432,
      database: 'market_ro',
      user: 'reader',
      password: 'r/pw',
      sslMode: 'require',
      poolMax: 4,
      maxLagMs: 5000,
    });
    expect(loadConfig(valid).domains.every((d) => d.read === undefined)).toBe(true);
    expect(unknownVariables({ ...valid, BLOG_DB_READ_HOST: 'r', MARKET_DB_READ_URL: 'postgres://x/y' }, config)).toEqual([]);
  });

  it('refuses a half-given or malformed read replica, naming the variable', () => {
    const problems = configProblems({ ...valid, BLOG_DB_READ_PORT: '5433', MARKET_DB_READ_URL: 'mysql://x/y', MARKET_DB_READ_MAX_LAG_MS: 'soon' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ variable: 'BLOG_DB_READ_HOST', message: expect.stringMatching(/BLOG_DB_READ_PORT is set/) }),
        expect.objectContaining({ variable: 'MARKET_DB_READ_URL', message: expect.stringMatching(/not a valid postgres/) }),
      ]),
    );
  });

  it('reads the default language and time zone, and refuses ones the hub does not know', () => {
    expect(loadConfig(valid)).toMatchObject({ defaultLocale: 'en', defaultTimeZone: 'UTC' });
    expect(loadConfig({ ...valid, HUB_DEFAULT_LOCALE: 'ko', HUB_DEFAULT_TIME_ZONE: 'Asia/Seoul' })).toMatchObject({
      defaultLocale: 'ko',
      defaultTimeZone: 'Asia/Seoul',
    });
    expect(configProblems({ ...valid, HUB_DEFAULT_LOCALE: 'fr', HUB_DEFAULT_TIME_ZONE: 'Seoul' })).toEqual([
      expect.objectContaining({ variable: 'HUB_DEFAULT_LOCALE', message: expect.stringMatching(/en, ko/) }),
      expect.objectContaining({ variable: 'HUB_DEFAULT_TIME_ZONE', message: expect.stringMatching(/IANA/) }),
    ]);
  });

  it('reads pool size, timeouts, replicas and strict budget', () => {
    const config = loadConfig({
      ...valid,
      BLOG_DB_POOL_MAX: '3',
      BLOG_DB_STATEMENT_TIMEOUT_MS: '1500',
      BLOG_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000',
      HUB_REPLICAS: '4',
      HUB_STRICT_BUDGET: '1',
    });
    expect(config.domains[0]).toMatchObject({ poolMax: 3, statementTimeoutMs: 1500, idleInTransactionTimeoutMs: 2000 });
    expect(config).toMatchObject({ replicas: 4, strictBudget: true });
  });

  it('compresses by default; HUB_COMPRESS=0 turns it off and a bad value is refused', () => {
    expect(loadConfig(valid).compress).toBe(true);
    expect(loadConfig({ ...valid, HUB_COMPRESS: '0' }).compress).toBe(false);
    expect(configProblems({ ...valid, HUB_COMPRESS: 'gzip' })).toEqual([{ variable: 'HUB_COMPRESS', message: 'must be 1 or 0, got "gzip".' }]);
  });

  it('names a missing variable and how to fix it', () => {
    const env: Record<string, string> = { ...valid };
    delete env.BLOG_DB_HOST;
    const problems = configProblems(env);
    expect(problems).toEqual([{ variable: 'BLOG_DB_HOST', message: expect.stringContaining('is missing. Set it, or set BLOG_DATABASE_URL=postgres://') }]);
  });

  it('suggests the variable a typo was meant to be', () => {
    const { BLOG_DB_HOST: host, ...env } = valid;
    const problems = configProblems({ ...env, BLOG_DB_HOTS: host });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.variable).toBe('BLOG_DB_HOST');
    expect(problems[0]!.message).toBe('is missing, but BLOG_DB_HOTS is set: did you mean BLOG_DB_HOST?');
  });

  it('rejects a non-numeric port', () => {
    const problems = configProblems({ ...valid, BLOG_DB_PORT: '54x2' });
    expect(problems).toEqual([{ variable: 'BLOG_DB_PORT', message: 'must be a whole number from 1 to 65535, got "54x2".' }]);
  });

  it('rejects an unknown SSL mode and lists the valid ones', () => {
    const problems = configProblems({ ...valid, BLOG_DB_SSL_MODE: 'strict' });
    expect(problems[0]).toEqual({
      variable: 'BLOG_DB_SSL_MODE',
      message: 'is "strict", which is not an SSL mode. Use one of: disable, require, verify-full, no-verify.',
    });
  });

  it('rejects an unreadable CA file and reads a readable one', () => {
    expect(configProblems({ ...valid, BLOG_DB_SSL_CA: '/nope/ca.pem' })[0]).toMatchObject({
      variable: 'BLOG_DB_SSL_CA',
      message: expect.stringContaining('cannot be read'),
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'ca-'));
    writeFileSync(path.join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n');
    expect(loadConfig({ ...valid, BLOG_DB_SSL_CA: path.join(dir, 'ca.pem') }).domains[0]!.sslCa).toContain('BEGIN CERTIFICATE');
  });

  it('rejects bad domain names, the reserved name hub, duplicates and an empty list', () => {
    const messages = configProblems({ ...valid, HUB_DOMAINS: 'blog,Bad-Name,hub,blog' })
      .filter((p) => p.variable === 'HUB_DOMAINS')
      .map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining('"Bad-Name" is not a valid domain name'),
      expect.stringContaining('"hub" is reserved'),
      '"blog" is listed twice.',
    ]);
    expect(configProblems({ ...valid, HUB_DOMAINS: ' , ' })).toContainEqual({ variable: 'HUB_DOMAINS', message: expect.stringContaining('is empty') });
  });

  it('rejects a malformed database URL', () => {
    expect(configProblems({ ...valid, MARKET_DATABASE_URL: 'mysql://x@y/z' })).toContainEqual({
      variable: 'MARKET_DATABASE_URL',
      message: expect.stringContaining('is not a valid postgres://'),
    });
  });

  it('reports every problem at once, and the hub database is required', () => {
    const problems = configProblems({ HUB_DOMAINS: 'blog', BLOG_DB_PORT: 'x', BLOG_DB_SSL_MODE: 'on', HUB_REPLICAS: '0' });
    expect(problems.map((p) => p.variable).sort()).toEqual(
      [
        'BLOG_DB_HOST',
        'BLOG_DB_NAME',
        'BLOG_DB_PORT',
        'BLOG_DB_SSL_MODE',
        'BLOG_DB_USER',
        'HUB_AUTH_SECRET',
        'HUB_DB_HOST',
        'HUB_DB_NAME',
        'HUB_DB_USER',
        'HUB_REPLICAS',
      ].sort(),
    );
    const error = (() => {
      try {
        loadConfig({ HUB_DOMAINS: 'blog' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/^Admin Hub configuration has 7 problems:\n {2}- HUB_DB_HOST: is missing/);
  });

  it('reads sign-in settings and refuses half an OAuth client or a short secret', () => {
    const config = loadConfig({
      ...valid,
      HUB_URL: 'https://admin.example.com/',
      HUB_AUTH_ALLOWED_DOMAINS: '@Example.com, corp.example',
      HUB_AUTH_GITHUB_CLIENT_ID: 'gh-id',
      HUB_AUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
      HUB_AUTH_OIDC_ISSUER: 'https://sso.example.com/realms/x/',
      HUB_AUTH_OIDC_CLIENT_ID: 'hub',
      HUB_AUTH_OIDC_CLIENT_SECRET: 's',
    });
    expect(config.auth).toMatchObject({
      baseUrl: 'https://admin.example.com',
      allowedDomains: ['example.com', 'corp.example'],
      github: { clientId: 'gh-id', clientSecret: 'gh-secret' },
      google: undefined,
      oidc: { issuer: 'https://sso.example.com/realms/x', clientId: 'hub', name: 'Single sign-on' },
      localAccounts: true,
      sessionHours: 12,
    });
    expect(configProblems({ ...valid, HUB_AUTH_SECRET: 'short', HUB_AUTH_GOOGLE_CLIENT_ID: 'g', HUB_URL: 'admin.example.com' })).toEqual([
      { variable: 'HUB_AUTH_SECRET', message: expect.stringContaining('is shorter than 32 characters') },
      { variable: 'HUB_URL', message: expect.stringContaining('not an http(s) URL') },
      { variable: 'HUB_AUTH_GOOGLE_CLIENT_SECRET', message: 'is missing while HUB_AUTH_GOOGLE_CLIENT_ID is set. Set both, or neither.' },
    ]);
  });

  it('reads the failed sign-in limits, per account and per address, and refuses bad ones', () => {
    expect(loadConfig(valid).auth).toMatchObject({ signInAttempts: 5, signInAddressAttempts: 50, signInWindowSeconds: 60 });
    const config = loadConfig({ ...valid, HUB_AUTH_SIGN_IN_ATTEMPTS: '3', HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS: '200', HUB_AUTH_SIGN_IN_WINDOW_SECONDS: '300' });
    expect(config.auth).toMatchObject({ signInAttempts: 3, signInAddressAttempts: 200, signInWindowSeconds: 300 });
    expect(unknownVariables({ ...valid, HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS: '200' }, config)).toEqual([]);
    expect(configProblems({ ...valid, HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS: '0' })).toEqual([
      { variable: 'HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS', message: 'must be a whole number from 1 to 100000, got "0".' },
    ]);
    expect(configProblems({ ...valid, HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS: 'lots' })).toEqual([
      { variable: 'HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS', message: 'must be a whole number from 1 to 100000, got "lots".' },
    ]);
  });

  it('never puts a password in an error message', () => {
    const problems = configProblems({ ...valid, BLOG_DB_PORT: 'bad', BLOG_DB_PASSWORD: 'hunter2-secret' });
    expect(JSON.stringify(problems)).not.toContain('hunter2-secret');
  });

  it('runs the embedded demo only when nothing is configured', () => {
    expect(wantsEmbeddedDefault({})).toBe(true);
    expect(wantsEmbeddedDefault({ HUB_DOMAINS: 'blog' })).toBe(false);
    expect(wantsEmbeddedDefault({ HUB_DATABASE_URL: 'postgres://x@y/z' })).toBe(false);
  });

  it('warns about near-miss variables it does not read', () => {
    const env = { ...valid, BLOG_DB_PASWORD: 'x', HUB_REPLICA: '2', UNRELATED_THING: '1' };
    expect(unknownVariables(env, loadConfig(env)).sort()).toEqual(['BLOG_DB_PASWORD', 'HUB_REPLICA']);
  });
});
