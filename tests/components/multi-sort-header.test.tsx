// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminResourceTable } from '../../src/components/admin-resource-table';
import type { ResourceColumn, ResourceSort, SortKey } from '../../src/components/admin-resource-table';
import { nextSortKeys } from '../../src/components/admin-resource-table/sort-header';
import { IntlWrapper } from '../support/intl';

vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/d/market/orders',
}));

afterEach(() => cleanup());

interface Order {
  id: number;
  status: string;
  total: number;
  note: string;
}

const rows: Order[] = [
  { id: 1, status: 'paid', total: 10, note: 'a' },
  { id: 2, status: 'pending', total: 5, note: 'b' },
];

const columns: Array<ResourceColumn<Order>> = [
  { key: 'id', header: 'Order', sortable: true },
  { key: 'status', header: 'Status', sortable: true },
  { key: 'total', header: 'Total', sortable: true },
  { key: 'note', header: 'Note', sortable: true },
];

function renderWith(keys: SortKey[], handlers: Partial<ResourceSort> = {}) {
  const sort: ResourceSort = { key: keys[0]!.key, direction: keys[0]!.direction, keys, onSortChange: vi.fn(), onSortKeysChange: vi.fn(), ...handlers };
  render(<AdminResourceTable title="Orders" columns={columns} rows={rows} rowKey={(o) => String(o.id)} sort={sort} />, { wrapper: IntlWrapper });
  return sort;
}

const header = (name: RegExp) => screen.getByRole('columnheader', { name });

describe('multi-column sort in the header', () => {
  it('shift-click adds a column after the others, ascending', () => {
    const sort = renderWith([{ key: 'status', direction: 'desc' }]);
    fireEvent.click(screen.getByTestId('sort-total'), { shiftKey: true });
    expect(sort.onSortKeysChange).toHaveBeenCalledWith([
      { key: 'status', direction: 'desc' },
      { key: 'total', direction: 'asc' },
    ]);
    expect(sort.onSortChange).not.toHaveBeenCalled();
  });

  it('shift-click on a column already sorted by flips its direction in place', () => {
    const sort = renderWith([
      { key: 'status', direction: 'desc' },
      { key: 'total', direction: 'asc' },
    ]);
    fireEvent.click(screen.getByTestId('sort-total'), { shiftKey: true });
    expect(sort.onSortKeysChange).toHaveBeenLastCalledWith([
      { key: 'status', direction: 'desc' },
      { key: 'total', direction: 'desc' },
    ]);
    fireEvent.click(screen.getByTestId('sort-status'), { shiftKey: true });
    expect(sort.onSortKeysChange).toHaveBeenLastCalledWith([
      { key: 'status', direction: 'asc' },
      { key: 'total', direction: 'asc' },
    ]);
  });

  it('a plain click sorts by that column alone', () => {
    const sort = renderWith([
      { key: 'status', direction: 'desc' },
      { key: 'total', direction: 'asc' },
    ]);
    fireEvent.click(screen.getByTestId('sort-total'));
    expect(sort.onSortChange).toHaveBeenCalledWith('total', 'asc');
    fireEvent.click(screen.getByTestId('sort-status'));
    expect(sort.onSortChange).toHaveBeenLastCalledWith('status', 'asc');
    expect(sort.onSortKeysChange).not.toHaveBeenCalled();
  });

  it('numbers the sort columns, and marks only the primary one with aria-sort', () => {
    renderWith([
      { key: 'total', direction: 'asc' },
      { key: 'status', direction: 'desc' },
    ]);
    expect(screen.getByTestId('sort-position-total').textContent).toBe('1');
    expect(screen.getByTestId('sort-position-status').textContent).toBe('2');
    expect(screen.queryByTestId('sort-position-note')).toBeNull();
    expect(header(/Total/).getAttribute('aria-sort')).toBe('ascending');
    expect(header(/Status/).getAttribute('aria-sort')).toBe('none');
    expect(header(/Status/).textContent).toContain('sorted second, descending');
    expect(header(/Note/).getAttribute('aria-sort')).toBe('none');
  });

  it('shows no numbers for a one-column sort', () => {
    renderWith([{ key: 'status', direction: 'asc' }]);
    expect(screen.queryByTestId('sort-position-status')).toBeNull();
    expect(header(/Status/).getAttribute('aria-sort')).toBe('ascending');
  });

  it('without onSortKeysChange, a shift-click is a plain click', () => {
    const sort = renderWith([{ key: 'status', direction: 'asc' }], { onSortKeysChange: undefined });
    fireEvent.click(screen.getByTestId('sort-total'), { shiftKey: true });
    expect(sort.onSortChange).toHaveBeenCalledWith('total', 'asc');
  });

  it('a full sort replaces its last column with the one added', () => {
    const full: SortKey[] = [
      { key: 'status', direction: 'asc' },
      { key: 'total', direction: 'desc' },
      { key: 'note', direction: 'asc' },
    ];
    const sort = renderWith(full, { maxKeys: 3 });
    fireEvent.click(screen.getByTestId('sort-id'), { shiftKey: true });
    expect(sort.onSortKeysChange).toHaveBeenCalledWith([full[0], full[1], { key: 'id', direction: 'asc' }]);
    expect(nextSortKeys(full.slice(0, 1), 'id', 3)).toEqual([full[0], { key: 'id', direction: 'asc' }]);
  });
});
