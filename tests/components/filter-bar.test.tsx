// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { createFormatter, createTranslator } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterBar } from '../../src/components/resource-list/filter-bar';
import { chipText } from '../../src/components/resource-list/filters/chip-text';
import { dayBoundary, dayPresets } from '../../src/components/resource-list/filters/days';
import { minorToUnits, unitsToMinor } from '../../src/components/resource-list/filters/money';
import { parseDateTime } from '../../src/engine/values/datetime';
import { resolveResource } from '../../src/engine/resources/define';
import en from '../../src/i18n/messages/en';
import ko from '../../src/i18n/messages/ko';
import { IntlWrapper } from '../support/intl';

afterEach(cleanup);

const orders = resolveResource({
  domain: 'market',
  name: 'orders',
  table: 'orders',
  title: 'Orders',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'customer_id', type: 'bigint', label: 'Customer', references: { resource: 'customers' }, filter: 'equals' },
    { name: 'status', type: 'enum', options: ['pending', 'paid', 'shipped'] },
    { name: 'total_cents', type: 'money_cents', label: 'Total', currency: 'EUR', filter: 'range' },
    { name: 'created_at', type: 'datetime', label: 'Created' },
    { name: 'day', type: 'date', filter: 'range' },
  ],
});
const column = (name: string) => orders.columns.find((c) => c.name === name)!;

/** Opens a chip's popover and returns nothing: the control is then in the document. */
function openChip(name: string) {
  fireEvent.click(screen.getByTestId(`filter-${name}`));
}

describe('date-time range filter', () => {
  it("bounds a date-time column by whole days of the operator's zone, DST and leap days included", () => {
    expect(dayBoundary('2024-02-29', 'min', 'Asia/Seoul')).toBe('2024-02-29T00:00:00+09:00');
    expect(dayBoundary('2024-02-29', 'max', 'Asia/Seoul')).toBe('2024-02-29T23:59:59.999999+09:00');
    expect(dayBoundary('2025-03-30', 'min', 'Europe/Berlin')).toBe('2025-03-30T00:00:00+01:00'); // the night clocks go forward
    expect(dayBoundary('2025-03-30', 'max', 'Europe/Berlin')).toBe('2025-03-30T23:59:59.999999+02:00');
    expect(dayBoundary('2025-01-31', 'max', 'UTC')).toBe('2025-01-31T23:59:59.999999+00:00');
    for (const zone of ['Asia/Seoul', 'America/St_Johns', 'Pacific/Kiritimati', 'UTC'])
      for (const end of ['min', 'max'] as const) expect(parseDateTime(dayBoundary('2024-12-31', end, zone)).ok).toBe(true);
  });

  it('offers presets as days of the zone: today there may be tomorrow in UTC', () => {
    const now = new Date('2026-12-01T20:00:00Z'); // already 2 December in Seoul
    expect(dayPresets('Asia/Seoul', now)).toEqual([
      { name: 'presetToday', from: '2026-12-02', to: '2026-12-02' },
      { name: 'presetLast7', from: '2026-11-26', to: '2026-12-02' },
      { name: 'presetLast30', from: '2026-11-03', to: '2026-12-02' },
      { name: 'presetThisMonth', from: '2026-12-01', to: '2026-12-02' },
    ]);
    expect(dayPresets('UTC', now)[0]).toEqual({ name: 'presetToday', from: '2026-12-01', to: '2026-12-01' });
  });

  it("sends whole days with the operator's offset and shows the day alone; a date column keeps plain dates", () => {
    const onChange = vi.fn();
    const params: Record<string, string> = { 'f.created_at.min': '2024-02-01T00:00:00+09:00' };
    render(<FilterBar columns={orders.columns} value={(k) => params[k]} onChange={onChange} domain="market" />, { wrapper: IntlWrapper });
    expect(screen.getByTestId('filter-created_at').textContent).toBe('Created: from Feb 1, 2024');
    openChip('created_at');
    expect((screen.getByTestId('filter-created_at-from') as HTMLInputElement).value).toBe('2024-02-01');
    fireEvent.change(screen.getByTestId('filter-created_at-to'), { target: { value: '2024-02-29' } });
    fireEvent.click(screen.getByTestId('filter-apply'));
    const zone = 'UTC'; // the operator's zone, as the page's NextIntlClientProvider gives it (IntlWrapper's)
    expect(onChange).toHaveBeenLastCalledWith({
      'f.created_at.min': dayBoundary('2024-02-01', 'min', zone),
      'f.created_at.max': dayBoundary('2024-02-29', 'max', zone),
    });

    openChip('day');
    fireEvent.change(screen.getByTestId('filter-day-to'), { target: { value: '2024-02-29' } });
    fireEvent.click(screen.getByTestId('filter-apply'));
    expect(onChange).toHaveBeenLastCalledWith({ 'f.day.min': undefined, 'f.day.max': '2024-02-29' });
  });
});

