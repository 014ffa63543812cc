/**
 * The domains this code base knows by name. Resource definitions and engine calls that name
 * a domain are type-checked against this list, so `query('blgo', …)` does not compile.
 * Which of them are actually connected is decided at run time by HUB_DOMAINS; a domain that
 * is configured but not listed here still works, through names checked with `checkDomain`.
 */
export const knownDomains = ['blog', 'market', 'bench'] as const;

// Tells the engine's types about them (declaration merging: the engine never imports this file).
declare module '@/engine/config/current' {
  interface HubTypes {
    domain: (typeof knownDomains)[number];
  }
}
