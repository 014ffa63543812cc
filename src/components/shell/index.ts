export { AppShell, type AppShellProps } from './app-shell';
export { DomainSwitcher } from './domain-switcher';
export { domainFromPath, domainHref, findActiveHref } from './nav-paths';
export { isResourceIconName, resolveResourceIcon, resourceIcons, type ResourceIconName } from './resource-icons';
export { SidebarNav } from './sidebar-nav';
export type { ShellDomain, ShellResource } from './types';
