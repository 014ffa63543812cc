import { Lock } from 'lucide-react';
import type { Metadata } from 'next';
import { StatusPage } from '@/components/shell/status-page';

export const metadata: Metadata = { title: 'No access' };

/** Outside the hub's pages (its own forbidden.tsx covers those): a page of its own, with one <main>. */
export default function Forbidden() {
  return (
    <main className="p-6">
      <StatusPage icon={Lock} code="403" title="No access" testId="forbidden">
        <p>Your roles do not include this page. Ask a superadmin if you need it.</p>
      </StatusPage>
    </main>
  );
}
