// @vitest-environment happy-dom
import { cleanup, fireEvent, render as rtlRender, screen, within } from '@testing-library/react';
import { createFormatter, createTranslator } from 'next-intl';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainCardSkeleton, DomainCardView } from '../../src/components/dashboard/domain-card';
import { change, dashboardFormat } from '../../src/components/dashboard/format';
import { WidgetPanel } from '../../src/components/dashboard/widget-panel';
import { chartData, seriesOf } from '../../src/components/dashboard/widget-chart';
import type { ClientWidget } from '../../src/engine/dashboard/types';
import en from '../../src/i18n/messages/en';
import ko from '../../src/i18n/messages/ko';
import { IntlWrapper } from '../support/intl';

const render = (ui: ReactElement) => rtlRender(ui, { wrapper: IntlWrapper });
const t = createTranslator({ locale: 'en', messages: en, namespace: 'dashboard' });
const { bytes: formatBytes, x: formatX } = dashboardFormat(createFormatter({ locale: 'en', timeZone: 'UTC' }), (key, values) => t(key, values));

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh, push: vi.fn(), replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn() }) }));
// The refresh Server Action is not reachable from a unit test; these widgets do not refresh.
vi.mock('../../src/web/dashboard-actions', () => ({ refreshWidget: vi.fn() }));

afterEach(() => {
  cleanup();
  refresh.mockReset();
});

const at = '2026-01-02T03:04:05.000Z';

describe('dashboard components', () => {
  it('draws a running last day apart: a line ends on the last whole day and its dash carries on; bars keep their value', () => {
    const display = {
      kind: 'bar' as const,
      xColumn: 'day',
      partialLast: true,
      yColumns: [{ column: 'orders' }, { column: 'revenue', kind: 'line' as const }],
    };
    const rows = [
      { day: '2026-11-30', orders: 40, revenue: '120.50' },
      { day: '2026-12-01', orders: 42, revenue: '130.00' },
      { day: '2026-12-02', orders: 3, revenue: '9.90' },
    ];
    const data = chartData(display, seriesOf(display), rows);
    expect(data.map((p) => [p.__x, p.orders, p.revenue, p.revenue__partial])).toEqual([
      ['2026-11-30', 40, 120.5, undefined],
      ['2026-12-01', 42, 130, 130],
      ['2026-12-02', 3, null, 9.9],
    ]);
    expect(chartData({ ...display, partialLast: false }, seriesOf(display), rows).at(-1)).toEqual({ __x: '2026-12-02', orders: 3, revenue: 9.9 });
  });

  it('a failed domain card keeps its test id, shows the reason and the pool, and Retry refreshes the page', () => {
    render(
      <DomainCardView
        domain="market"
        result={{
          ok: false,
          reason: 'unavailable',
          error: 'Domain "market": nothing accepts connections at db:5432 (connection refused).',
          ms: 3,
          at,
          pool: { max: 10, total: 0, idle: 0, waiting: 0 },
        }}
      />,
    );
    const card = screen.getByTestId('domain-market');
    expect(card.getAttribute('data-state')).toBe('error');
    expect(within(card).getByRole('alert').textContent).toContain('Domain "market": nothing accepts connections at db:5432 (connection refused).');
    expect(within(card).getByTestId('domain-health').textContent).toBe('unreachable');
    expect(within(card).getByTestId('domain-pool').textContent).toBe('0 in use · 0 idle · 0 waiting');
    fireEvent.click(within(card).getByTestId('dashboard-retry'));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('a skeleton card has the same test id, busy', () => {
    render(<DomainCardSkeleton domain="blog" />);
    expect(screen.getByTestId('domain-blog').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('domain-blog').getAttribute('data-state')).toBe('loading');
  });

  it('a number widget shows the value and the change in percent; a timed-out one its reason and Retry', () => {
    const widget: ClientWidget = {
      id: 'n',
      title: 'Orders today',
      domain: 'market',
      display: { kind: 'number', valueColumn: 'today', previousColumn: 'yesterday', previousLabel: 'yesterday', format: 'integer' },
    };
    const { unmount } = render(<WidgetPanel widget={widget} initial={{ ok: true, rows: [{ today: 1250, yesterday: '1000' }], ms: 4, at }} />);
    expect(screen.getByTestId('widget-value').textContent).toBe('1,250');
    expect(screen.getByTestId('widget-change').textContent).toBe('+25%vs 1,000 yesterday');
    unmount();
    render(
      <WidgetPanel
        widget={widget}
        initial={{ ok: false, reason: 'timeout', error: 'Widget "Orders today" (market): no answer within 3000 ms.', ms: 3000, at }}
      />,
    );
    expect(screen.getByTestId('widget-n').getAttribute('data-state')).toBe('error');
    expect(screen.getByTestId('dashboard-error-message').textContent).toBe('Widget "Orders today" (market): no answer within 3000 ms.');
    fireEvent.click(screen.getByTestId('dashboard-retry'));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('a table widget formats declared number columns', () => {
    const widget: ClientWidget = {
      id: 't',
      title: 'Top',
      domain: 'market',
      display: { kind: 'table', columns: ['customer', { column: 'revenue', label: 'Revenue', format: { currency: 'EUR' } }] },
    };
    render(<WidgetPanel widget={widget} initial={{ ok: true, rows: [{ customer: 'Ada', revenue: '1234.5' }], ms: 1, at }} />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['customer', 'Revenue']);
    expect(screen.getAllByRole('cell').map((td) => td.textContent)).toEqual(['Ada', '€1,234.50']);
  });

  it('formats bytes, days and changes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    // A day is a calendar day in the operator's language (next-intl's formatter: "en", no longer a fixed en-GB).
    expect(formatX('2026-03-04')).toBe('Mar 4');
    expect(formatX('n/a')).toBe('n/a');
    expect(change(110, 100)).toBeCloseTo(0.1);
    expect(change(5, 0)).toBeNull();
  });

  it('formats in Korean, in Seoul: days, bytes, currencies with their own minor units, and numeric text to the last digit', () => {
    const tk = createTranslator({ locale: 'ko', messages: ko, namespace: 'dashboard' });
    const f = dashboardFormat(createFormatter({ locale: 'ko', timeZone: 'Asia/Seoul' }), (key, values) => tk(key, values));
    expect(f.x('2026-03-04')).toBe('3월 4일');
    expect(f.bytes(512)).toBe('512바이트');
    expect(f.number(1234567.5, { currency: 'KRW' })).toBe('₩1,234,568');
    expect(f.number(1234567.5, { currency: 'EUR' })).toBe('€1,234,567.50');
    expect(f.cell('12345678901234567890', 'integer')).toBe('12,345,678,901,234,567,890');
    expect(f.compact(12500)).toBe('1.3만');
    expect(f.dateTime('2026-11-01T10:30:00Z')).toContain('GMT+9');
    const english = dashboardFormat(createFormatter({ locale: 'en', timeZone: 'UTC' }), (key, values) => t(key, values));
    expect(english.number(1234567.5, { currency: 'KRW' })).toBe('₩1,234,568');
    expect(english.number(1234567.5, { currency: 'EUR' })).toBe('€1,234,567.50');
    expect(english.signedPercent(0.25)).toBe('+25%');
  });
});
