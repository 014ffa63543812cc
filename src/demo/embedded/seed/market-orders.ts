/**
 * The large half of the market demo: orders, their line items and the partitioned event log.
 *
 * Orders get their id from the series number and a created_at that grows with it, so an id
 * range is a time range: "the most recent 50,000 orders" is simply the top of the id range,
 * and each order's customer is picked among customers who had signed up by then.
 */
import { between, chance, pick, rnd, textArray } from './sql';
import { addressSql, ORDER_NOTES } from './market-words';

export const CUSTOMERS = 50_000;
export const PRODUCTS = 2_000;
/** Orders with line items: only the newest ones, so a 1M-order seed stays fast. */
export const ORDERS_WITH_ITEMS = 50_000;
export const ORDER_DAYS = 730;
/** Customers sign up over this window, which ends now and contains the order window. */
export const CUSTOMER_DAYS = 1_095;
export const TARGET_EVENTS = 100_000;
/** Mean events per order given the status mix below; sizes the event sample. */
const EVENTS_PER_ORDER = 3.9;

/**
 * Which events an order of each status went through, in order. Used for order_events rows
 * and for orders.updated_at, which is the time of the last one.
 */
const LIFECYCLE: Record<string, readonly string[]> = {
  pending: ['created'],
  paid: ['created', 'paid'],
  shipped: ['created', 'paid', 'shipped'],
  delivered: ['created', 'paid', 'shipped', 'delivered'],
  cancelled: ['created', 'cancelled'],
  refunded: ['created', 'paid', 'shipped', 'delivered', 'refunded'],
};

/**
 * How long each step took after the previous one, deterministic per order. Payment is usually
 * minutes but can take two days (bank transfers), which keeps some recent orders pending.
 */
const STEP: Record<string, (orderId: string) => string> = {
  paid: (id) => `(interval '5 minutes' + power(${rnd(id, 90)}, 3) * interval '48 hours')`,
  shipped: (id) => `(interval '20 hours' + ${rnd(id, 91)} * interval '30 hours')`,
  delivered: (id) => `(interval '1 day' + ${rnd(id, 92)} * interval '3 days')`,
  refunded: (id) => `(interval '7 days' + ${rnd(id, 94)} * interval '14 days')`,
  cancelled: (id) => `(${rnd(id, 93)} * interval '24 hours')`,
};

/** SQL for the time from an order's creation to its event `kind` (a constant; 'created' is 0). */
function offsetOf(kind: string, orderId: string): string {
  const path = LIFECYCLE[kind] ?? [];
  const steps = path.filter((k) => k !== 'created').map((k) => STEP[k]?.(orderId) ?? `interval '0'`);
  return steps.length > 0 ? `(${steps.join(' + ')})` : `interval '0'`;
}

/** SQL for the time from an order's creation to the event named by the SQL expression `kind`. */
function eventDelay(kind: string, orderId: string): string {
  const kinds = ['created', ...Object.keys(STEP)];
  const branches = kinds.map((k) => `WHEN '${k}' THEN ${offsetOf(k, orderId)}`);
  return `(CASE ${kind} ${branches.join(' ')} END)`;
}

/**
 * SQL for an order's status: its fate (most orders are delivered, 7% cancelled, 5% refunded)
 * advanced as far as its age allows, so no event ever lies in the future.
 */
function statusSql(orderId: string, ageExpr: string): string {
  const fate = rnd(orderId, 102);
  const reached = (kind: string) => `${ageExpr} >= ${offsetOf(kind, orderId)}`;
  return `(CASE
    WHEN ${fate} >= 0.93 THEN CASE WHEN ${reached('cancelled')} THEN 'cancelled' ELSE 'pending' END
    WHEN ${fate} >= 0.88 AND ${reached('refunded')} THEN 'refunded'
    WHEN ${reached('delivered')} THEN 'delivered'
    WHEN ${reached('shipped')} THEN 'shipped'
    WHEN ${reached('paid')} THEN 'paid'
    ELSE 'pending'
  END)::order_status`;
}

/** SQL for the text[] of event kinds an order in `statusExpr` went through. */
function lifecycleCase(statusExpr: string): string {
  const branches = Object.entries(LIFECYCLE).map(([status, kinds]) => `WHEN '${status}' THEN ${textArray(kinds)}`);
  return `(CASE ${statusExpr}::text ${branches.join(' ')} END)`;
}

/** SQL for the kind of the last event an order in `statusExpr` went through. */
function lastEventCase(statusExpr: string): string {
  const branches = Object.entries(LIFECYCLE).map(([status, kinds]) => `WHEN '${status}' THEN '${kinds[kinds.length - 1]}'`);
  return `(CASE ${statusExpr}::text ${branches.join(' ')} END)`;
}