describe('money range filter', () => {
  it('takes the amount as the list shows it and sends cents, digit for digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom('EUR', 'KRW', 'BHD', 'JPY'), (minor, currency) => {
        const units = minorToUnits(minor.toString(), currency);
        expect(unitsToMinor(units, currency)).toEqual({ ok: true, value: minor.toString() });
      }),
    );
    expect(unitsToMinor('0.29', 'EUR')).toEqual({ ok: true, value: '29' });
    expect(unitsToMinor('100', 'EUR')).toEqual({ ok: true, value: '10000' });
    expect(unitsToMinor('1,500', 'KRW')).toEqual({ ok: true, value: '1500' });
    expect(unitsToMinor('1.5', 'KRW')).toEqual({ ok: false, problem: 'noMinorUnit', currency: 'KRW' });
    expect(unitsToMinor('1.234', 'EUR')).toEqual({ ok: false, problem: 'tooManyDecimals', currency: 'EUR', digits: 2 });
    expect(unitsToMinor('1e3', 'EUR').ok).toBe(false);
  });

  it('shows euros on the chip and in the control, and refuses a bad amount in words', () => {
    const onChange = vi.fn();
    const params: Record<string, string> = { 'f.total_cents.min': '1050' };
    render(<FilterBar columns={orders.columns} value={(k) => params[k]} onChange={onChange} domain="market" />, { wrapper: IntlWrapper });
    expect(screen.getByTestId('filter-total_cents').textContent).toBe('Total: from 10.50 EUR');
    openChip('total_cents');
    expect((screen.getByTestId('filter-total_cents-from') as HTMLInputElement).value).toBe('10.50');
    fireEvent.change(screen.getByTestId('filter-total_cents-to'), { target: { value: '20.001' } });
    fireEvent.click(screen.getByTestId('filter-apply'));
    expect(screen.getByRole('alert').textContent).toBe('At most 2 decimals for EUR.');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('filter-total_cents-to'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('filter-apply'));
    expect(onChange).toHaveBeenLastCalledWith({ 'f.total_cents.min': '1050', 'f.total_cents.max': '2000' });
  });
});

