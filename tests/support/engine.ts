import { setConfig } from '../../src/engine/config/current';
import type { DbTarget, HubConfig } from '../../src/engine/config/types';
import { closeAllPools } from '../../src/engine/db/pools';

/** Points the engine at test targets, as start-up does with the real configuration. */
export function installConfig(hub: DbTarget, domains: DbTarget[], extra: Partial<HubConfig> = {}): HubConfig {
  const config: HubConfig = { hub, domains, replicas: 1, strictBudget: false, shutdownTimeoutMs: 5_000, ...extra };
  setConfig(config);
  return config;
}

export async function resetEngine(): Promise<void> {
  await closeAllPools();
  setConfig(undefined);
}
