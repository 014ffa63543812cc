import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can, canSeeDomain } from '@admin-hub/engine/auth/access';
import { requirePageOperator } from '@/web/operator';
import { guardPage } from '@/web/page-guard';
import { ResourceHeader } from '@/components/admin-resource-table';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { checkDomain } from '@admin-hub/engine/config/current';
import { humanize } from '@admin-hub/engine/resources/define';
import { resourcesOf } from '@admin-hub/engine/resources/registry';
import type { Metadata } from 'next';
import { domainTitle } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: { params: Promise<{ domain: string }> }): Promise<Metadata> {
  return { title: domainTitle((await props.params).domain) };
}

/** A domain's home: its resources, each a link to its list page. */
export default async function DomainPage(props: { params: Promise<{ domain: string }> }) {
  const { domain: name } = await props.params;
  const operator = await requirePageOperator(`/d/${name}`);
  const domain = await guardPage(async () => checkDomain(name)); // an unknown domain: the 404 page
  if (!canSeeDomain(operator, domain)) forbidden();
  const resources = (await resourcesOf(domain)).filter((r) => can(operator, r, 'read'));
  const t = await getTranslations('list');
  return (
    <div className="flex flex-col gap-4">
      <ResourceHeader title={humanize(domain)} subtitle={t('resourcesCount', { count: resources.length })} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {resources.map((r) => (
          <Link key={r.name} href={`/d/${domain}/${r.name}`} className="block">
            <Card className="h-full transition-colors hover:bg-muted/50">
              <CardHeader>
                <CardTitle>{r.title}</CardTitle>
                <CardDescription>{r.subtitle ?? `${r.table.schema}.${r.table.name}`}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </div>
  );
}
