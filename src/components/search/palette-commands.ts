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
  const commands: PaletteCommand[] = [{ id: 'go:/', label: 'Open Dashboard', say: { key: 'openDashboard' }, href: '/', keywords: ['home', '홈', '대시보드'] }];
  for (const { domain, resources } of nav) {
    const domainLabel = humanize(domain);
    commands.push({
      id: `go:/d/${domain}`,
      label: `Open ${domainLabel}`,
      say: { key: 'openDomain', values: { domain: domainLabel } },
      href: `/d/${domain}`,
      hint: 'Domain',
      hintIsDomainWord: true,
    });
    for (const r of resources) {
      const href = `/d/${domain}/${r.name}`;
      commands.push({
        id: `go:${href}`,
        label: `Open ${r.title}`,
        say: { key: 'openResource', values: { title: r.title } },
        href,
        hint: domainLabel,
        keywords: [r.name, domain],
      });
      if (!r.readOnly && !r.keyless && can(operator, r, 'create'))
        commands.push({
          id: `new:${href}`,
          label: `New ${r.singular.toLowerCase()}`,
          say: { key: 'newRecord', values: { singular: r.singular.toLowerCase() } },
          href: `${href}/new`,
          hint: domainLabel,
          keywords: [r.name, domain, 'create', '새로 만들기'],
        });
    }
    if (atLeast(roleOn(operator, domain), 'admin'))
      commands.push({
        id: `go:/audit/${domain}`,
        label: `Open ${domainLabel} audit log`,
        say: { key: 'openDomainAudit', values: { domain: domainLabel } },
        href: `/audit/${domain}`,
        hint: domainLabel,
        keywords: ['history', '기록'],
      });
  }
  if (operator.superadmin) {
    commands.push({ id: 'go:/audit', label: 'Open Audit log', say: { key: 'openAuditLog' }, href: '/audit', keywords: ['history', '기록'] });
    commands.push({ id: 'go:/operators', label: 'Open Operators', say: { key: 'openOperators' }, href: '/operators', keywords: ['users', '사용자'] });
    commands.push({
      id: 'new:/operators',
      label: 'New operator',
      say: { key: 'newOperator' },
      href: '/operators/new',
      keywords: ['user', 'create', '사용자', '새로 만들기'],
    });
  }
  return commands;
}
