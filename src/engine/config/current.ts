import { loadConfig } from './load-config';
import type { DbTarget, HubConfig } from './types';
import { HubError } from '../errors';

/**
 * Filled in by the user's code through declaration merging (src/admin/domains.ts):
 * `declare module '@/engine/config/current' { interface HubTypes { domain: 'blog' | 'market' } }`.
 * The engine is handed its definitions and never imports them, so their names reach it this way.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface to merge into, empty on purpose
export interface HubTypes {}

/** A domain named in code (checked by the compiler) … */
export type KnownDomain = HubTypes extends { domain: infer D extends string } ? D : never;
declare const checked: unique symbol;
/** … or a name from outside (a URL, a CLI argument) that `checkDomain` has confirmed at run time. */
export type CheckedDomain = string & { readonly [checked]: true };
export type DomainName = KnownDomain | CheckedDomain;

// A module variable: the engine is loaded once per process (next.config.mjs).
let config: HubConfig | undefined;

export function getConfig(): HubConfig {
  config ??= loadConfig(process.env);
  return config;
}

/** Replaces the cached configuration (start-up after the embedded server sets env; tests). */
export function setConfig(replacement: HubConfig | undefined): void {
  config = replacement;
}

export class UnknownDomainError extends HubError {
  readonly status = 404;
  constructor(name: string, configured: string[]) {
    super(`Domain "${name}" is not configured. Configured domains: ${configured.join(', ') || '(none)'}. Add it to HUB_DOMAINS.`);
    this.name = 'UnknownDomainError';
  }
}

export function configuredDomains(): string[] {
  return getConfig().domains.map((d) => d.name);
}

export function checkDomain(name: string): CheckedDomain {
  const names = configuredDomains();
  if (!names.includes(name)) throw new UnknownDomainError(name, names);
  return name as CheckedDomain;
}

/** The pool of a domain's read replica: `<domain>@replica` (a domain name never holds "@"). */
export type ReplicaName = `${string}@replica`;

export function replicaName(domain: DomainName): ReplicaName {
  return `${domain}@replica`;
}

/** The connection target for a domain, its read replica, or `hub` for the hub's own database. */
export function targetFor(name: DomainName | 'hub' | ReplicaName): DbTarget {
  const config = getConfig();
  if (name === 'hub') return config.hub;
  const replica = name.endsWith('@replica');
  const domain = replica ? name.slice(0, -'@replica'.length) : name;
  const target = config.domains.find((d) => d.name === domain);
  if (!target)
    throw new UnknownDomainError(
      domain,
      config.domains.map((d) => d.name),
    );
  if (!replica) return target;
  if (!target.read)
    throw new UnknownDomainError(
      name,
      config.domains.flatMap((d) => (d.read ? [d.read.name] : [])),
    );
  return target.read;
}
