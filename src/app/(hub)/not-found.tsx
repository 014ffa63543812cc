import { SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import { StatusPage } from '@/components/shell/status-page';

export const metadata: Metadata = { title: 'Not found' };

/** A missing record, resource or domain inside the hub: shown in the shell, with its sidebar and search. */
export default function HubNotFound() {
  return (
    <StatusPage icon={SearchX} code="404" title="Not found" testId="not-found">
      <p>There is nothing at this address: it may have been deleted, or the link is wrong. Search with Ctrl K, or pick a list in the sidebar.</p>
    </StatusPage>
  );
}
