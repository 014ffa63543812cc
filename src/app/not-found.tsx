import { SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import { StatusPage } from '@/components/shell/status-page';

export const metadata: Metadata = { title: 'Not found' };

/**
 * Not found outside the hub's pages. An address no route matches is answered inside the hub
 * ((hub)/[...missing] and (hub)/not-found.tsx, with the sidebar and search for a signed-in
 * operator); this plain page is what is left, and it says nothing about what exists. It renders
 * no hub shell: this page belongs to the root layout, so the shell's client components would be
 * in the first load of every page, the sign-in page included (issue 18).
 */
export default function NotFound() {
  return (
    <main className="p-6">
      <StatusPage icon={SearchX} code="404" title="Not found" testId="not-found">
        <p>There is nothing at this address. Check the link, or start again from the dashboard.</p>
      </StatusPage>
    </main>
  );
}
