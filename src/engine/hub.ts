import type { BetterAuthPlugin } from 'better-auth';
import type { Widget } from './dashboard/types';
import { widgetList } from './dashboard/define';
import type { ResourceDef } from './resources/types';

/**
 * What the engine serves is handed to it, never imported by it: src/admin/hub.ts builds one
 * Hub with createHub() from the user's definitions (and plug-ins such as the demo), and the
 * process that serves (scripts/start.ts, the command-line tools, the tests) installs it
 * before anything asks for a resource. The engine imports nothing from src/admin or src/demo.
 */

/** The sign-in printed at start for databases the hub started itself (the demo's operators). */
export interface StartLogin {
  email: string;
  password: string;
  role: string;
}

/** Databases the hub starts itself when HUB_DOMAINS is not set (the embedded demo is one). */
export interface WhenUnconfigured {
  /** One line for the start log: what is being started. */
  description: string;
  /** Starts the databases; `env` holds the variables a user would set for their own servers. */
  start(options: { dataDir: string; env: Record<string, string | undefined>; onProgress: (message: string) => void }): Promise<{
    env: Record<string, string>;
    stop: () => Promise<void>;
  }>;
  /** Creates its operators once the hub database is migrated, and returns their sign-in for the start banner. */
  operators?(dataDir: string): Promise<StartLogin[]>;
}

/** A bundle of definitions that plugs into a hub the same way a user's own do (the demo is one). */
export interface HubPlugin {
  resources?: readonly ResourceDef[];
  widgets?: readonly Widget[];
  whenUnconfigured?: WhenUnconfigured;
}

export interface HubDefinition extends HubPlugin {
  plugins?: readonly HubPlugin[];
}

export interface Hub {
  /** Every hand-written resource definition; a configured domain with none is introspected (read-only). */
  readonly resources: readonly ResourceDef[];
  /** KPI widgets on the home dashboard. */
  readonly widgets: readonly Widget[];
  readonly whenUnconfigured: WhenUnconfigured | undefined;
}

export class HubDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubDefinitionError';
  }
}

/** Merges the user's definitions with their plug-ins; two resources with one domain and name, or two widgets with one id, are refused. */
export function createHub(definition: HubDefinition): Hub {
  const parts: HubPlugin[] = [...(definition.plugins ?? []), definition];
  const resources = parts.flatMap((p) => p.resources ?? []);
  const seen = new Set<string>();
  for (const r of resources) {
    const key = `${r.domain}/${r.name}`;
    if (seen.has(key)) throw new HubDefinitionError(`Two resource definitions are named "${key}": rename one, or remove the plug-in that brings the other.`);
    seen.add(key);
  }
  const starters = parts.map((p) => p.whenUnconfigured).filter((w) => w !== undefined);
  if (starters.length > 1) throw new HubDefinitionError('Only one plug-in may start databases when HUB_DOMAINS is not set.');
  return { resources, widgets: widgetList(parts.flatMap((p) => p.widgets ?? [])), whenUnconfigured: starters[0] };
}

/** How the serving process wires the engine into its web framework (the engine knows none). */
export interface ServingOptions {
  /** Better Auth plug-ins the framework needs: Next.js's server actions need nextCookies(). */
  authPlugins?: readonly BetterAuthPlugin[];
}

type Installed = { hub: Hub; serving: ServingOptions };
// A module variable: the engine is loaded once per process (next.config.mjs keeps it out of
// Next's bundles), so the server, pages and actions all see the hub start.ts installed.
let installedHub: Installed | undefined;

/** Hands the engine what it serves, before the first request. Installing another hub (tests) replaces it. */
export function installHub(hub: Hub, serving: ServingOptions = {}): void {
  installedHub = { hub, serving };
}

function current(): Installed {
  const installed = installedHub;
  if (!installed)
    throw new HubDefinitionError(
      'The engine was not handed its definitions: call installHub(hub) with the hub from src/admin/hub.ts before serving (scripts/start.ts and the tools do).',
    );
  return installed;
}

/** Whether a hub was handed over (a bare `next start` installs the project's own, in instrumentation). */
export function hubInstalled(): boolean {
  return installedHub !== undefined;
}

export function currentHub(): Hub {
  return current().hub;
}

export function servingOptions(): ServingOptions {
  return current().serving;
}
