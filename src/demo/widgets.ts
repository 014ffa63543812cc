import { defineWidget, widgetList } from '@admin-hub/engine/dashboard';

/**
 * KPI widgets on the home dashboard, next to the resource definitions. Each runs in a READ
 * ONLY transaction with its statement timeout (default 2 s), only for operators who can see
 * its domain, and streams in on its own. Days are calendar days in the database's time zone.
 *
 * The market queries read orders through orders_created_at_id_idx with a closed date range,
 * so they touch ~30 days of rows (about 41,000 of the demo's 1,000,000), never the table.
 */

/** Revenue counts orders that were paid and not given back. */
const REVENUE_STATUSES = `('paid', 'shipped', 'delivered')`;

export const demoWidgets = widgetList([
  defineWidget({
    id: 'market-orders-today',
    title: { en: 'Orders today', ko: '오늘 주문' },
    description: { en: 'Orders placed since midnight', ko: '자정 이후 들어온 주문' },
    domain: 'market',
    // Like for like: yesterday up to the same time of day, not all of yesterday.
    query: `
      SELECT count(*) FILTER (WHERE created_at >= current_date)::int AS today,
             count(*) FILTER (WHERE created_at < now() - interval '1 day')::int AS yesterday
        FROM orders
       WHERE created_at >= current_date - 1 AND created_at <= now()`,
    display: {
      kind: 'number',
      valueColumn: 'today',
      previousColumn: 'yesterday',
      previousLabel: { en: 'yesterday by this time', ko: '어제 같은 시각까지' },
      format: 'integer',
    },
    refreshSeconds: 60,
  }),
  defineWidget({
    id: 'market-orders-revenue',
    title: { en: 'Orders and revenue per day', ko: '일별 주문과 매출' },
    description: { en: 'Last 30 days; revenue of paid, shipped and delivered orders', ko: '최근 30일, 결제·배송 중·배송 완료 주문의 매출' },
    domain: 'market',
    query: `
      WITH daily AS (
        SELECT date_trunc('day', created_at) AS day,
               count(*) AS orders,
               sum(total_cents) FILTER (WHERE status IN ${REVENUE_STATUSES}) AS revenue_cents
          FROM orders
         WHERE created_at >= current_date - 29 AND created_at < current_date + 1
         GROUP BY 1
      )
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
             coalesce(daily.orders, 0)::int AS orders,
             round(coalesce(daily.revenue_cents, 0) / 100.0, 2)::float8 AS revenue
        FROM generate_series(current_date - 29, current_date, interval '1 day') AS d(day)
        LEFT JOIN daily ON daily.day = d.day
       ORDER BY d.day`,
    display: {
      kind: 'bar',
      xColumn: 'day',
      partialLast: true,
      yColumns: [
        { column: 'orders', label: { en: 'Orders', ko: '주문' } },
        { column: 'revenue', label: { en: 'Revenue', ko: '매출' }, kind: 'line', axis: 'right', format: { currency: 'EUR' } },
      ],
    },
  }),
  defineWidget({
    id: 'market-top-customers',
    title: { en: 'Top customers', ko: '상위 고객' },
    description: { en: 'By revenue in the last 30 days', ko: '최근 30일 매출 기준' },
    domain: 'market',
    // Names only: emails are masked for viewers (see resources/market.ts), so none are shown here.
    query: `
      WITH top AS (
        SELECT customer_id, count(*) AS orders, sum(total_cents) AS revenue_cents
          FROM orders
         WHERE created_at >= now() - interval '30 days' AND status IN ${REVENUE_STATUSES}
         GROUP BY customer_id
         ORDER BY revenue_cents DESC, customer_id
         LIMIT 5
      )
      SELECT c.full_name AS customer, c.country, top.orders::int AS orders,
             round(top.revenue_cents / 100.0, 2)::float8 AS revenue
        FROM top
        JOIN customers c ON c.id = top.customer_id
       ORDER BY top.revenue_cents DESC, top.customer_id`,
    display: {
      kind: 'table',
      columns: [
        { column: 'customer', label: { en: 'Customer', ko: '고객' } },
        { column: 'country', label: { en: 'Country', ko: '국가' } },
        { column: 'orders', label: { en: 'Orders', ko: '주문' }, format: 'integer' },
        { column: 'revenue', label: { en: 'Revenue', ko: '매출' }, format: { currency: 'EUR' } },
      ],
    },
  }),
  defineWidget({
    id: 'blog-posts-per-day',
    title: { en: 'New posts per day', ko: '일별 새 게시물' },
    description: { en: 'Last 30 days, drafts included', ko: '최근 30일, 초안 포함' },
    domain: 'blog',
    query: `
      WITH daily AS (
        SELECT date_trunc('day', created_at) AS day, count(*) AS posts
          FROM posts
         WHERE created_at >= current_date - 29 AND created_at < current_date + 1 AND deleted_at IS NULL
         GROUP BY 1
      )
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(daily.posts, 0)::int AS posts
        FROM generate_series(current_date - 29, current_date, interval '1 day') AS d(day)
        LEFT JOIN daily ON daily.day = d.day
       ORDER BY d.day`,
    display: { kind: 'line', xColumn: 'day', partialLast: true, yColumns: [{ column: 'posts', label: { en: 'Posts', ko: '게시물' } }] },
  }),
]);
