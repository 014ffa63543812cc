// Version-independent (vitest.config.ts): pure: definitions' labels in both languages.
import { describe, expect, it } from 'vitest';
import { runWithRequestContext } from '../../src/engine/audit/request-context';
import { defineWidget, toClientWidget } from '../../src/engine/dashboard';
import { resolveResource } from '../../src/engine/resources/define';
import { linkReferences } from '../../src/engine/resources/link-references';
import { inLocale } from '../../src/engine/resources/localize';
import type { FullResourceDef } from '../../src/engine/resources/types';

const customers: FullResourceDef = {
  domain: 'market',
  name: 'customers',
  table: 'customers',
  title: { en: 'Customers', ko: '고객' },
  columns: [
    { name: 'id', type: 'bigint' },
    { name: 'full_name', type: 'text', label: { en: 'Full name', ko: '이름' } },
  ],
};

const orders: FullResourceDef = {
  domain: 'market',
  name: 'orders',
  table: 'orders',
  title: { en: 'Orders', ko: '주문' },
  subtitle: { en: 'Every order', ko: '모든 주문' },
  columns: [
    { name: 'id', type: 'bigint' },
    { name: 'customer_id', type: 'bigint', references: { resource: 'customers' } },
    {
      name: 'status',
      type: 'enum',
      options: ['paid', 'refunded'],
      label: { en: 'Status', ko: '상태' },
      optionLabels: { paid: { en: 'Paid', ko: '결제 완료' }, refunded: 'Refunded' },
      help: { en: 'Where the order stands.', ko: '주문의 진행 상태입니다.' },
    },
    { name: 'note', type: 'text' }, // no label: the name in words, in every language
  ],
  fieldsets: [{ title: { en: 'Order', ko: '주문' }, description: 'Plain text', columns: ['status', 'note'] }],
  actions: { refund: { label: { en: 'Refund', ko: '환불' }, confirm: { en: 'Refund it?', ko: '환불할까요?' }, run: async () => undefined } },
  internalActions: { resend: { label: 'Resend' } },
};

function domain() {
  const resources = [resolveResource(customers), resolveResource(orders)];
  linkReferences(resources);
  return resources;
}

describe("definitions' labels", () => {
  it('resolve in English, and are laid over in Korean for a Korean request', () => {
    const english = domain();
    const [, order] = english;
    expect(order!.title).toBe('Orders');
    expect(order!.singular).toBe('Order');
    expect(order!.columns.find((c) => c.name === 'status')).toMatchObject({ label: 'Status', optionLabels: { paid: 'Paid', refunded: 'Refunded' } });
    expect(inLocale(english, 'en')).toBe(english);

    const korean = inLocale(english, 'ko');
    const ko = korean.find((r) => r.name === 'orders')!;
    expect(ko).toMatchObject({ title: '주문', singular: '주문', subtitle: '모든 주문' });
    const status = ko.columns.find((c) => c.name === 'status')!;
    expect(status).toMatchObject({ label: '상태', help: '주문의 진행 상태입니다.', optionLabels: { paid: '결제 완료', refunded: 'Refunded' } });
    expect(ko.columns.find((c) => c.name === 'note')!.label).toBe('Note');
    // A foreign key names its target in the request's language too.
    expect(ko.columns.find((c) => c.name === 'customer_id')!.references!.target).toMatchObject({ title: '고객', singular: '고객' });
    expect(ko.fieldsets[0]).toMatchObject({ title: '주문', description: 'Plain text' });
    expect(ko.actions.refund).toMatchObject({ label: '환불', confirm: '환불할까요?' });
    expect(ko.internalActions.resend!.label).toBe('Resend');
    expect(korean.find((r) => r.name === 'customers')!.referrers.map((r) => r.title)).toEqual(['주문']);
    // Made once per list and language; the English objects are left as they were.
    expect(inLocale(english, 'ko')).toBe(korean);
    expect(order!.title).toBe('Orders');
  });

  it('leave a domain without translations as it is (introspected names serve every language)', () => {
    const plain = [resolveResource({ ...customers, title: 'Customers', columns: [{ name: 'id', type: 'bigint' }] })];
    expect(inLocale(plain, 'ko')).toBe(plain);
  });

  it('refuse, at start-up and naming it, a label without every language', () => {
    const broken = { ...orders, title: { en: 'Orders' } } as unknown as FullResourceDef;
    expect(() => resolveResource(broken)).toThrow(/market\/orders.*title has no text for ko/);
    const column = {
      ...orders,
      columns: [{ name: 'id', type: 'bigint', label: { en: 'ID', ko: ' ', fr: 'Id' } }],
    } as unknown as FullResourceDef;
    expect(() => resolveResource(column)).toThrow(/column "id" label has no text for ko/);
  });

  it('are typed: a label without Korean does not compile', () => {
    const def: FullResourceDef = {
      ...customers,
      // @ts-expect-error: `ko` is missing
      title: { en: 'Customers' },
    };
    expect(def.name).toBe('customers');
  });
});

describe("widgets' labels", () => {
  const widget = defineWidget({
    id: 'orders-per-day',
    title: { en: 'Orders per day', ko: '일별 주문' },
    description: 'Last 30 days',
    domain: 'market',
    query: 'SELECT 1 AS day, 2 AS orders',
    display: { kind: 'bar', xColumn: 'day', yColumns: ['orders', { column: 'orders', label: { en: 'Orders', ko: '주문' } }] },
  });
  const korean = (work: () => void) => runWithRequestContext({ requestId: 'widget-labels', ip: undefined, userAgent: undefined, locale: 'ko' }, work);

  it("reach the browser in the request's language", () => {
    expect(toClientWidget(widget)).toMatchObject({
      title: 'Orders per day',
      description: 'Last 30 days',
      display: { yColumns: ['orders', { label: 'Orders' }] },
    });
    korean(() =>
      expect(toClientWidget(widget)).toMatchObject({ title: '일별 주문', description: 'Last 30 days', display: { yColumns: ['orders', { label: '주문' }] } }),
    );
  });

  it('refuse a label without every language, naming the widget and the place', () => {
    const broken = { ...widget, id: 'broken', display: { kind: 'number', valueColumn: 'n', previousLabel: { en: 'yesterday' } } } as unknown as Parameters<
      typeof defineWidget
    >[0];
    expect(() => defineWidget(broken)).toThrow(/broken.*previousLabel has no text for ko/);
  });
});
