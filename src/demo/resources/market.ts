import { defineResource } from '@admin-hub/engine/resources/define';

/** The market demo domain: orders is the 1,000,000-row table every list must stay fast on. */
const orderStatuses = ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;

/**
 * A row scope: the countries whose customers a regional operator works with (by email; a real
 * hub could read them from its directory). Everyone else, superadmins included, sees them all.
 */
export const CUSTOMER_COUNTRIES: Readonly<Record<string, readonly string[]>> = { 'regional@demo.local': ['DE', 'AT'] };

export const marketResources = [
  defineResource({
    domain: 'market',
    name: 'orders',
    table: 'public.orders',
    title: 'Orders',
    subtitle: 'Every order, newest first',
    icon: 'shopping-cart',
    iconColor: 'green',
    defaultSort: { column: 'created_at', direction: 'desc' },
    columns: [
      { name: 'id', type: 'bigint', label: 'Order', readOnly: true, searchable: true },
      { name: 'customer_id', type: 'bigint', label: 'Customer', references: { resource: 'customers' }, filter: 'equals', nullable: false },
      // A cell renderer by name (src/components/renderers): a badge coloured by status, in the list and on the record page.
      {
        name: 'status',
        type: 'enum',
        options: orderStatuses,
        nullable: false,
        hasDefault: true,
        cell: { kind: 'badge', tones: { paid: 'success', delivered: 'success', pending: 'warning', cancelled: 'destructive', refunded: 'secondary' } },
      },
      { name: 'total_cents', type: 'money_cents', label: 'Total', currency: 'EUR', nullable: false, filter: 'range' },
      { name: 'item_count', type: 'integer', label: 'Items', nullable: false },
      { name: 'currency', type: 'text', list: false, nullable: false, hasDefault: true },
      { name: 'note', type: 'longtext', filter: 'isNull' },
      { name: 'shipping_address', type: 'json', label: 'Shipping address', nullable: false },
      { name: 'created_at', type: 'datetime', label: 'Placed', nullable: false, hasDefault: true },
      { name: 'updated_at', type: 'datetime', label: 'Updated', nullable: false, list: false, hasDefault: true },
    ],
    // A computed column: integer arithmetic on the row (rounded to the cent), a few nanoseconds even where a sort reads
    // all 1,000,000 orders; not sortable or filtered (no index on it).
    computed: {
      per_item_cents: { sql: '(total_cents + item_count / 2) / NULLIF(item_count, 0)', type: 'money_cents', label: 'Per item', currency: 'EUR' },
    },
  }),
  defineResource({
    domain: 'market',
    name: 'customers',
    table: 'public.customers',
    title: 'Customers',
    icon: 'users',
    iconColor: 'violet',
    softDelete: 'deleted_at',
    defaultSort: { column: 'created_at', direction: 'desc' },
    // regional@demo.local sees, finds, exports and may change only customers of DE and AT; others are "not found".
    scope: (operator) => {
      const countries = CUSTOMER_COUNTRIES[operator.email];
      return countries ? { column: 'country', in: countries } : undefined;
    },
    columns: [
      { name: 'id', type: 'bigint', label: 'ID', readOnly: true, searchable: true },
      { name: 'full_name', type: 'text', label: 'Name', searchable: true, nullable: false },
      // Viewers see j***@example.com and cannot search by it; editors and up see it whole.
      { name: 'email', type: 'email', searchable: true, nullable: false, mask: 'email', visibleFrom: 'editor' },
      { name: 'country', type: 'text', filter: 'equals', nullable: false },
      { name: 'vip', type: 'boolean', label: 'VIP', nullable: false, hasDefault: true },
      { name: 'created_at', type: 'datetime', label: 'Signed up', nullable: false, hasDefault: true },
      { name: 'updated_at', type: 'datetime', label: 'Updated', nullable: false, list: false, hasDefault: true },
      { name: 'deleted_at', type: 'datetime', label: 'Deleted', list: false, readOnly: true },
    ],
  }),
  defineResource({
    domain: 'market',
    name: 'products',
    table: 'public.products',
    title: 'Products',
    icon: 'package',
    iconColor: 'amber',
    softDelete: 'deleted_at',
    defaultSort: { column: 'name', direction: 'asc' },
    columns: [
      { name: 'id', type: 'bigint', label: 'ID', readOnly: true },
      { name: 'sku', type: 'text', label: 'SKU', searchable: true, nullable: false },
      { name: 'name', type: 'text', searchable: true, nullable: false },
      { name: 'description', type: 'longtext' },
      { name: 'price_cents', type: 'money_cents', label: 'Price', currency: 'EUR', nullable: false },
      { name: 'price_eur', type: 'number', label: 'Price (EUR)', readOnly: true, list: false },
      { name: 'currency', type: 'text', list: false, nullable: false, hasDefault: true },
      { name: 'stock', type: 'integer', nullable: false, hasDefault: true },
      { name: 'categories', type: 'array', nullable: false, hasDefault: true },
      { name: 'attributes', type: 'json', nullable: false, hasDefault: true },
      { name: 'active', type: 'boolean', nullable: false, hasDefault: true },
      { name: 'created_at', type: 'datetime', label: 'Created', nullable: false, list: false, hasDefault: true },
      { name: 'updated_at', type: 'datetime', label: 'Updated', nullable: false, list: false, hasDefault: true },
      { name: 'deleted_at', type: 'datetime', label: 'Deleted', list: false, readOnly: true },
    ],
    // A custom action: runs in the write's transaction and is audited with it.
    actions: {
      'toggle-active': {
        label: 'Toggle active',
        role: 'editor',
        run: async ({ tx, row }) => {
          const [updated] = await tx.query<{ active: boolean }>('UPDATE products SET active = NOT active, updated_at = now() WHERE id = $1 RETURNING active', [
            row.id,
          ]);
          return updated?.active ? 'The product is on sale again.' : 'The product is no longer on sale.';
        },
      },
    },
  }),
  defineResource({
    domain: 'market',
    name: 'order-items',
    table: 'public.order_items',
    title: 'Order items',
    subtitle: 'Lines of the most recent orders (composite key)',
    icon: 'package',
    iconColor: 'amber',
    primaryKey: ['order_id', 'line_no'],
    defaultSort: { column: 'order_id', direction: 'desc' },
    columns: [
      { name: 'order_id', type: 'bigint', label: 'Order', references: { resource: 'orders' }, filter: 'equals' },
      { name: 'line_no', type: 'integer', label: 'Line' },
      { name: 'product_id', type: 'bigint', label: 'Product', references: { resource: 'products' }, filter: 'equals', nullable: false },
      { name: 'quantity', type: 'integer', nullable: false },
      { name: 'unit_price_cents', type: 'money_cents', label: 'Unit price', currency: 'EUR', nullable: false },
    ],
  }),
  defineResource({
    domain: 'market',
    name: 'order-events',
    table: 'public.order_events',
    title: 'Order events',
    subtitle: 'A partitioned table, shown as one resource',
    icon: 'table',
    iconColor: 'rose',
    primaryKey: ['id', 'created_at'],
    defaultSort: { column: 'created_at', direction: 'desc' },
    columns: [
      { name: 'id', type: 'bigint', label: 'ID', readOnly: true },
      { name: 'order_id', type: 'bigint', label: 'Order', references: { resource: 'orders' }, filter: 'equals', nullable: false },
      { name: 'kind', type: 'text', searchable: true, filter: 'equals', nullable: false },
      { name: 'payload', type: 'json', nullable: false, hasDefault: true },
      { name: 'created_at', type: 'datetime', label: 'At', nullable: false, hasDefault: true },
    ],
  }),
];
