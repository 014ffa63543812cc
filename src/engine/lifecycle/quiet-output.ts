import { logger } from '../log';

const log = logger('next');

/**
 * Runs `work` with this process's stdout lines sent to the hub's debug log instead: Next.js
 * prints its own banner lines while it prepares ("✓ Running next.config.ts took 64ms"),
 * which say nothing to an operator reading `npm start`. HUB_LOG_LEVEL=debug shows them.
 */
export async function withNextOutputAsDebug<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) log.debug(line.trim());
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}
