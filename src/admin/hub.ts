import { createHub } from '@admin-hub/engine/hub';
import { demo } from '@/demo';
import { benchResources } from './resources/bench';
import './domains';

/**
 * What this hub serves, handed to the engine by every process that serves it (scripts/start.ts,
 * the tools, the tests). Your resource definitions and dashboard widgets go here; a configured
 * domain with no definitions is shown from its catalog, read-only (`npm run introspect` writes
 * a starting point). The demo is a plug-in: drop it from `plugins` to run without it.
 */
export const hub = createHub({
  plugins: [demo],
  resources: [...benchResources],
  widgets: [],
});
