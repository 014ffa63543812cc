import { nextCookies } from 'better-auth/next-js';
import { hub } from '@/admin/hub';
import { getConfig } from '@admin-hub/engine/config/current';
import { hubInstalled, installHub } from '@admin-hub/engine/hub';
import { ConfigError } from '@admin-hub/engine/config/types';

export function validateConfigAtStartup(): void {
  // `npm start` handed the engine its hub already (one engine per process); a bare `next start` has not.
  if (!hubInstalled()) installHub(hub, { authPlugins: [nextCookies()] });
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
