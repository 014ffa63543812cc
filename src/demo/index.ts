import path from 'node:path';
import type { HubPlugin } from '@admin-hub/engine/hub';
import { ensureDemoOperators } from './embedded/demo-operators';
import { blogResources } from './resources/blog';
import { marketResources } from './resources/market';
import { demoWidgets } from './widgets';

/** HUB_SEED_ORDERS (`npm start -- --big` sets 10,000,000): undefined when unset, so a seeded market keeps its size. */
async function seedOrders(raw: string | undefined): Promise<number | undefined> {
  if (raw === undefined || raw.trim() === '') return undefined;
  const orders = Number(raw.replaceAll('_', ''));
  if (Number.isSafeInteger(orders) && orders >= 1) return orders;
  const { BootError } = await import('@admin-hub/engine/boot'); // loaded already: only boot() calls this
  throw new BootError(`HUB_SEED_ORDERS must be a whole number of orders, 1 or more; got "${raw}".`);
}

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
      const orders = await seedOrders(env.HUB_SEED_ORDERS);
      const { startEmbeddedDemo } = await import('./embedded/demo');
      const started = await startEmbeddedDemo({
        dataDir: path.join(dataDir, 'postgres'),
        port: Number(env.HUB_EMBEDDED_PORT ?? 54329),
        orders,
        onProgress,
      });
      return { env: { ...started.env, HUB_AUTH_SECRET: started.authSecret }, stop: started.stop };
    },
    operators: ensureDemoOperators,
  },
};
