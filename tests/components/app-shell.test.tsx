// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppShell, domainFromPath, findActiveHref, resolveResourceIcon, resourceIcons } from '../../src/components/shell';
import type { ShellDomain } from '../../src/components/shell';

const nav = vi.hoisted(() => ({ pathname: '/d/blog/posts/42', push: vi.fn() }));
vi.mock('next/navigation', () => ({
  usePathname: () => nav.pathname,
  useRouter: () => ({ push: nav.push, replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh: vi.fn() }),
}));

afterEach(cleanup);
beforeEach(() => {
  nav.pathname = '/d/blog/posts/42';
  nav.push.mockReset();
});

const domains: ShellDomain[] = [
  {
    name: 'blog',
    label: 'Blog',
    healthy: true,
    resources: [
      { name: 'posts', label: 'Posts', href: '/d/blog/posts', icon: 'file-text' },
      { name: 'authors', label: 'Authors', href: '/d/blog/authors', icon: 'users' },
      { name: 'comments', label: 'Comments', href: '/d/blog/comments', icon: 'no-such-icon' },
    ],
  },
  {
    name: 'market',
    label: 'Market',
    healthy: false,
    resources: [{ name: 'orders', label: 'Orders', href: '/d/market/orders', icon: 'shopping-cart' }],
  },
];

function renderShell() {
  return render(
    <AppShell domains={domains} topBar={<span>Top bar content</span>}>
      <p>Page body</p>
    </AppShell>,
  );
}

describe('AppShell', () => {
  it('lists every domain with its resources, the children and the top bar', () => {
    renderShell();
    const navEl = screen.getByRole('navigation', { name: 'Domains and resources' });
    expect(
      within(navEl)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Bloghealthy', 'Posts', 'Authors', 'Comments', 'Marketunavailable', 'Orders']);
    expect(screen.getByTestId('nav-market-orders').getAttribute('href')).toBe('/d/market/orders');
    expect(screen.getByText('Page body')).toBeTruthy();
    expect(screen.getByText('Top bar content')).toBeTruthy();
  });

  it('highlights the resource containing the current path, and only it', () => {
    renderShell();
    const current = screen.getAllByRole('link').filter((a) => a.getAttribute('aria-current') === 'page');
    expect(current).toHaveLength(1);
    expect(current[0]!.textContent).toBe('Posts');
  });

  it('highlights the domain home on /d/<domain>', () => {
    nav.pathname = '/d/market';
    renderShell();
    const current = screen.getAllByRole('link').filter((a) => a.getAttribute('aria-current') === 'page');
    expect(current.map((a) => a.getAttribute('href'))).toEqual(['/d/market']);
  });

  it('maps icon names through the fixed map and falls back for unknown names', () => {
    renderShell();
    expect(screen.getByTestId('nav-blog-posts').querySelector('svg')!.getAttribute('class')).toContain('lucide-file-text');
    expect(screen.getByTestId('nav-blog-authors').querySelector('svg')!.getAttribute('class')).toContain('lucide-users');
    expect(screen.getByTestId('nav-blog-comments').querySelector('svg')!.getAttribute('class')).toContain('lucide-table');
    expect(resolveResourceIcon('shopping-cart')).toBe(resourceIcons['shopping-cart']);
    expect(resolveResourceIcon('toString')).toBe(resourceIcons.table); // not an own key
  });

  it('the domain switcher shows the current domain and navigates to /d/<domain>', () => {
    renderShell();
    const select = screen.getByTestId('domain-switcher') as HTMLSelectElement;
    expect(select.value).toBe('blog');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['Blog', 'Market (unavailable)']);
    fireEvent.change(select, { target: { value: 'market' } });
    expect(nav.push).toHaveBeenCalledExactlyOnceWith('/d/market');
  });

  it('opens the drawer from the menu button and closes it with Escape and on navigation', () => {
    const { rerender } = renderShell();
    const sidebar = screen.getByTestId('sidebar');
    const menu = screen.getByTestId('drawer-open');
    expect(sidebar.getAttribute('data-open')).toBe('false');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(menu.getAttribute('aria-controls')).toBe(sidebar.id);

    fireEvent.click(menu);
    expect(sidebar.getAttribute('data-open')).toBe('true');
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('drawer-close'));

    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(sidebar.getAttribute('data-open')).toBe('false');
    expect(document.activeElement).toBe(menu);

    fireEvent.click(menu);
    expect(sidebar.getAttribute('data-open')).toBe('true');
    nav.pathname = '/d/blog/authors';
    rerender(
      <AppShell domains={domains} topBar={<span>Top bar content</span>}>
        <p>Page body</p>
      </AppShell>,
    );
    expect(sidebar.getAttribute('data-open')).toBe('false');
  });

  it('says so when the operator may see no domain', () => {
    render(<AppShell domains={[]}>body</AppShell>);
    expect(screen.getByText('No domains are available to you.')).toBeTruthy();
    expect(screen.queryByTestId('domain-switcher')).toBeNull();
  });
});

describe('path helpers', () => {
  it('picks the longest matching href and ignores look-alike prefixes', () => {
    expect(findActiveHref('/d/blog/posts/1', ['/d/blog', '/d/blog/posts'])).toBe('/d/blog/posts');
    expect(findActiveHref('/d/blog/posts/1', ['/d/blog/posts', '/d/blog'])).toBe('/d/blog/posts');
    expect(findActiveHref('/d/blog/posts/', ['/d/blog/posts/', '/d/blog'])).toBe('/d/blog/posts/');
    expect(findActiveHref('/d/blog/postsarchive', ['/d/blog', '/d/blog/posts'])).toBe('/d/blog');
    expect(findActiveHref('/elsewhere', ['/d/blog'])).toBeNull();
    expect(domainFromPath('/d/market/orders')).toBe('market');
    expect(domainFromPath('/settings')).toBeNull();
  });
});
