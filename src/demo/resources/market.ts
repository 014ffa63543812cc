import { defineIn } from '@admin-hub/engine/resources/define';
import { inRequestLanguage } from '@admin-hub/engine/resources/label';

// The market demo domain, an overlay on its catalog (see blog.ts); orders has 1,000,000 rows (10,000,000 with `npm start -- --big`).
// Words operators read in English and Korean ({ en, ko }, as in blog.ts).
// A row scope: regional@demo.local sees, finds, exports and changes only customers of DE and AT; everyone else sees all.
export const CUSTOMER_COUNTRIES: Readonly<Record<string, readonly string[]>> = { 'regional@demo.local': ['DE', 'AT'] };

const TONES = { paid: 'success', delivered: 'success', pending: 'warning', cancelled: 'destructive', refunded: 'secondary' } as const;

const STATUS = {
  pending: { en: 'pending', ko: '대기' },
  paid: { en: 'paid', ko: '결제 완료' },
  shipped: { en: 'shipped', ko: '배송 중' },
  delivered: { en: 'delivered', ko: '배송 완료' },
  cancelled: { en: 'cancelled', ko: '취소됨' },
  refunded: { en: 'refunded', ko: '환불됨' },
} as const;

const market = defineIn('market');

export const marketResources = [
  market('orders', {
    title: { en: 'Orders', ko: '주문' },
    singular: { en: 'Order', ko: '주문' },
    subtitle: { en: 'Every order, newest first', ko: '모든 주문, 최신순' },
    icon: 'shopping-cart',
    iconColor: 'green',
    list: ['id', 'customer_id', 'status', 'total_cents', 'item_count', 'created_at', 'per_item_cents'],
    search: ['id'],
    columns: [
      { name: 'id', label: { en: 'Order', ko: '주문 번호' } },
      { name: 'customer_id', label: { en: 'Customer', ko: '고객' } },
      // A renderer by name (src/components/renderers), list and record page; each value in words.
      { name: 'status', label: { en: 'Status', ko: '상태' }, cell: { kind: 'badge', tones: TONES }, optionLabels: STATUS },
      { name: 'total_cents', type: 'money_cents', label: { en: 'Total', ko: '합계' }, currency: 'EUR', filter: 'range' },
      { name: 'currency', label: { en: 'Currency', ko: '통화' } },
      { name: 'item_count', label: { en: 'Items', ko: '품목 수' } },
      { name: 'note', label: { en: 'Note', ko: '메모' }, filter: 'isNull' },
      { name: 'shipping_address', label: { en: 'Shipping address', ko: '배송지' } },
      { name: 'created_at', label: { en: 'Placed', ko: '주문일' } },
      { name: 'updated_at', label: { en: 'Updated', ko: '수정일' } },
    ],
    // Integer arithmetic on the row (rounded to the cent): a few nanoseconds even where a sort reads all the orders; no index, so not sortable.
    computed: {
      per_item_cents: {
        sql: '(total_cents + item_count / 2) / NULLIF(item_count, 0)',
        type: 'money_cents',
        label: { en: 'Per item', ko: '품목당' },
        currency: 'EUR',
      },
    },
  }),
  market('customers', {
    title: { en: 'Customers', ko: '고객' },
    singular: { en: 'Customer', ko: '고객' },
    icon: 'users',
    iconColor: 'violet',
    softDelete: 'deleted_at',
    list: ['id', 'full_name', 'email', 'country', 'vip', 'created_at'],
    search: ['id', 'full_name', 'email'],
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' } },
      { name: 'email', label: { en: 'Email', ko: '이메일' }, mask: 'email', visibleFrom: 'editor' }, // viewers see j***@example.com and cannot search by it
      { name: 'full_name', label: { en: 'Full name', ko: '이름' } },
      { name: 'country', label: { en: 'Country', ko: '국가' }, filter: 'equals' },
      { name: 'vip', label: { en: 'VIP', ko: 'VIP' } },
      { name: 'created_at', label: { en: 'Created', ko: '가입일' } },
      { name: 'updated_at', label: { en: 'Updated', ko: '수정일' } },
      { name: 'deleted_at', label: { en: 'Deleted', ko: '삭제일' } },
    ],
    scope: (operator) => (CUSTOMER_COUNTRIES[operator.email] ? { column: 'country', in: CUSTOMER_COUNTRIES[operator.email]! } : undefined),
  }),
  market('products', {
    title: { en: 'Products', ko: '상품' },
    singular: { en: 'Product', ko: '상품' },
    icon: 'package',
    iconColor: 'amber',
    softDelete: 'deleted_at',
    defaultSort: { column: 'name', direction: 'asc' },
    list: ['id', 'sku', 'name', 'price_cents', 'price_krw', 'stock', 'active'],
    search: ['sku', 'name'],
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' } },
      { name: 'sku', label: { en: 'SKU', ko: 'SKU' } },
      { name: 'name', label: { en: 'Name', ko: '상품명' } },
      { name: 'description', label: { en: 'Description', ko: '설명' } },
      { name: 'price_cents', type: 'money_cents', label: { en: 'Price', ko: '가격' }, currency: 'EUR' },
      { name: 'price_eur', label: { en: 'Price EUR', ko: '가격(EUR)' } },
      { name: 'currency', label: { en: 'Currency', ko: '통화' } },
      { name: 'stock', label: { en: 'Stock', ko: '재고' } },
      { name: 'attributes', label: { en: 'Attributes', ko: '속성' } },
      { name: 'categories', label: { en: 'Categories', ko: '카테고리' } },
      { name: 'active', label: { en: 'Active', ko: '판매 중' } },
      { name: 'created_at', label: { en: 'Created', ko: '등록일' } },
      { name: 'updated_at', label: { en: 'Updated', ko: '수정일' } },
      { name: 'deleted_at', label: { en: 'Deleted', ko: '삭제일' } },
    ],
    // The price in won for the Korean shop, at a fixed 1,500 won to the euro: KRW has no minor unit, so whole won.
    computed: {
      price_krw: { sql: 'price_cents::int8 * 15', type: 'bigint', label: { en: 'Price in KRW', ko: '원화 가격' }, cell: { kind: 'money', currency: 'KRW' } },
    },
    actions: {
      'toggle-active': {
        label: { en: 'Toggle active', ko: '판매 상태 바꾸기' },
        role: 'editor', // a custom action: runs in the write's transaction, audited with it
        run: async ({ tx, row }) => {
          const sql = 'UPDATE products SET active = NOT active, updated_at = now() WHERE id = $1 RETURNING active';
          const [updated] = await tx.query<{ active: boolean }>(sql, [row.id]);
          return inRequestLanguage(
            updated?.active
              ? { en: 'The product is on sale again.', ko: '상품을 다시 판매합니다.' }
              : { en: 'The product is no longer on sale.', ko: '상품 판매를 멈췄습니다.' },
          );
        },
      },
    },
  }),
  market('order_items', {
    title: { en: 'Order items', ko: '주문 품목' },
    singular: { en: 'Order item', ko: '주문 품목' },
    subtitle: { en: 'Lines of the most recent orders (composite key)', ko: '최근 주문의 품목 줄 (복합 키)' },
    icon: 'package',
    iconColor: 'amber',
    columns: [
      { name: 'order_id', label: { en: 'Order', ko: '주문' } },
      { name: 'line_no', label: { en: 'Line no', ko: '줄 번호' } },
      { name: 'product_id', label: { en: 'Product', ko: '상품' } },
      { name: 'quantity', label: { en: 'Quantity', ko: '수량' } },
      { name: 'unit_price_cents', type: 'money_cents', label: { en: 'Unit price', ko: '단가' }, currency: 'EUR' },
    ],
  }),
  market('order_events', {
    title: { en: 'Order events', ko: '주문 이벤트' },
    singular: { en: 'Order event', ko: '주문 이벤트' },
    subtitle: { en: 'A partitioned table, shown as one resource', ko: '파티션 테이블을 하나의 리소스로 보여 줍니다' },
    icon: 'table',
    iconColor: 'rose',
    search: ['kind'],
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' } },
      { name: 'order_id', label: { en: 'Order', ko: '주문' } },
      { name: 'kind', label: { en: 'Kind', ko: '종류' }, filter: 'equals' },
      { name: 'payload', label: { en: 'Payload', ko: '내용' } },
      { name: 'created_at', label: { en: 'Created', ko: '발생일' } },
    ],
  }),
];
