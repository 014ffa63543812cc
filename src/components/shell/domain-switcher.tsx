'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useId } from 'react';
import { Select } from '../ui/select';
import { domainFromPath, domainHref } from './nav-paths';
import type { ShellDomain } from './types';

/** Jumps to a domain's home. The current domain is read from the path, so it needs no prop. */
export function DomainSwitcher({ domains }: { domains: ShellDomain[] }) {
  const router = useRouter();
  const pathname = usePathname() ?? '/';
  const id = useId();
  const fromPath = domainFromPath(pathname);
  const current = domains.some((d) => d.name === fromPath) ? fromPath : null;

  if (domains.length === 0) return null;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="px-0.5 text-xs font-medium text-muted-foreground">
        Domain
      </label>
      <Select
        id={id}
        value={current ?? ''}
        containerClassName="w-full"
        data-testid="domain-switcher"
        onChange={(event) => {
          const next = event.target.value;
          if (next && next !== current) router.push(domainHref(next));
        }}
      >
        {current === null ? (
          <option value="" disabled>
            Choose a domain…
          </option>
        ) : null}
        {domains.map((d) => (
          <option key={d.name} value={d.name}>
            {d.healthy === false ? `${d.label} (unavailable)` : d.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
