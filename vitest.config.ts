import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * CI runs the suite twice: on embedded PostgreSQL 18, then on the machine's PostgreSQL 15. The
 * second run is there for what depends on the server's version (SQL, catalogs, values, errors),
 * so with HUB_TEST_SERVER_VERSION_ONLY=1 it leaves out the files that say, in their first line,
 * that they are version-independent: pure code, React components in jsdom, files that start
 * their own PostgreSQL, and browser and process tests whose subject is the UI, HTTP or memory.
 * Every file still runs in the first run, and locally `npm test` runs them all.
 */
const MARK = '// Version-independent (vitest.config.ts):';
const versionIndependent =
  process.env.HUB_TEST_SERVER_VERSION_ONLY === '1'
    ? readdirSync('tests', { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.test\.tsx?$/.test(file) && readFileSync(path.join('tests', file), 'utf8').startsWith(MARK))
        .map((file) => path.join('tests', file))
    : [];

export default defineConfig({
  resolve: {
    alias: {
      '@admin-hub/engine': path.resolve(import.meta.dirname, 'src/engine'),
      '@': path.resolve(import.meta.dirname, 'src'),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Needs PgBouncer installed: `npm run test:pgbouncer` (vitest.pgbouncer.config.ts), which CI runs too.
    exclude: [...configDefaults.exclude, 'tests/pgbouncer/**', ...versionIndependent],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/install-hub.ts'],
    // Database tests start servers and wait on real timeouts; give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for browsers and servers: 1 s (the default) is short on a busy CI machine.
    expect: { poll: { timeout: 10_000 } },
    // Three on two cores: the browser, server and database files spend much of their time
    // waiting on other processes, so a third worker keeps the cores busy (the whole suite:
    // 590 s against 668 s with two, on this 2-core machine).
    maxWorkers: 3,
  },
});
