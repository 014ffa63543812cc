'use client';

import { Crown } from 'lucide-react';
import { AdminResourceTable } from '@/components/admin-resource-table';
import { useListUrl } from '@/components/resource-list/use-list-url';
import { Badge } from '@/components/ui/badge';
import type { Row } from '@admin-hub/engine/resources/rows';

/** The columns this page shows, typed from the catalog (src/demo/rows/market.generated.ts: `npm run introspect -- market --types`). */
type Customer = Pick<Row<'market', 'customers'>, 'id' | 'full_name' | 'email' | 'country' | 'created_at'>;

export function VipCustomersView(props: {
  rows: Customer[];
  next: string | null;
  previous: string | null;
  search: string;
  total: string;
  /** Why there are no rows to show (a bad link), in words. */
  error?: { title: string; message: string };
}) {
  const { update, pending, searchParams } = useListUrl();
  const page = Number(searchParams.get('pn') ?? 1);
  return (
    <AdminResourceTable<Customer>
      title="VIP customers"
      subtitle={`${props.total} customers with the VIP flag`}
      icon={Crown}
      iconColor="amber"
      search={{ placeholder: 'Search VIPs by name or email…', value: props.search, onChange: (q) => update({ q }) }}
      columns={[
        {
          key: 'customer',
          header: 'Customer',
          render: (c) => (
            <span className="flex flex-col">
              <span className="font-medium">{c.full_name}</span>
              <span className="text-xs text-muted-foreground">{c.email}</span>
            </span>
          ),
        },
        { key: 'country', header: 'Country', render: (c) => <Badge variant="outline">{c.country}</Badge> },
        { key: 'created_at', header: 'Customer since', render: (c) => c.created_at.slice(0, 10) },
      ]}
      rows={props.rows}
      rowKey={(c) => c.id}
      rowHref={(c) => `/d/market/customers/${c.id}`}
      emptyState={{ title: 'No VIP customers match', description: 'Try another search.' }}
      pagination={{
        page,
        pageSize: 50,
        total: null,
        onPageChange: () => undefined,
        hasNext: props.next !== null,
        hasPrevious: props.previous !== null,
        onNext: () => props.next && update({ after: props.next, pn: String(page + 1) }),
        onPrevious: () => props.previous && update({ before: props.previous, pn: String(page - 1) }),
      }}
      loading={pending}
      error={props.error}
    />
  );
}