describe('chips', () => {
  const english = { t: createTranslator({ locale: 'en', messages: en, namespace: 'list' }), format: createFormatter({ locale: 'en', timeZone: 'UTC' }) };
  const korean = { t: createTranslator({ locale: 'ko', messages: ko, namespace: 'list' }), format: createFormatter({ locale: 'ko', timeZone: 'Asia/Seoul' }) };

  it('say what each filter holds, and a referenced row by its label', () => {
    const params: Record<string, string> = { 'f.status': 'paid,shipped', 'f.customer_id': '79', 'f.day.max': '2024-02-29' };
    const value = (k: string) => params[k];
    expect(chipText(english, column('status'), value)).toEqual({ text: 'Status: paid, shipped', active: true });
    expect(chipText(english, column('customer_id'), value, 'Maja Murphy')).toEqual({ text: 'Customer: Maja Murphy', active: true });
    expect(chipText(english, column('customer_id'), value)).toEqual({ text: 'Customer: #79', active: true });
    expect(chipText(english, column('day'), value)).toEqual({ text: 'Day: until Feb 29, 2024', active: true });
    expect(chipText(english, column('total_cents'), value)).toEqual({ text: 'Total', active: false });
  });

  it('speak Korean: the day in Korean order, the same day whatever the zone, amounts digit for digit', () => {
    const params: Record<string, string> = { 'f.day.min': '2024-02-01', 'f.day.max': '2024-02-29', 'f.total_cents.min': '1050', 'f.customer_id.null': 'true' };
    const value = (k: string) => params[k];
    expect(chipText(korean, column('day'), value).text).toBe('Day: 2024년 2월 1일 – 2024년 2월 29일');
    expect(chipText(korean, column('total_cents'), value).text).toBe('Total: 10.50 EUR부터');
    expect(chipText(korean, column('customer_id'), value).text).toBe('Customer: 비어 있음');
  });

  it('removes one filter, or all of them at once', () => {
    const onChange = vi.fn();
    const params: Record<string, string> = { 'f.status': 'paid', 'f.day.min': '2024-01-01' };
    render(<FilterBar columns={orders.columns} value={(k) => params[k]} onChange={onChange} domain="market" />, { wrapper: IntlWrapper });
    fireEvent.click(screen.getByTestId('filter-clear-status'));
    expect(onChange).toHaveBeenLastCalledWith({ 'f.status': undefined, 'f.status.min': undefined, 'f.status.max': undefined, 'f.status.null': undefined });
    fireEvent.click(screen.getByTestId('filters-clear-all'));
    expect(onChange).toHaveBeenLastCalledWith({ 'f.status': undefined, 'f.day.min': undefined });
  });

  it('filters one-of columns by several values at once', () => {
    const onChange = vi.fn();
    render(<FilterBar columns={orders.columns} value={() => undefined} onChange={onChange} domain="market" />, { wrapper: IntlWrapper });
    openChip('status');
    fireEvent.click(screen.getByLabelText('paid'));
    fireEvent.click(screen.getByLabelText('shipped'));
    fireEvent.click(screen.getByTestId('filter-apply'));
    expect(onChange).toHaveBeenLastCalledWith({ 'f.status': 'paid,shipped' });
  });
});

describe('has related rows', () => {
  const related = [
    {
      key: 'orders',
      resource: 'orders',
      title: 'Orders',
      table: { schema: 'public', name: 'orders' },
      column: 'customer_id',
      refColumn: 'id',
      readRole: 'viewer' as const,
    },
    {
      key: 'reviews',
      resource: 'reviews',
      title: 'Reviews',
      table: { schema: 'public', name: 'reviews' },
      column: 'customer_id',
      refColumn: 'id',
      readRole: 'viewer' as const,
    },
    {
      key: 'tickets',
      resource: 'tickets',
      title: 'Tickets',
      table: { schema: 'public', name: 'tickets' },
      column: 'customer_id',
      refColumn: 'id',
      readRole: 'viewer' as const,
    },
  ];

  it('offers a chip per referring resource (two at most, plus any that is set) and applies some / none', () => {
    const onChange = vi.fn();
    const params: Record<string, string> = { 'has.tickets': 'false' };
    render(<FilterBar columns={[]} value={(k) => params[k]} onChange={onChange} domain="market" related={related} />, { wrapper: IntlWrapper });
    expect(screen.getByTestId('filter-has-orders').textContent).toBe('Orders');
    expect(screen.getByTestId('filter-has-reviews').textContent).toBe('Reviews');
    expect(screen.getByTestId('filter-has-tickets').textContent).toBe('Tickets: none'); // the third, shown because it is set
    openChip('has-orders');
    fireEvent.click(screen.getByLabelText('Has orders'));
    expect(onChange).toHaveBeenLastCalledWith({ 'has.orders': 'true' });
    fireEvent.click(screen.getByTestId('filter-clear-has-tickets'));
    expect(onChange).toHaveBeenLastCalledWith({ 'has.tickets': undefined });
  });
});
