import { SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import { HubShell } from '@/components/shell/hub-shell';
import { StatusPage } from '@/components/shell/status-page';
import { currentOperator } from '@/web/operator';

export const metadata: Metadata = { title: 'Not found' };

/**
 * An address no route matches. A signed-in operator sees it inside the hub (sidebar, search);
 * anyone else gets a plain page that says nothing about what exists.
 */
export default async function NotFound() {
  const operator = await currentOperator();
  const body = (
    <StatusPage icon={SearchX} code="404" title="Not found" testId="not-found">
      <p>There is nothing at this address. Check the link, or start again from the dashboard.</p>
    </StatusPage>
  );
  if (!operator) return <main className="p-6">{body}</main>;
  return <HubShell operator={operator}>{body}</HubShell>;
}
