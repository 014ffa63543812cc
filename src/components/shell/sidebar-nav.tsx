'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../ui/cn';
import { domainHref, findActiveHref } from './nav-paths';
import { HealthDot } from './health-dot';
import { resolveResourceIcon } from './resource-icons';
import type { ShellDomain } from './types';

const linkClasses =
  'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-sidebar-foreground transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground';
const activeClasses = 'bg-sidebar-accent font-medium text-sidebar-accent-foreground';

/**
 * Domains and their resources. A client component only because it needs the current path to
 * mark the active link; the list itself comes from the server.
 */
export function SidebarNav({ domains }: { domains: ShellDomain[] }) {
  const pathname = usePathname() ?? '/';
  const active = findActiveHref(
    pathname,
    domains.flatMap((d) => [domainHref(d.name), ...d.resources.map((r) => r.href)]),
  );

  if (domains.length === 0) {
    return <p className="px-2 text-sm text-muted-foreground">No domains are available to you.</p>;
  }

  return (
    <nav aria-label="Domains and resources" className="flex flex-col gap-5" data-testid="sidebar-nav">
      {domains.map((domain) => {
        const home = domainHref(domain.name);
        return (
          <div key={domain.name} className="flex flex-col gap-1" data-testid={`nav-domain-${domain.name}`}>
            <Link
              href={home}
              aria-current={active === home ? 'page' : undefined}
              className={cn(
                'flex items-center justify-between gap-2 rounded-md px-2 py-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase hover:text-foreground',
                active === home && 'text-foreground',
              )}
            >
              <span className="truncate">{domain.label}</span>
              <HealthDot healthy={domain.healthy} />
            </Link>
            {domain.resources.length > 0 ? (
              <ul className="flex flex-col gap-0.5">
                {domain.resources.map((resource) => {
                  const Icon = resolveResourceIcon(resource.icon);
                  const current = active === resource.href;
                  return (
                    <li key={resource.name}>
                      <Link
                        href={resource.href}
                        aria-current={current ? 'page' : undefined}
                        className={cn(linkClasses, current && activeClasses)}
                        data-testid={`nav-${domain.name}-${resource.name}`}
                      >
                        <Icon aria-hidden="true" className="size-4 shrink-0 opacity-80" />
                        <span className="truncate">{resource.label}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}
