import type { ReactNode } from 'react';
import { HubShell } from '@/components/shell/hub-shell';
import { requirePageOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/** Every hub page shares this shell; the sidebar lists each configured domain's resources. */
export default async function HubLayout({ children }: { children: ReactNode }) {
  const operator = await requirePageOperator('/');
  return <HubShell operator={operator}>{children}</HubShell>;
}
