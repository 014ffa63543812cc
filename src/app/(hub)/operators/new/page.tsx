import { UserPlus } from 'lucide-react';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ResourceHeader } from '@/components/admin-resource-table';
import { NewOperatorForm } from '@/components/operators/new-operator-form';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { configuredDomains, getConfig } from '@admin-hub/engine/config/current';
import { requirePageOperator } from '@/web/operator';
import { createOperatorAction } from '@/web/operator-actions';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { superadminMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operators');
  return superadminMetadata(t('newOperatorTitle'));
}

/** Create a local (email + password) operator; the generated password is shown once. */
export default async function NewOperatorPage() {
  const operator = await requirePageOperator('/operators/new');
  if (!operator.superadmin) forbidden();
  const local = getConfig().auth.localAccounts;
  const t = await getTranslations('operators');
  return (
    <section className="flex max-w-3xl min-w-0 flex-col gap-4">
      <ResourceHeader
        title={t('newOperator')}
        subtitle={t('newOperatorSubtitle')}
        icon={UserPlus}
        iconColor="violet"
        actions={
          <Link href="/operators" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            {t('allOperators')}
          </Link>
        }
      />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          {local ? (
            <NewOperatorForm domains={configuredDomains()} action={createOperatorAction} />
          ) : (
            <p className="text-sm" data-testid="local-accounts-off">
              {t('localAccountsOff')}
            </p>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
