import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * `npm run test:pgbouncer`: the suites of the list, record, write, bulk, audit, export,
 * search across domains, saved views and sign-in paths again, with every database the hub uses (its own and the
 * domains') behind PgBouncer in transaction pooling (D_DB_POOL_MODE=transaction). Needs
 * PgBouncer installed (Debian's `pgbouncer` package; PGBOUNCER_PATH elsewhere): .ci/run
 * installs it and runs this after `npm test`, which never needs it.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/list/*.test.ts',
      'tests/records/*.test.ts',
      'tests/audit/audit.test.ts',
      'tests/audit/write-path.test.ts',
      'tests/audit/hub-events.test.ts',
      'tests/export/export.test.ts',
      'tests/views/saved-views.test.ts',
      'tests/views/column-preferences.test.ts',
      'tests/auth/sign-in.test.ts',
      'tests/auth/manage.test.ts',
      'tests/auth/row-scope.test.ts',
      'tests/faults/schema-states.test.ts',
      'tests/pgbouncer/*.test.ts',
    ],
    exclude: configDefaults.exclude,
    globalSetup: [...(base.test?.globalSetup as string[]), 'tests/support/pgbouncer-setup.ts'],
  },
});
