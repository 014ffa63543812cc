import { can } from '@admin-hub/engine/auth/access';
import { roleOn, type Operator } from '@admin-hub/engine/auth/operator';
import { atLeast } from '@admin-hub/engine/auth/roles';
import { humanize } from '@admin-hub/engine/resources/define';
import type { Resource } from '@admin-hub/engine/resources/types';
import type { PaletteCommand } from './palette-types';

/**
 * The palette's commands for one operator, built on the server from what the sidebar already
 * knows: only resources they may read, "New …" only where they may create, admin pages only
 * for their role. The pages check access again; this only keeps dead ends out of the list.
 */
export function paletteCommands(operator: Operator, nav: { domain: string; resources: Resource[] }[]): PaletteCommand[] {
  const commands: PaletteCommand[] = [{ id: 'go:/', label: 'Open Dashboard', href: '/', keywords: ['home'] }];
  for (const { domain, resources } of nav) {
    const domainLabel = humanize(domain);
    commands.push({ id: `go:/d/${domain}`, label: `Open ${domainLabel}`, href: `/d/${domain}`, hint: 'Domain' });
    for (const r of resources) {
      const href = `/d/${domain}/${r.name}`;
      commands.push({ id: `go:${href}`, label: `Open ${r.title}`, href, hint: domainLabel, keywords: [r.name, domain] });
      if (!r.readOnly && !r.keyless && can(operator, r, 'create'))
        commands.push({
          id: `new:${href}`,
          label: `New ${r.singular.toLowerCase()}`,
          href: `${href}/new`,
          hint: domainLabel,
          keywords: [r.name, domain, 'create'],
        });
    }
    if (atLeast(roleOn(operator, domain), 'admin'))
      commands.push({ id: `go:/audit/${domain}`, label: `Open ${domainLabel} audit log`, href: `/audit/${domain}`, hint: domainLabel, keywords: ['history'] });
  }
  if (operator.superadmin) {
    commands.push({ id: 'go:/audit', label: 'Open Audit log', href: '/audit', keywords: ['history'] });
    commands.push({ id: 'go:/operators', label: 'Open Operators', href: '/operators', keywords: ['users'] });
    commands.push({ id: 'new:/operators', label: 'New operator', href: '/operators/new', keywords: ['user', 'create'] });
  }
  return commands;
}
