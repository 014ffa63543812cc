'use client';

import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { Collapsible } from 'radix-ui';
import { useId, useState } from 'react';
import { cn } from '../ui/cn';
import { HealthDot } from './health-dot';
import { domainFromPath, domainHref, findActiveHref } from './nav-paths';
import { resolveResourceIcon } from './resource-icons';
import { filterDomains } from './sidebar-filter';
import type { ShellDomain } from './types';

const linkClasses =
  'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-sidebar-foreground transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground';
const activeClasses = 'bg-sidebar-accent font-medium text-sidebar-accent-foreground';

/** Up to this many domains every section is simply open; beyond it they fold and a filter box appears. */
const FLAT_UP_TO = 2;

/**
 * Domains and their resources, one collapsible section per domain. With more than two domains
 * only the current one starts open and a filter box narrows the list (every matching section
 * opens while filtering). A client component for the current path, the open sections and the
 * filter; the list itself comes from the server.
 */
export function SidebarNav({ domains }: { domains: ShellDomain[] }) {
  const t = useTranslations('shell');
  const pathname = usePathname() ?? '/';
  const filterId = useId();
  const many = domains.length > FLAT_UP_TO;
  const current = domainFromPath(pathname) ?? (pathname.startsWith('/audit/') ? pathname.split('/')[2] : null);
  const [filter, setFilter] = useState('');
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const active = findActiveHref(
    pathname,
    domains.flatMap((d) => [domainHref(d.name), ...d.resources.map((r) => r.href)]),
  );

  if (domains.length === 0) {
    return <p className="px-2 text-sm text-muted-foreground">{t('noDomains')}</p>;
  }

  const filtering = many && filter.trim() !== '';
  const shown = filtering ? filterDomains(domains, filter) : domains;
  const isOpen = (name: string) => filtering || !many || (opened[name] ?? name === current);

  return (
    <nav aria-label={t('domainsAndResources')} className="flex flex-col gap-3" data-testid="sidebar-nav">
      {many ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={filterId} className="sr-only">
            {t('filterLabel')}
          </label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('filterPlaceholder')}
            className="h-8 w-full rounded-md border border-input bg-card px-2.5 text-sm placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring/40"
            data-testid="sidebar-filter"
          />
          {filtering && shown.length === 0 ? <p className="px-2 text-xs text-muted-foreground">{t('nothingMatches')}</p> : null}
        </div>
      ) : null}
      {shown.map((domain) => {
        const home = domainHref(domain.name);
        const open = isOpen(domain.name);
        return (
          <Collapsible.Root
            key={domain.name}
            open={open}
            onOpenChange={(next) => setOpened((o) => ({ ...o, [domain.name]: next }))}
            className="flex flex-col gap-1"
            data-testid={`nav-domain-${domain.name}`}
          >
            <div className="flex items-center gap-0.5">
              {many ? (
                <Collapsible.Trigger
                  disabled={filtering}
                  className="flex size-6 shrink-0 cursor-pointer items-center justify-center rounded-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-default"
                  aria-label={t('domainResources', { domain: domain.label })}
                  data-testid={`nav-toggle-${domain.name}`}
                >
                  <ChevronRight aria-hidden="true" className={cn('size-4 transition-transform', open && 'rotate-90')} />
                </Collapsible.Trigger>
              ) : null}
              <Link
                href={home}
                aria-current={active === home ? 'page' : undefined}
                className={cn(
                  'flex min-w-0 flex-1 items-center justify-between gap-2 rounded-md px-2 py-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase hover:text-foreground',
                  active === home && 'text-foreground',
                )}
              >
                <span className="truncate">{domain.label}</span>
                <HealthDot healthy={domain.healthy} />
              </Link>
            </div>
            {domain.resources.length > 0 ? (
              <Collapsible.Content asChild>
                <ul className={cn('flex flex-col gap-0.5', many && 'pl-3')}>
                  {domain.resources.map((resource) => {
                    const Icon = resolveResourceIcon(resource.icon);
                    const isCurrent = active === resource.href;
                    return (
                      <li key={resource.name}>
                        <Link
                          href={resource.href}
                          aria-current={isCurrent ? 'page' : undefined}
                          className={cn(linkClasses, isCurrent && activeClasses)}
                          data-testid={`nav-${domain.name}-${resource.name}`}
                        >
                          <Icon aria-hidden="true" className="size-4 shrink-0 opacity-80" />
                          <span className="truncate">{resource.label}</span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </Collapsible.Content>
            ) : null}
          </Collapsible.Root>
        );
      })}
    </nav>
  );
}
