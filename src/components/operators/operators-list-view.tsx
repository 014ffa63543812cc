'use client';

import { UserPlus, Users } from 'lucide-react';
import Link from 'next/link';
import { AdminResourceTable, type ResourceColumn } from '@/components/admin-resource-table';
import { useListUrl } from '@/components/resource-list/use-list-url';
import { buttonVariants } from '@/components/ui/button';
import type { OperatorList, OperatorListRow } from '@admin-hub/engine/operators/manage';
import { formatDateTime } from './format';
import { RoleSummary } from './role-summary';
import { cursorPagination } from '@/components/resource-list/cursor-pagination';

const columns: ResourceColumn<OperatorListRow>[] = [
  { key: 'email', header: 'Email', sortable: true, render: (o) => <span className="font-medium">{o.email}</span> },
  { key: 'name', header: 'Name', sortable: true },
  { key: 'roles', header: 'Roles', render: (o) => <RoleSummary grants={o.grants} /> },
  { key: 'lastSignInAt', header: 'Last sign-in', render: (o) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(o.lastSignInAt)}</span> },
  { key: 'createdAt', header: 'Created', sortable: true, render: (o) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(o.createdAt)}</span> },
];

/**
 * The operators list: one page from the list engine (hub resource `operators`), every
 * interaction a URL change like any other list. Rows open the operator's page.
 */
export function OperatorsListView({ result, error }: { result: OperatorList; error?: { title: string; message: string } }) {
  const { update, pending, searchParams } = useListUrl();
  const page = Number(searchParams.get('pn') ?? 1);
  return (
    <AdminResourceTable<OperatorListRow>
      title="Operators"
      subtitle="Who may sign in to this hub, and their roles on each domain."
      icon={Users}
      iconColor="violet"
      actions={
        <Link href="/operators/new" className={buttonVariants({ size: 'sm' })} data-testid="new-operator">
          <UserPlus aria-hidden="true" /> New operator
        </Link>
      }
      search={{ placeholder: 'Search by email or name…', value: result.search ?? '', onChange: (q) => update({ q, pn: undefined }) }}
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
        title: result.search ? 'No operator matches' : 'No operators yet',
        description: result.search ? `Nobody matches “${result.search}”.` : undefined,
      }}
      pagination={cursorPagination(result, page, update)}
      loading={pending}
      error={error}
    />
  );
}
