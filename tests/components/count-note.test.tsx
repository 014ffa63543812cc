// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminResourceTable } from '../../src/components/admin-resource-table';
import { cursorPagination } from '../../src/components/resource-list/cursor-pagination';
import { CountNote, useStreamedCount } from '../../src/components/resource-list/count-note';
import type { ListCount } from '../../src/engine/list/run-list';
import { IntlWrapper } from '../support/intl';

vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/d/blog/posts',
}));
afterEach(() => cleanup());

const rows = Array.from({ length: 50 }, (_, i) => ({ id: i + 1 }));
const estimate: ListCount = { value: 600_000, exact: false, label: 'about 600,000' };

/** The list's pagination as the list page wires it: the streamed count, and its note beside the range. */
function List({ initial, pending, onCountExactly }: { initial: ListCount; pending?: Promise<ListCount>; onCountExactly: () => void }) {
  const { count, counting } = useStreamedCount(initial, pending);
  const result = { pageSize: 50, count, next: 'n', previous: null };
  return (
    <AdminResourceTable
      title="Posts"
      columns={[{ key: 'id', header: 'Id' }]}
      rows={rows}
      rowKey={(r) => String(r.id)}
      pagination={cursorPagination(result, 1, vi.fn(), <CountNote count={count} counting={counting} onCountExactly={onCountExactly} />)}
    />
  );
}

describe('the count beside the pagination', () => {
  it('an estimate says "about N" and offers to count exactly', () => {
    const onCountExactly = vi.fn();
    render(<List initial={estimate} onCountExactly={onCountExactly} />, { wrapper: IntlWrapper });
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 1–50 of about 600,000');
    fireEvent.click(screen.getByTestId('count-exactly'));
    expect(onCountExactly).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('count-caution')).toBeNull();
  });

  it('an estimate the planner may have wrong says why, without repeating the how-to the control gives', () => {
    const caution = 'An estimate from statistics that are missing or out of date (ANALYZE fixes that). Count exactly (count=exact) for the real number.';
    render(<List initial={{ ...estimate, caution }} onCountExactly={vi.fn()} />, { wrapper: IntlWrapper });
    expect(screen.getByTestId('count-caution').textContent).toBe('An estimate from statistics that are missing or out of date (ANALYZE fixes that).');
    expect(screen.getByTestId('count-exactly')).toBeTruthy();
  });

  it('the exact count streams in after the rows: "Counting exactly…", then the number and page count', async () => {
    let resolve!: (count: ListCount) => void;
    const pending = new Promise<ListCount>((r) => (resolve = r));
    render(<List initial={estimate} pending={pending} onCountExactly={vi.fn()} />, { wrapper: IntlWrapper });
    expect(screen.getAllByTestId('resource-row')).toHaveLength(50); // the rows did not wait
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 1–50 of about 600,000');
    expect(screen.getByTestId('count-pending').textContent).toBe('Counting exactly…');
    await act(async () => resolve({ value: 600_123, exact: true, label: '600,123' }));
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 1–50 of 600,123');
    expect(screen.getByTestId('pagination-page').textContent).toBe('Page 1 of 12,003');
    expect(screen.queryByTestId('count-pending')).toBeNull();
    expect(screen.queryByTestId('count-exactly')).toBeNull();
  });

  it('a count that fails to stream leaves the estimate (and the way to ask again)', async () => {
    let reject!: (error: Error) => void;
    const pending = new Promise<ListCount>((_, r) => (reject = r));
    render(<List initial={estimate} pending={pending} onCountExactly={vi.fn()} />, { wrapper: IntlWrapper });
    await act(async () => reject(new Error('gone')));
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 1–50 of about 600,000');
    expect(screen.getByTestId('count-exactly')).toBeTruthy();
  });

  it('no count at all (count=none) shows the range alone, and no control', () => {
    render(<List initial={{ value: null, exact: false, label: '' }} onCountExactly={vi.fn()} />, { wrapper: IntlWrapper });
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 1–50');
    expect(screen.queryByTestId('count-note')).toBeNull();
  });
});
