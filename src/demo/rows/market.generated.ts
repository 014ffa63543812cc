/**
 * Row types of the "market" domain, generated from its database catalog by
 * `npm run introspect -- market --types`: do not edit, run it again after a migration.
 * Used as Row<'market', '<table>'> (from '@admin-hub/engine/resources/rows'); tables outside
 * `public` are keyed with their schema ('audit.events'). Values as the engine hands them out:
 * int2/int4 numbers, int8, numeric, dates and times, JSON and bytea as text, floats as numbers
 * (NaN and ±Infinity as text), an enum one of its labels, NULL as null.
 */
export {};

declare module '@/engine/resources/rows' {
  interface HubRows {
    market: {
      /** public.customers (table) */
      customers: {
        id: string;
        email: string;
        full_name: string;
        country: string;
        vip: boolean;
        created_at: string;
        updated_at: string;
        deleted_at: string | null;
      };

      /** public.order_events (partitioned table) */
      order_events: {
        id: string;
        order_id: string;
        kind: string;
        payload: string;
        created_at: string;
      };

      /** public.order_items (table) */
      order_items: {
        order_id: string;
        line_no: number;
        product_id: string;
        quantity: number;
        unit_price_cents: number;
      };

      /** public.orders (table) */
      orders: {
        id: string;
        customer_id: string;
        status: 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
        total_cents: string;
        currency: string;
        item_count: number;
        note: string | null;
        shipping_address: string;
        created_at: string;
        updated_at: string;
      };

      /** public.products (table) */
      products: {
        id: string;
        sku: string;
        name: string;
        description: string | null;
        price_cents: number;
        price_eur: string | null;
        currency: string;
        stock: number;
        attributes: string;
        categories: (string | null)[];
        active: boolean;
        created_at: string;
        updated_at: string;
        deleted_at: string | null;
      };
    };
  }
}
