import { Database } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ShellFrame } from './shell-frame';
import { SidebarNav } from './sidebar-nav';
import type { ShellDomain } from './types';

export interface AppShellProps {
  /** Only what the operator may see: the server filters before passing it in. */
  domains: ShellDomain[];
  /** Right of the menu button: breadcrumbs, search, the operator's name… */
  topBar?: ReactNode;
  /** Top of the sidebar; defaults to the product name linking home. */
  brand?: ReactNode;
  /** Bottom of the sidebar, e.g. the signed-in operator and "sign out". */
  sidebarFooter?: ReactNode;
  children: ReactNode;
}

/**
 * The layout of every page. No hooks here, so a server layout can render it; the pieces that
 * need the browser (drawer, active link, folding sections) are small client components.
 */
export function AppShell({ domains, topBar, brand, sidebarFooter, children }: AppShellProps) {
  return (
    <ShellFrame
      topBar={topBar}
      sidebar={
        <>
          <div className="flex h-14 shrink-0 items-center border-b px-4 pr-14 md:pr-4">
            {brand ?? (
              <Link href="/" className="flex items-center gap-2 font-semibold text-foreground">
                <Database aria-hidden="true" className="size-5 text-primary" />
                Admin Hub
              </Link>
            )}
          </div>
          <div className="flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto p-3">
            <SidebarNav domains={domains} />
          </div>
          {sidebarFooter ? <div className="shrink-0 border-t p-3">{sidebarFooter}</div> : null}
        </>
      }
    >
      {children}
    </ShellFrame>
  );
}
