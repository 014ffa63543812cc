import { getConfig } from '@/engine/config/current';
import { ConfigError } from '@/engine/config/types';

export function validateConfigAtStartup(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
