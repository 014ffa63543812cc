export { AppShell, type AppShellProps } from './app-shell';
export { domainFromPath, domainHref, findActiveHref } from './nav-paths';
export { isResourceIconName, resolveResourceIcon, resourceIcons, type ResourceIconName } from './resource-icons';
export { filterDomains } from './sidebar-filter';
export { SidebarNav } from './sidebar-nav';
export type { ShellDomain, ShellResource } from './types';
