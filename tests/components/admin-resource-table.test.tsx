// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminResourceTable } from '../../src/components/admin-resource-table';
import type { AdminResourceTableProps, ResourceColumn, ResourcePagination } from '../../src/components/admin-resource-table';
import { IntlWrapper } from '../support/intl';

const push = vi.fn();
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push, replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/d/blog/posts',
}));

// No `globals: true` config, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
beforeEach(() => push.mockReset());

interface Post {
  id: number;
  title: string;
  author: string | null;
  status: string;
}

const posts: Post[] = [
  { id: 1, title: 'Hello world', author: 'ada', status: 'published' },
  { id: 2, title: 'Second post', author: null, status: 'draft' },
  { id: 3, title: 'Third post', author: 'bob', status: 'published' },
];

const columns: Array<ResourceColumn<Post>> = [
  { key: 'id', header: 'ID', sortable: true },
  { key: 'title', header: 'Title', sortable: true, render: (p) => <strong>{p.title.toUpperCase()}</strong> },
  { key: 'author', header: 'Author' },
  { key: 'status', header: 'Status', hidden: true },
];

function renderTable(overrides: Partial<AdminResourceTableProps<Post>> = {}) {
  const props: AdminResourceTableProps<Post> = {
    title: 'Posts',
    columns,
    rows: posts,
    rowKey: (p) => String(p.id),
    ...overrides,
  };
  return render(<AdminResourceTable {...props} />, { wrapper: IntlWrapper });
}

const headerTexts = () => screen.getAllByRole('columnheader').map((th) => th.textContent?.trim());
const rowEls = () => screen.getAllByTestId('resource-row');

describe('rows and columns', () => {
  it('renders a header per visible column and a row per item, using render() and the default formatter', () => {
    renderTable({ subtitle: 'Everything in blog.posts' });
    expect(screen.getByRole('heading', { level: 1, name: 'Posts' })).toBeTruthy();
    expect(screen.getByText('Everything in blog.posts')).toBeTruthy();
    expect(headerTexts()).toEqual(['ID', 'Title', 'Author']); // Status is hidden by default
    expect(rowEls()).toHaveLength(3);
    const first = within(rowEls()[0]!)
      .getAllByRole('cell')
      .map((td) => td.textContent);
    expect(first).toEqual(['1', 'HELLO WORLD', 'ada']);
    // SQL NULL renders as a muted dash with a text equivalent, not as an empty string.
    const second = within(rowEls()[1]!).getAllByRole('cell');
    expect(second[2]!.textContent).toBe('—empty');
  });
});