export const CREATE_ORDER_TABLES = [
  // No keys or indexes yet: they are built once after the load, which is much faster than
  // maintaining them row by row.
  `CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    customer_id bigint NOT NULL,
    status order_status NOT NULL DEFAULT 'pending',
    total_cents bigint NOT NULL CHECK (total_cents >= 0),
    currency char(3) NOT NULL DEFAULT 'EUR',
    item_count integer NOT NULL CHECK (item_count > 0),
    note text,
    shipping_address jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE order_items (
    order_id bigint NOT NULL,
    line_no smallint NOT NULL,
    product_id bigint NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0)
  )`,
  `CREATE TABLE order_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    order_id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
  ) PARTITION BY RANGE (created_at)`,
];

/**
 * Partitions the way a team would lay them out: one per past year, one per month of the
 * current year plus next month, and a default one that catches anything older. Bounds follow
 * the server's clock because the data is relative to now().
 */
export function partitionDdl(year: number, month: number): string[] {
  const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  const ddl = [`CREATE TABLE order_events_${year - 1} PARTITION OF order_events FOR VALUES FROM ('${iso(year - 1, 1)}') TO ('${iso(year, 1)}')`];
  for (let m = 1; m <= month + 1; m++) {
    const [y, mm] = m === 13 ? [year + 1, 1] : [year, m];
    const [ny, nm] = mm === 12 ? [y + 1, 1] : [y, mm + 1];
    ddl.push(`CREATE TABLE order_events_${y}_${String(mm).padStart(2, '0')} PARTITION OF order_events
      FOR VALUES FROM ('${iso(y, mm)}') TO ('${iso(ny, nm)}')`);
  }
  ddl.push(`CREATE TABLE order_events_default PARTITION OF order_events DEFAULT`);
  return ddl;
}

/**
 * Line items for orders [first, last]: 1–4 distinct products each (a stride of 37 through the
 * catalogue never repeats a product within four lines), popular products more often.
 */
export function insertOrderItems(first: number, last: number): string {
  const line = `o * 8 + k`;
  return `
    INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents)
    SELECT o, k, p.id,
           CASE WHEN ${chance(line, 61, 0.75)} THEN 1 WHEN ${chance(line, 62, 0.7)} THEN 2 ELSE ${between(line, 63, 3, 5)} END,
           p.price_cents
      FROM generate_series(${first}::bigint, ${last}::bigint) o
     CROSS JOIN LATERAL generate_series(1,
             CASE WHEN ${chance('o', 64, 0.5)} THEN 1 WHEN ${chance('o', 65, 0.6)} THEN 2 ELSE ${between('o', 66, 3, 4)} END) k
      JOIN products p ON p.id = 1 + (floor(power(${rnd('o', 60)}, 1.5) * ${PRODUCTS})::int + (k - 1) * 37) % ${PRODUCTS}`;
}

/**
 * Orders [first, last] of `total`. Orders with line items take their totals from them; older
 * ones get plausible made-up totals. updated_at is the time of the order's last event.
 */
