import { nextCookies } from 'better-auth/next-js';
import { hub } from '@/admin/hub';
import { getConfig } from '@/engine/config/current';
import { installHub } from '@/engine/hub';
import { ConfigError } from '@/engine/config/types';

export function validateConfigAtStartup(): void {
  installHub(hub, { authPlugins: [nextCookies()] });
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