describe('sorting', () => {
  it('marks the active column with aria-sort and asks for the flipped direction', () => {
    const onSortChange = vi.fn();
    const { rerender } = renderTable({ sort: { key: 'id', direction: 'asc', onSortChange } });
    const idHeader = screen.getByRole('columnheader', { name: /ID/ });
    const titleHeader = screen.getByRole('columnheader', { name: /Title/ });
    const authorHeader = screen.getByRole('columnheader', { name: 'Author' });
    expect(idHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(titleHeader.getAttribute('aria-sort')).toBe('none');
    expect(authorHeader.hasAttribute('aria-sort')).toBe(false); // not sortable: no button, no aria-sort
    expect(within(authorHeader).queryByRole('button')).toBeNull();

    fireEvent.click(screen.getByTestId('sort-id'));
    expect(onSortChange).toHaveBeenLastCalledWith('id', 'desc');
    fireEvent.click(screen.getByTestId('sort-title'));
    expect(onSortChange).toHaveBeenLastCalledWith('title', 'asc');

    rerender(
      <AdminResourceTable title="Posts" columns={columns} rows={posts} rowKey={(p) => String(p.id)} sort={{ key: 'id', direction: 'desc', onSortChange }} />,
    );
    expect(screen.getByRole('columnheader', { name: /ID/ }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-id'));
    expect(onSortChange).toHaveBeenLastCalledWith('id', 'asc');
    expect(onSortChange).toHaveBeenCalledTimes(3);
  });
});

describe('search', () => {
  it('debounces typing into one onChange call with the last value', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    renderTable({ search: { value: '', onChange, placeholder: 'Search posts' } });
    const input = screen.getByTestId('resource-search') as HTMLInputElement;
    expect(input.placeholder).toBe('Search posts');
    fireEvent.change(input, { target: { value: 'h' } });
    act(() => vi.advanceTimersByTime(100));
    fireEvent.change(input, { target: { value: 'he' } });
    act(() => vi.advanceTimersByTime(100));
    fireEvent.change(input, { target: { value: 'hel' } });
    act(() => vi.advanceTimersByTime(200));
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(60));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith('hel');
    act(() => vi.advanceTimersByTime(1000));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('reports at once on Enter and does not report again when the timer would have fired', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    renderTable({ search: { value: '', onChange } });
    const input = screen.getByTestId('resource-search');
    fireEvent.change(input, { target: { value: 'draft' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledExactlyOnceWith('draft');
    act(() => vi.advanceTimersByTime(1000));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('takes a new value from the page (e.g. "clear filters") into the field', () => {
    const onChange = vi.fn();
    const { rerender } = renderTable({ search: { value: 'old', onChange } });
    expect((screen.getByTestId('resource-search') as HTMLInputElement).value).toBe('old');
    rerender(<AdminResourceTable title="Posts" columns={columns} rows={posts} rowKey={(p) => String(p.id)} search={{ value: '', onChange }} />);
    expect((screen.getByTestId('resource-search') as HTMLInputElement).value).toBe('');
  });
});

describe('column chooser', () => {
  it('hides and shows columns (uncontrolled) and offers hidden-by-default ones', () => {
    renderTable();
    fireEvent.click(screen.getByTestId('column-chooser'));
    const panel = screen.getByTestId('column-chooser-panel');
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(4);
    fireEvent.click(screen.getByTestId('column-toggle-author'));
    expect(headerTexts()).toEqual(['ID', 'Title']);
    fireEvent.click(screen.getByTestId('column-toggle-status'));
    expect(headerTexts()).toEqual(['ID', 'Title', 'Status']);
    expect(
      within(rowEls()[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', 'HELLO WORLD', 'published']);
  });

  it('reports keys in column order when controlled and never lets the last column go', () => {
    const onChange = vi.fn();
    const { rerender } = renderTable({ visibleColumns: { keys: ['title', 'id'], onChange } });
    expect(headerTexts()).toEqual(['ID', 'Title']);
    fireEvent.click(screen.getByTestId('column-chooser'));
    fireEvent.click(screen.getByTestId('column-toggle-status'));
    expect(onChange).toHaveBeenLastCalledWith(['id', 'title', 'status']);

    rerender(<AdminResourceTable title="Posts" columns={columns} rows={posts} rowKey={(p) => String(p.id)} visibleColumns={{ keys: ['title'], onChange }} />);
    const lastOne = screen.getByTestId('column-toggle-title') as HTMLInputElement;
    expect(lastOne.checked).toBe(true);
    expect(lastOne.disabled).toBe(true);
  });
});

describe('selection', () => {
  it('select-all adds this page and keeps other pages; the bar shows the count and bulk actions', () => {
    const onChange = vi.fn();
    const { rerender } = renderTable({ selection: { selected: ['99'], onChange, bulkActions: <button>Delete selected</button> } });
    // One key from another page is selected: the bar shows, but nothing on this page is ticked.
    expect(screen.getByTestId('selection-bar').textContent).toContain('1 selected');
    const all = screen.getByTestId('select-all') as HTMLInputElement;
    expect(all.checked).toBe(false);
    fireEvent.click(all);
    expect(onChange).toHaveBeenLastCalledWith(['99', '1', '2', '3']);

    rerender(
      <AdminResourceTable
        title="Posts"
        columns={columns}
        rows={posts}
        rowKey={(p) => String(p.id)}
        selection={{ selected: ['99', '2'], onChange, bulkActions: <button>Delete selected</button> }}
      />,
    );
    const bar = screen.getByTestId('selection-bar');
    expect(bar.textContent).toContain('2 selected');
    expect(within(bar).getByRole('button', { name: 'Delete selected' })).toBeTruthy();
    const mixed = screen.getByTestId('select-all') as HTMLInputElement;
    expect(mixed.checked).toBe(false);
    expect(mixed.indeterminate).toBe(true);
    expect(rowEls()[1]!.hasAttribute('data-selected')).toBe(true);

    // Unticking select-all clears only this page.
    rerender(
      <AdminResourceTable
        title="Posts"
        columns={columns}
        rows={posts}
        rowKey={(p) => String(p.id)}
        selection={{ selected: ['1', '2', '3', '99'], onChange }}
      />,
    );
    expect((screen.getByTestId('select-all') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('select-all'));
    expect(onChange).toHaveBeenLastCalledWith(['99']);

    fireEvent.click(screen.getByTestId('selection-clear'));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('shows no selection bar when nothing is selected, and a row checkbox toggles that row', () => {
    const onChange = vi.fn();
    renderTable({ selection: { selected: [], onChange } });
    expect(screen.queryByTestId('selection-bar')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select row 3' }));
    expect(onChange).toHaveBeenLastCalledWith(['3']);
  });
});

describe('empty, error, loading', () => {
  it('shows the empty state with its action instead of the table', () => {
    // A plain link element (next/link needs the router): linted as a page link since (hub)/[...missing] matches every path.
    // eslint-disable-next-line @next/next/no-html-link-for-pages
    renderTable({ rows: [], emptyState: { title: 'No posts yet', description: 'Write the first one.', action: <a href="/new">New post</a> } });
    const empty = screen.getByTestId('empty-state');
    expect(within(empty).getByRole('heading', { name: 'No posts yet' })).toBeTruthy();
    expect(within(empty).getByText('Write the first one.')).toBeTruthy();
    expect(within(empty).getByRole('link', { name: 'New post' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows an alert with retry instead of the table and pagination', () => {
    const retry = vi.fn();
    renderTable({
      error: { title: 'Could not load posts', message: 'connection refused', retry },
      pagination: { page: 1, pageSize: 25, total: 3, onPageChange: vi.fn() },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load posts');
    expect(alert.textContent).toContain('connection refused');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByTestId('pagination')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: /try again/i }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('renders skeleton rows while loading and marks the table busy', () => {
    renderTable({ loading: true, pagination: { page: 1, pageSize: 5, total: null, onPageChange: vi.fn() } });
    expect(screen.getAllByTestId('skeleton-row')).toHaveLength(5);
    expect(screen.queryAllByTestId('resource-row')).toHaveLength(0);
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('pagination-range').textContent).toBe('Loading…');
  });
});

describe('pagination', () => {
  const rows30 = Array.from({ length: 25 }, (_, i): Post => ({ id: 26 + i, title: `Post ${26 + i}`, author: 'x', status: 'draft' }));

  function paged(pagination: ResourcePagination, rows: Post[] = rows30) {
    return renderTable({ rows, pagination });
  }

  it('offset mode: range text, page buttons, previous/next and jump all call onPageChange', () => {
    const onPageChange = vi.fn();
    paged({ page: 2, pageSize: 25, total: 1234, onPageChange });
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 26–50 of 1,234');
    fireEvent.click(screen.getByTestId('pagination-next'));
    expect(onPageChange).toHaveBeenLastCalledWith(3);
    fireEvent.click(screen.getByTestId('pagination-previous'));
    expect(onPageChange).toHaveBeenLastCalledWith(1);
    // 1234 / 25 → 50 pages: first, neighbours of 2, last.
    expect(screen.getByTestId('pagination-page-2').getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByTestId('pagination-page-50'));
    expect(onPageChange).toHaveBeenLastCalledWith(50);
    expect(screen.queryByTestId('pagination-page-10')).toBeNull();

    fireEvent.change(screen.getByTestId('pagination-jump-input'), { target: { value: '400' } });
    fireEvent.submit(screen.getByTestId('pagination-jump'));
    expect(onPageChange).toHaveBeenLastCalledWith(50); // clamped to the last page
    fireEvent.change(screen.getByTestId('pagination-jump-input'), { target: { value: '7' } });
    fireEvent.submit(screen.getByTestId('pagination-jump'));
    expect(onPageChange).toHaveBeenLastCalledWith(7);
    expect(onPageChange).toHaveBeenCalledTimes(5);
  });

  it('offset mode: the last page is short, and next is disabled there', () => {
    const onPageChange = vi.fn();
    paged({ page: 50, pageSize: 25, total: 1234, onPageChange }, rows30.slice(0, 9));
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 1,226–1,234 of 1,234');
    expect((screen.getByTestId('pagination-next') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('pagination-previous') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offset mode with an estimated total shows the label and leaves next to the page size', () => {
    paged({ page: 1, pageSize: 25, total: null, totalLabel: 'about 1,000,000', onPageChange: vi.fn() });
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 1–25 of about 1,000,000');
    expect((screen.getByTestId('pagination-next') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId('pagination-previous') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('pagination-page-1')).toBeNull();
  });

  it('cursor mode: previous/next driven by hasNext/hasPrevious, no page numbers, and go to page', () => {
    const onNext = vi.fn();
    const onPrevious = vi.fn();
    const onPageChange = vi.fn();
    const { rerender } = paged({ page: 3, pageSize: 25, total: null, totalLabel: 'many', hasNext: true, hasPrevious: true, onNext, onPrevious, onPageChange });
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 51–75 of many');
    expect(screen.getByTestId('pagination-page').textContent).toBe('Page 3');
    fireEvent.click(screen.getByTestId('pagination-next'));
    fireEvent.click(screen.getByTestId('pagination-previous'));
    expect(onNext).toHaveBeenCalledTimes(1);
    expect(onPrevious).toHaveBeenCalledTimes(1);
    expect(onPageChange).not.toHaveBeenCalled();
    // Going to a page by number is offered here too (the one OFFSET a cursor list makes).
    fireEvent.change(screen.getByTestId('pagination-jump-input'), { target: { value: '40' } });
    fireEvent.submit(screen.getByTestId('pagination-jump'));
    expect(onPageChange).toHaveBeenCalledWith(40);

    rerender(
      <AdminResourceTable
        title="Posts"
        columns={columns}
        rows={rows30.slice(0, 4)}
        rowKey={(p) => String(p.id)}
        pagination={{ page: 4, pageSize: 25, total: null, hasNext: false, hasPrevious: true, onNext, onPrevious, onPageChange }}
      />,
    );
    expect(screen.getByTestId('pagination-range').textContent).toBe('Rows 76–79');
    expect((screen.getByTestId('pagination-next') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('headersOnly', () => {
  it('renders the header and children and no table or toolbar', () => {
    renderTable({
      headersOnly: true,
      subtitle: 'New post',
      actions: <button>Save</button>,
      search: { value: '', onChange: vi.fn() },
      children: <form aria-label="Post form">fields</form>,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Posts' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Post form' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByTestId('resource-search')).toBeNull();
    expect(screen.queryByTestId('column-chooser')).toBeNull();
  });
});

describe('keyboard and row navigation', () => {
  it('arrow keys move the focused row and Enter opens its href', () => {
    renderTable({ rowHref: (p) => `/d/blog/posts/${p.id}` });
    const [first, second, third] = rowEls();
    // Roving tabindex: only one row is in the tab order.
    expect(rowEls().map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    act(() => first!.focus());
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second!, { key: 'ArrowDown' });
    fireEvent.keyDown(third!, { key: 'ArrowDown' }); // stays on the last row
    expect(document.activeElement).toBe(third);
    fireEvent.keyDown(third!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(second);
    expect(rowEls().map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(second!, { key: 'Enter' });
    expect(push).toHaveBeenCalledExactlyOnceWith('/d/blog/posts/2');
  });

  it('a click on the row navigates, a click on a control inside it does not', () => {
    renderTable({
      rowHref: (p) => `/d/blog/posts/${p.id}`,
      selection: { selected: [], onChange: vi.fn() },
    });
    fireEvent.click(within(rowEls()[2]!).getAllByRole('cell')[1]!);
    expect(push).toHaveBeenCalledExactlyOnceWith('/d/blog/posts/3');
    push.mockReset();
    fireEvent.click(within(rowEls()[0]!).getByRole('checkbox'));
    expect(push).not.toHaveBeenCalled();
  });

  it('space toggles the focused row selection', () => {
    const onChange = vi.fn();
    renderTable({ selection: { selected: ['1'], onChange } });
    const first = rowEls()[0]!;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: ' ' });
    expect(onChange).toHaveBeenLastCalledWith([]);
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(onChange).toHaveBeenLastCalledWith(['1', '2']);
  });
});
