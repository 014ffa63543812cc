'use client';

import { Crown } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
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
  const t = useTranslations('common');
  const format = useFormatter();
  const { update, pending, searchParams } = useListUrl();
  const page = Number(searchParams.get('pn') ?? 1);
  return (
    <AdminResourceTable<Customer>
      title={t('vip.title')}
      subtitle={t('vip.subtitle', { total: props.total })}
      icon={Crown}
      iconColor="amber"
      search={{ placeholder: t('vip.searchPlaceholder'), value: props.search, onChange: (q) => update({ q }) }}
      columns={[
        {
          key: 'customer',
          header: t('vip.customer'),
          render: (c) => (
            <span className="flex flex-col">
              <span className="font-medium">{c.full_name}</span>
              <span className="text-xs text-muted-foreground">{c.email}</span>
            </span>
          ),
        },
        { key: 'country', header: t('vip.country'), render: (c) => <Badge variant="outline">{c.country}</Badge> },
        { key: 'created_at', header: t('vip.customerSince'), render: (c) => format.dateTime(new Date(c.created_at), { dateStyle: 'medium' }) },
      ]}
      rows={props.rows}
      rowKey={(c) => c.id}
      rowHref={(c) => `/d/market/customers/${c.id}`}
      emptyState={{ title: t('vip.noMatch'), description: t('vip.tryAnother') }}
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
