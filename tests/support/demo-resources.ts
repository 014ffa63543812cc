import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import type { DomainName } from '../../src/engine/config/current';
import { resourcesOf } from '../../src/engine/resources/registry';
import type { Resource } from '../../src/engine/resources/types';
import { createTestDatabase, targetFromUrl, withClient } from './databases';
import { installConfig, resetEngine } from './engine';

/**
 * The demo's resources as the engine serves them: its definitions are overlays, completed from
 * the catalog, so they are resolved here against freshly seeded (small) demo databases, for
 * tests that compute what a hub running the demo should answer. Leaves the engine reset.
 */
export async function servedDemoResources(): Promise<Map<string, Resource[]>> {
  const [blog, market] = await Promise.all([createTestDatabase('served_blog'), createTestDatabase('served_market')]);
  try {
    await Promise.all([withClient(blog.url, (c) => seedBlog(c)), withClient(market.url, (c) => seedMarket(c, { orders: 20 }))]);
    installConfig(targetFromUrl('hub', blog.url), [targetFromUrl('blog', blog.url), targetFromUrl('market', market.url)]);
    const served = new Map<string, Resource[]>();
    for (const domain of ['blog', 'market'] as DomainName[]) served.set(domain, await resourcesOf(domain));
    return served;
  } finally {
    await resetEngine();
    await Promise.all([blog.drop(), market.drop()]);
  }
}
