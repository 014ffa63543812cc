'use client';

import { UserPlus, Users } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { AdminResourceTable, type ResourceColumn } from '@/components/admin-resource-table';
import { useListUrl } from '@/components/resource-list/use-list-url';
import { buttonVariants } from '@/components/ui/button';
import type { OperatorList, OperatorListRow } from '@admin-hub/engine/operators/manage';
import { useDateTime } from './format';
import { RoleSummary } from './role-summary';
import { cursorPagination } from '@/components/resource-list/cursor-pagination';

/**
 * The operators list: one page from the list engine (hub resource `operators`), every
 * interaction a URL change like any other list. Rows open the operator's page.
 */
export function OperatorsListView({ result, error }: { result: OperatorList; error?: { title: string; message: string } }) {
  const t = useTranslations('operators');
  const formatDateTime = useDateTime();
  const columns: ResourceColumn<OperatorListRow>[] = [
    { key: 'email', header: t('email'), sortable: true, render: (o) => <span className="font-medium">{o.email}</span> },
    { key: 'name', header: t('name'), sortable: true },
    { key: 'roles', header: t('rolesColumn'), render: (o) => <RoleSummary grants={o.grants} /> },
    { key: 'lastSignInAt', header: t('lastSignIn'), render: (o) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(o.lastSignInAt)}</span> },
    {
      key: 'createdAt',
      header: t('created'),
      sortable: true,
      render: (o) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(o.createdAt)}</span>,
    },
  ];
  const { update, pending, searchParams } = useListUrl();
  const page = Number(searchParams.get('pn') ?? 1);
  return (
    <AdminResourceTable<OperatorListRow>
      title={t('title')}
      subtitle={t('subtitle')}
      icon={Users}
      iconColor="violet"
      actions={
        <Link href="/operators/new" className={buttonVariants({ size: 'sm' })} data-testid="new-operator">
          <UserPlus aria-hidden="true" /> {t('newOperator')}
        </Link>
      }
      search={{ placeholder: t('searchPlaceholder'), value: result.search ?? '', onChange: (q) => update({ q, pn: undefined }) }}
      columns={columns}
      rows={result.rows}
      rowKey={(o) => o.id}
      rowHref={(o) => `/operators/${encodeURIComponent(o.id)}`}
      sort={{
        key: result.sort[0]?.column ?? '',
        direction: result.sort[0]?.direction ?? 'asc',
        keys: result.sort.map((s) => ({ key: s.column, direction: s.direction })),
        onSortChange: (key, direction) => update({ sort: direction === 'desc' ? `-${key}` : key, pn: undefined }),
      }}
      emptyState={{
        title: result.search ? t('noMatch') : t('noOperators'),
        description: result.search ? t('nobodyMatches', { search: result.search }) : undefined,
      }}
      pagination={cursorPagination(result, page, update)}
      loading={pending}
      error={error}
    />
  );
}
