import path from 'node:path';
import type { HubPlugin } from '@admin-hub/engine/hub';
import { ensureDemoOperators } from './embedded/demo-operators';
import { blogResources } from './resources/blog';
import { marketResources } from './resources/market';
import { demoWidgets } from './widgets';

/**
 * The demo, as a plug-in: its definitions for the blog and market domains, its dashboard
 * widgets, and what starts when nothing is configured (an embedded PostgreSQL seeded with
 * both domains, and the blog's own service for internal actions). It plugs into
 * src/admin/hub.ts the way a user's definitions do; remove it there to run without it.
 */
export const demo: HubPlugin = {
  resources: [...blogResources, ...marketResources],
  widgets: demoWidgets,
  whenUnconfigured: {
    description: 'the embedded demo (PostgreSQL + demo domains blog and market)',
    async start({ dataDir, env, onProgress }) {
      // Loaded only when it runs: seeding code and the demo service stay out of a configured hub.
      const { startEmbeddedDemo } = await import('./embedded/demo');
      const started = await startEmbeddedDemo({
        dataDir: path.join(dataDir, 'postgres'),
        port: Number(env.HUB_EMBEDDED_PORT ?? 54329),
        orders: Number(env.HUB_SEED_ORDERS ?? 1_000_000),
        onProgress,
      });
      return { env: { ...started.env, HUB_AUTH_SECRET: started.authSecret }, stop: started.stop };
    },
    operators: ensureDemoOperators,
  },
};
