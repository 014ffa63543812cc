import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { OperatorMenu } from '@/components/auth/operator-menu';
import { CommandPalette } from '@/components/search/command-palette';
import { paletteCommands } from '@/components/search/palette-commands';
import { Toaster } from '@/components/ui/toaster';
import { roleOn, type Operator } from '@admin-hub/engine/auth/operator';
import { atLeast } from '@admin-hub/engine/auth/roles';
import { humanize } from '@admin-hub/engine/resources/define';
import { navigation } from '@admin-hub/engine/resources/registry';
import { AppShell } from './app-shell';
import type { ShellDomain } from './types';

/**
 * The hub's frame for a signed-in operator: sidebar of what they may see, the command palette,
 * their menu and the toasts. Shared by the hub layout and the app-wide not-found page, so an
 * unknown address is shown inside the hub too.
 */
export async function HubShell({ operator, children }: { operator: Operator; children: ReactNode }) {
  const [nav, t] = await Promise.all([navigation(operator), getTranslations('shell')]);
  const domains: ShellDomain[] = nav.map(({ domain, resources, error }) => ({
    name: domain,
    label: humanize(domain),
    healthy: error ? false : undefined,
    resources: [
      ...resources.map((r) => ({ name: r.name, label: r.title, href: `/d/${domain}/${r.name}`, icon: r.icon })),
      ...(atLeast(roleOn(operator, domain), 'admin') ? [{ name: '_audit', label: t('auditLog'), href: `/audit/${domain}`, icon: 'scroll-text' }] : []),
    ],
  }));
  return (
    <AppShell
      domains={domains}
      topBar={<CommandPalette commands={paletteCommands(operator, nav)} />}
      sidebarFooter={<OperatorMenu email={operator.email} superadmin={operator.superadmin} locale={await getLocale()} />}
    >
      {children}
      <Toaster />
    </AppShell>
  );
}
