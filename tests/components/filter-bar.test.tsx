// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayBoundary, FilterBar } from '../../src/components/resource-list/filter-bar';
import { parseDateTime } from '../../src/engine/values/datetime';
import { resolveResource } from '../../src/engine/resources/define';

afterEach(cleanup);

const orders = resolveResource({
  domain: 'market',
  name: 'orders',
  table: 'orders',
  title: 'Orders',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'created_at', type: 'datetime', label: 'Created' },
    { name: 'day', type: 'date', filter: 'range' },
  ],
});

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

  it('sends the bounds with the browser offset and shows the day alone; a date column keeps plain dates', () => {
    const onChange = vi.fn();
    const params: Record<string, string> = { 'f.created_at.min': '2024-02-01T00:00:00+09:00' };
    render(<FilterBar columns={orders.columns} value={(k) => params[k]} onChange={onChange} />);
    const from = screen.getByLabelText('Created from') as HTMLInputElement;
    expect(from.value).toBe('2024-02-01');
    const to = screen.getByLabelText('Created to');
    fireEvent.change(to, { target: { value: '2024-02-29' } });
    fireEvent.blur(to);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(onChange).toHaveBeenLastCalledWith({ 'f.created_at.max': dayBoundary('2024-02-29', 'max', zone) });

    const dayTo = screen.getByLabelText('Day to');
    fireEvent.change(dayTo, { target: { value: '2024-02-29' } });
    fireEvent.blur(dayTo);
    expect(onChange).toHaveBeenLastCalledWith({ 'f.day.max': '2024-02-29' });
  });
});
