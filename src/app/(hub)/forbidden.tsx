import { Lock } from 'lucide-react';
import type { Metadata } from 'next';
import { StatusPage } from '@/components/shell/status-page';

export const metadata: Metadata = { title: 'No access' };

/** A page the operator's roles do not include, inside the shell (its <main> is the shell's). */
export default function HubForbidden() {
  return (
    <StatusPage icon={Lock} code="403" title="No access" testId="forbidden">
      <p>Your roles do not include this page. Ask a superadmin if you need it.</p>
    </StatusPage>
  );
}
