import { startPgBouncer, type RunningPgBouncer } from './pgbouncer';

let bouncer: RunningPgBouncer | undefined;

/**
 * `npm run test:pgbouncer`: after the test server is up (global-setup.ts), PgBouncer in
 * transaction pooling in front of it. Workers inherit HUB_TEST_PGBOUNCER_PORT, and every
 * target the tests configure (targetFromUrl, startHub) then goes through it in transaction
 * mode; the tests' own set-up and checks (createTestDatabase, adminQuery) stay direct.
 */
export async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('pgbouncer-setup.ts runs after global-setup.ts, which sets TEST_DATABASE_URL');
  bouncer = await startPgBouncer(url);
  process.env.HUB_TEST_PGBOUNCER_PORT = String(bouncer.port);
}

export async function teardown(): Promise<void> {
  await bouncer?.stop();
}
