import { currentHub } from '@admin-hub/engine/hub';
import { Dashboard } from '@/components/dashboard/dashboard';
import { canSeeDomain } from '@admin-hub/engine/auth/access';
import { configuredDomains } from '@admin-hub/engine/config/current';
import { visibleWidgets } from '@admin-hub/engine/dashboard';
import { requirePageOperator } from '@/web/operator';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

/** Home: the dashboard of the domains and widgets this operator may see; each piece streams in on its own. */
export default async function HomePage() {
  const operator = await requirePageOperator('/');
  const domains = configuredDomains().filter((d) => canSeeDomain(operator, d));
  return <Dashboard operator={operator} domains={domains} widgets={visibleWidgets(operator, currentHub().widgets)} />;
}
