import type { ShellDomain } from './types';

/**
 * The sidebar's filter: a domain whose name matches keeps all its resources; otherwise only
 * its matching resources are kept, and a domain with none is left out.
 */
export function filterDomains(domains: ShellDomain[], term: string): ShellDomain[] {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  return domains.flatMap((d) => {
    if (matches(`${d.label} ${d.name}`)) return [d];
    const resources = d.resources.filter((r) => matches(`${r.label} ${r.name} ${d.label}`));
    return resources.length > 0 ? [{ ...d, resources }] : [];
  });
}
