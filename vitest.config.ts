import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

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
    exclude: [...configDefaults.exclude, 'tests/pgbouncer/**'],
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
