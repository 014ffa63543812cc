import { UserCog } from 'lucide-react';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ResourceHeader } from '@/components/admin-resource-table';
import { DeleteOperator } from '@/components/operators/delete-operator';
import { GrantsForm } from '@/components/operators/grants-form';
import { RoleSummary } from '@/components/operators/role-summary';
import { SessionList } from '@/components/operators/session-list';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getOperator } from '@admin-hub/engine/operators/manage';
import { configuredDomains } from '@admin-hub/engine/config/current';
import { requirePageOperator } from '@/web/operator';
import { deleteOperatorAction, saveGrantsAction, sessionsAction } from '@/web/operator-actions';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { INSTANT_MINUTES } from '@/components/ui/date-formats';
import { superadminMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return superadminMetadata((await getTranslations('operators'))('operatorTitle'));
}

/** Sign-in methods by provider id: the catalog's words, or the provider's own name. */
const PROVIDERS = ['credential', 'github', 'google', 'oidc'] as const;
type Provider = (typeof PROVIDERS)[number];

/** One operator: roles, active sessions, and deletion. */
export default async function OperatorPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  const operator = await requirePageOperator(`/operators/${encodeURIComponent(id)}`);
  if (!operator.superadmin) forbidden();
  const target = await getOperator(operator, id);
  if (!target) notFound();
  const self = target.id === operator.id;
  const [t, format] = await Promise.all([getTranslations('operators'), getFormatter()]);
  const methods = target.providers.map((p) => ((PROVIDERS as readonly string[]).includes(p) ? t(`providers.${p as Provider}`) : p));
  const signIn = methods.length > 0 ? format.list(methods, { type: 'conjunction', style: 'narrow' }) : t('noSignInMethod');
  const created = format.dateTime(new Date(target.createdAt), INSTANT_MINUTES);
  return (
    <section className="flex max-w-4xl min-w-0 flex-col gap-4" data-testid="operator-detail">
      <ResourceHeader
        title={target.email}
        subtitle={target.name ? t('detailSubtitleNamed', { name: target.name, signIn, created }) : t('detailSubtitle', { signIn, created })}
        icon={UserCog}
        iconColor="violet"
        actions={
          <Link href="/operators" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            {t('allOperators')}
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t('rolesColumn')}</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-2">
            {t('now')} <RoleSummary grants={target.grants} />
          </CardDescription>
        </CardHeader>
        <CardContent>
          <GrantsForm userId={target.id} domains={configuredDomains()} grants={target.grants} action={saveGrantsAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('sessions')}</CardTitle>
          <CardDescription>{t('sessionsDescription')}</CardDescription>
        </CardHeader>
        <CardContent>
          <SessionList userId={target.id} sessions={target.sessions} action={sessionsAction} />
        </CardContent>
      </Card>
      <Card className="border-destructive/40">
        <CardHeader>
          <CardTitle>{t('deleteOperator')}</CardTitle>
          <CardDescription>{self ? t('cannotDeleteSelf') : t('deleteCardDescription')}</CardDescription>
        </CardHeader>
        {self ? null : (
          <CardContent>
            <DeleteOperator userId={target.id} email={target.email} action={deleteOperatorAction} />
          </CardContent>
        )}
      </Card>
    </section>
  );
}
