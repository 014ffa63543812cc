import { defineIn } from '@admin-hub/engine/resources/define';

// The market demo domain, an overlay on its catalog (see blog.ts); orders has 1,000,000 rows (10,000,000 with `npm start -- --big`).
// A row scope: regional@demo.local sees, finds, exports and changes only customers of DE and AT; everyone else sees all.
export const CUSTOMER_COUNTRIES: Readonly<Record<string, readonly string[]>> = { 'regional@demo.local': ['DE', 'AT'] };

const TONES = { paid: 'success', delivered: 'success', pending: 'warning', cancelled: 'destructive', refunded: 'secondary' } as const;

const market = defineIn('market');

export const marketResources = [
  market('orders', {
    subtitle: 'Every order, newest first',
    icon: 'shopping-cart',
    iconColor: 'green',
    list: ['id', 'customer_id', 'status', 'total_cents', 'item_count', 'created_at', 'per_item_cents'],
    search: ['id'],
    columns: [
      { name: 'id', label: 'Order' },
      { name: 'status', cell: { kind: 'badge', tones: TONES } }, // a renderer by name (src/components/renderers), list and record page
      { name: 'total_cents', type: 'money_cents', label: 'Total', currency: 'EUR', filter: 'range' },
      { name: 'item_count', label: 'Items' },
      { name: 'note', filter: 'isNull' },
      { name: 'created_at', label: 'Placed' },
    ],
    // Integer arithmetic on the row (rounded to the cent): a few nanoseconds even where a sort reads all the orders; no index, so not sortable.
    computed: { per_item_cents: { sql: '(total_cents + item_count / 2) / NULLIF(item_count, 0)', type: 'money_cents', label: 'Per item', currency: 'EUR' } },
  }),
  market('customers', {
    icon: 'users',
    iconColor: 'violet',
    softDelete: 'deleted_at',
    list: ['id', 'full_name', 'email', 'country', 'vip', 'created_at'],
    search: ['id', 'full_name', 'email'],
    columns: [
      { name: 'email', mask: 'email', visibleFrom: 'editor' }, // viewers see j***@example.com and cannot search by it
      { name: 'country', filter: 'equals' },
    ],
    scope: (operator) => (CUSTOMER_COUNTRIES[operator.email] ? { column: 'country', in: CUSTOMER_COUNTRIES[operator.email]! } : undefined),
  }),
  market('products', {
    icon: 'package',
    iconColor: 'amber',
    softDelete: 'deleted_at',
    defaultSort: { column: 'name', direction: 'asc' },
    list: ['id', 'sku', 'name', 'price_cents', 'stock', 'active'],
    search: ['sku', 'name'],
    columns: [{ name: 'price_cents', type: 'money_cents', label: 'Price', currency: 'EUR' }],
    actions: {
      'toggle-active': {
        role: 'editor', // a custom action: runs in the write's transaction, audited with it
        run: async ({ tx, row }) => {
          const sql = 'UPDATE products SET active = NOT active, updated_at = now() WHERE id = $1 RETURNING active';
          const [updated] = await tx.query<{ active: boolean }>(sql, [row.id]);
          return updated?.active ? 'The product is on sale again.' : 'The product is no longer on sale.';
        },
      },
    },
  }),
  market('order_items', {
    subtitle: 'Lines of the most recent orders (composite key)',
    icon: 'package',
    iconColor: 'amber',
    columns: [{ name: 'unit_price_cents', type: 'money_cents', label: 'Unit price', currency: 'EUR' }],
  }),
  market('order_events', {
    subtitle: 'A partitioned table, shown as one resource',
    icon: 'table',
    iconColor: 'rose',
    search: ['kind'],
    columns: [{ name: 'kind', filter: 'equals' }],
  }),
];
