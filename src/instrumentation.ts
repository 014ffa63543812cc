/**
 * Next.js calls register() once when a server process starts. `npm start` has already
 * validated the configuration; this covers `next start`/`next dev` run directly, so a bad
 * configuration still stops the process at start-up instead of at the first query.
 * The Node-only check lives in its own module so the Edge bundle never sees it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateConfigAtStartup } = await import('./instrumentation-node');
    validateConfigAtStartup();
  }
}
