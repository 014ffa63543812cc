import { UserCog } from 'lucide-react';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ResourceHeader } from '@/components/admin-resource-table';
import { DeleteOperator } from '@/components/operators/delete-operator';
import { formatDateTime } from '@/components/operators/format';
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
import { superadminMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return superadminMetadata('Operator · Operators');
}

const PROVIDERS: Record<string, string> = { credential: 'password', github: 'GitHub', google: 'Google', oidc: 'single sign-on' };

/** One operator: roles, active sessions, and deletion. */
export default async function OperatorPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  const operator = await requirePageOperator(`/operators/${encodeURIComponent(id)}`);
  if (!operator.superadmin) forbidden();
  const target = await getOperator(operator, id);
  if (!target) notFound();
  const self = target.id === operator.id;
  const signIn = target.providers.map((p) => PROVIDERS[p] ?? p).join(', ') || 'no sign-in method';
  return (
    <section className="flex max-w-4xl min-w-0 flex-col gap-4" data-testid="operator-detail">
      <ResourceHeader
        title={target.email}
        subtitle={`${target.name ? `${target.name} · ` : ''}signs in with ${signIn} · created ${formatDateTime(target.createdAt)}`}
        icon={UserCog}
        iconColor="violet"
        actions={
          <Link href="/operators" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            All operators
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Roles</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-2">
            Now: <RoleSummary grants={target.grants} />
          </CardDescription>
        </CardHeader>
        <CardContent>
          <GrantsForm userId={target.id} domains={configuredDomains()} grants={target.grants} action={saveGrantsAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sessions</CardTitle>
          <CardDescription>Signed-in browsers. Revoking one signs it out on its next request.</CardDescription>
        </CardHeader>
        <CardContent>
          <SessionList userId={target.id} sessions={target.sessions} action={sessionsAction} />
        </CardContent>
      </Card>
      <Card className="border-destructive/40">
        <CardHeader>
          <CardTitle>Delete operator</CardTitle>
          <CardDescription>
            {self ? 'You cannot delete your own account; another superadmin can.' : 'Removes the account, its roles and its sessions.'}
          </CardDescription>
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
