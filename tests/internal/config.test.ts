import { describe, expect, it } from 'vitest';
import { loadConfig, unknownVariables } from '../../src/engine/config/load-config';
import { configProblems } from '../support/config';

const base = {
  HUB_DOMAINS: 'blog,market',
  HUB_AUTH_SECRET: 'x'.repeat(40),
  HUB_DATABASE_URL: 'postgres://hub:secret@db.internal:5433/hub',
  BLOG_DATABASE_URL: 'postgres://b@blog-db/blog',
  MARKET_DATABASE_URL: 'postgres://m@market-db/market',
};
const secret = 's'.repeat(32);

describe('D_INTERNAL_URL and D_INTERNAL_SECRET', () => {
  it('are read per domain: set for blog, absent for market and the hub', () => {
    const config = loadConfig({ ...base, BLOG_INTERNAL_URL: 'https://blog-service.internal:8443/', BLOG_INTERNAL_SECRET: secret });
    expect(config.domains[0]!.internal).toEqual({ url: 'https://blog-service.internal:8443', secret });
    expect(config.domains[1]!.internal).toBeUndefined();
    expect(config.hub.internal).toBeUndefined();
    // Read, so not reported as typos.
    expect(unknownVariables({ ...base, BLOG_INTERNAL_URL: 'http://x', BLOG_INTERNAL_SECRET: secret }, config)).toEqual([]);
  });

  it('keeps a base path', () => {
    const config = loadConfig({ ...base, BLOG_INTERNAL_URL: 'http://10.0.0.5:8080/blog-service', BLOG_INTERNAL_SECRET: secret });
    expect(config.domains[0]!.internal!.url).toBe('http://10.0.0.5:8080/blog-service');
  });

  it('wants both or neither', () => {
    expect(configProblems({ ...base, BLOG_INTERNAL_URL: 'http://blog-service' })).toEqual([
      { variable: 'BLOG_INTERNAL_SECRET', message: expect.stringContaining('is missing. BLOG_INTERNAL_URL is set: set both') },
    ]);
    expect(configProblems({ ...base, MARKET_INTERNAL_SECRET: secret })).toEqual([
      { variable: 'MARKET_INTERNAL_URL', message: expect.stringContaining('is missing. MARKET_INTERNAL_SECRET is set: set both') },
    ]);
  });

  it('wants an http(s) URL without credentials or query', () => {
    for (const url of ['ftp://blog-service', 'blog-service:8080', 'http://', 'not a url']) {
      expect(configProblems({ ...base, BLOG_INTERNAL_URL: url, BLOG_INTERNAL_SECRET: secret }), url).toEqual([
        { variable: 'BLOG_INTERNAL_URL', message: expect.stringContaining('not an http(s) URL') },
      ]);
    }
    expect(configProblems({ ...base, BLOG_INTERNAL_URL: 'http://user:pw@blog-service', BLOG_INTERNAL_SECRET: secret })).toEqual([
      { variable: 'BLOG_INTERNAL_URL', message: expect.stringContaining('no query, fragment or credentials') },
    ]);
  });

  it('wants a secret of 32 characters or more, and never shows it', () => {
    const problems = configProblems({ ...base, BLOG_INTERNAL_URL: 'http://blog-service', BLOG_INTERNAL_SECRET: 'short-secret-value' });
    expect(problems).toEqual([{ variable: 'BLOG_INTERNAL_SECRET', message: expect.stringContaining('shorter than 32 characters') }]);
    expect(JSON.stringify(problems)).not.toContain('short-secret-value');
  });

  it('reports its problems together with every other one', () => {
    const problems = configProblems({
      ...base,
      HUB_AUTH_SECRET: 'short',
      BLOG_INTERNAL_URL: 'ftp://x',
      BLOG_INTERNAL_SECRET: 'tiny',
      MARKET_INTERNAL_URL: 'http://m',
    });
    expect(problems.map((p) => p.variable).sort()).toEqual(['BLOG_INTERNAL_SECRET', 'BLOG_INTERNAL_URL', 'HUB_AUTH_SECRET', 'MARKET_INTERNAL_SECRET']);
  });

  it('suggests the right name for a typo', () => {
    const problems = configProblems({ ...base, BLOG_INTERNAL_URL: 'http://blog-service', BLOG_INTERNAL_SECRE: secret });
    expect(problems).toEqual([{ variable: 'BLOG_INTERNAL_SECRET', message: 'is missing, but BLOG_INTERNAL_SECRE is set: did you mean BLOG_INTERNAL_SECRET?' }]);
  });
});
