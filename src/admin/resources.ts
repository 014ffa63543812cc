import { benchResources } from './resources/bench';
import { blogResources } from './resources/blog';
import { marketResources } from './resources/market';

/**
 * Every hand-written resource definition. A configured domain with none here is shown from
 * introspection, read-only, until someone writes its definitions (`npm run introspect`).
 */
export const resourceDefinitions = [...blogResources, ...marketResources, ...benchResources];
