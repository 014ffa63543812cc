import type { ReactNode } from 'react';
import { AppShell, type ShellDomain } from '@/components/shell';
import { roleOn } from '@/engine/auth/operator';
import { atLeast } from '@/engine/auth/roles';
import { humanize } from '@/engine/resources/define';
import { navigation } from '@/engine/resources/registry';
import { OperatorMenu } from '@/components/auth/operator-menu';
import { CommandPalette } from '@/components/search/command-palette';
import { requirePageOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/** Every hub page shares this shell; the sidebar lists each configured domain's resources. */
export default async function HubLayout({ children }: { children: ReactNode }) {
  const operator = await requirePageOperator('/');
  const nav = await navigation(operator);
  const domains: ShellDomain[] = nav.map(({ domain, resources, error }) => ({
    name: domain,
    label: humanize(domain),
    healthy: error ? false : undefined,
    resources: [
      ...resources.map((r) => ({ name: r.name, label: r.title, href: `/d/${domain}/${r.name}`, icon: r.icon })),
      ...(atLeast(roleOn(operator, domain), 'admin') ? [{ name: '_audit', label: 'Audit log', href: `/audit/${domain}`, icon: 'scroll-text' }] : []),
    ],
  }));
  return (
    <AppShell domains={domains} topBar={<CommandPalette />} sidebarFooter={<OperatorMenu email={operator.email} superadmin={operator.superadmin} />}>
      {children}
    </AppShell>
  );
}