export function insertOrders(first: number, last: number, total: number): string {
  return `
    INSERT INTO orders (id, customer_id, status, total_cents, currency, item_count, note, shipping_address,
                        created_at, updated_at)
    OVERRIDING SYSTEM VALUE
    SELECT g, c.id, st.status,
           coalesce(it.total_cents, est.item_count * est.unit_cents), 'EUR', coalesce(it.item_count, est.item_count),
           CASE WHEN ${chance('g', 104, 0.03)} THEN ${pick(ORDER_NOTES, 'g', 105)} END,
           jsonb_build_object('name', c.full_name, 'country', c.country) || ${addressSql('c.country', 'c.id')}
             || CASE WHEN ${chance('c.id', 106, 0.15)} THEN jsonb_build_object('line2', 'Apt ' || ${between('c.id', 107, 1, 40)}) ELSE '{}'::jsonb END,
           tm.created_at,
           tm.created_at + ${eventDelay(lastEventCase('st.status'), 'g')}
      FROM generate_series(${first}::bigint, ${last}::bigint) g
     -- Time runs faster than ids early on (derivative 1.4 -> 0.6): order volume grows ~2x over two years.
     CROSS JOIN LATERAL (SELECT (g - 1 + ${rnd('g', 100)}) / ${total}.0 AS f) fr
     CROSS JOIN LATERAL (SELECT fr.f * (1.4 - 0.4 * fr.f) AS tf) tfr
     CROSS JOIN LATERAL (
       SELECT now() - interval '${ORDER_DAYS} days' + tfr.tf * interval '${ORDER_DAYS} days' AS created_at,
              -- Customers sign up in id order, so this is "someone who had an account by then".
              1 + floor(${rnd('g', 101)} * floor(${CUSTOMERS} * (${CUSTOMER_DAYS - ORDER_DAYS} + tfr.tf * ${ORDER_DAYS}) / ${CUSTOMER_DAYS}))::bigint AS customer_id
     ) tm
     CROSS JOIN LATERAL (SELECT ${statusSql('g', '(now() - tm.created_at)')} AS status) st
     CROSS JOIN LATERAL (
       SELECT CASE WHEN ${chance('g', 108, 0.5)} THEN 1 WHEN ${chance('g', 109, 0.55)} THEN 2 ELSE ${between('g', 110, 3, 8)} END AS item_count,
              (ceil(exp(ln(4) + ${rnd('g', 111)} * ln(60))) * 100 - 1)::bigint AS unit_cents
     ) est
      JOIN customers c ON c.id = tm.customer_id
      LEFT JOIN (
        SELECT order_id, sum(quantity * unit_price_cents)::bigint AS total_cents, sum(quantity)::int AS item_count
          FROM order_items WHERE order_id BETWEEN ${first} AND ${last} GROUP BY order_id
      ) it ON it.order_id = g`;
}

/** Lifecycle events for every `step`-th order, which lands near TARGET_EVENTS rows. */
export function insertOrderEvents(orders: number): string {
  const step = Math.max(1, Math.ceil((orders * EVENTS_PER_ORDER) / TARGET_EVENTS));
  return `
    INSERT INTO order_events (order_id, kind, payload, created_at)
    SELECT o.id, e.kind,
           CASE e.kind
             WHEN 'created' THEN jsonb_build_object('channel', ${pick(['web', 'web', 'app', 'app', 'phone', 'marketplace'], 'o.id', 120)}, 'item_count', o.item_count)
             WHEN 'paid' THEN jsonb_build_object('method', ${pick(['card', 'card', 'paypal', 'sepa_debit', 'klarna', 'apple_pay'], 'o.id', 121)},
                                                 'amount_cents', o.total_cents, 'currency', o.currency)
             WHEN 'shipped' THEN jsonb_build_object('carrier', ${pick(['DHL', 'UPS', 'DPD', 'GLS', 'PostNL'], 'o.id', 122)},
                                                    'tracking_number', upper(substr(md5(o.id::text), 1, 14)))
             WHEN 'delivered' THEN jsonb_build_object('proof', ${pick(['signature', 'mailbox', 'neighbour', 'parcel_locker'], 'o.id', 123)})
             WHEN 'cancelled' THEN jsonb_build_object('reason', ${pick(['customer_request', 'payment_failed', 'out_of_stock'], 'o.id', 124)},
                                                      'by', ${pick(['customer', 'support', 'system'], 'o.id', 125)})
             WHEN 'refunded' THEN jsonb_build_object('amount_cents', o.total_cents,
                                                     'reason', ${pick(['damaged', 'wrong_size', 'not_as_described', 'late_delivery'], 'o.id', 126)})
           END,
           o.created_at + ${eventDelay('e.kind', 'o.id')}
      FROM orders o
     CROSS JOIN LATERAL unnest(${lifecycleCase('o.status')}) WITH ORDINALITY AS e(kind, n)
     WHERE o.id % ${step} = 0
     ORDER BY o.id, e.n`;
}

/** Keys, foreign keys and indexes for the order tables, built after their data is in. */
export const ORDER_CONSTRAINTS = [
  `ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id)`,
  `ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no)`,
  `ALTER TABLE order_events ADD CONSTRAINT order_events_pkey PRIMARY KEY (id, created_at)`,
  `ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id)`,
  `ALTER TABLE order_items ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE`,
  `ALTER TABLE order_items ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id)`,
  `ALTER TABLE order_events ADD CONSTRAINT order_events_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE`,
];

export const ORDER_INDEXES = [
  `CREATE INDEX orders_created_at_id_idx ON orders (created_at DESC, id DESC)`,
  `CREATE INDEX orders_customer_id_idx ON orders (customer_id)`,
  `CREATE INDEX orders_status_idx ON orders (status)`,
  `CREATE INDEX order_items_product_id_idx ON order_items (product_id)`,
  `CREATE INDEX order_events_order_id_idx ON order_events (order_id)`,
];
