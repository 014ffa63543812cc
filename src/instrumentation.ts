/**
 * Next.js calls register() once when a server process starts. `npm start` has already
 * validated the configuration; this covers `next start`/`next dev` run directly, so a bad
 * configuration still stops the process at start-up instead of at the first query.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getConfig } = await import('@/engine/config/current');
  const { ConfigError } = await import('@/engine/config/types');
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
