// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppShell, domainFromPath, findActiveHref, resolveResourceIcon, resourceIcons } from '../../src/components/shell';
import type { ShellDomain } from '../../src/components/shell';
import { IntlWrapper } from '../support/intl';

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
    { wrapper: IntlWrapper },
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

  it('has no domain select above the sidebar, and with two domains no filter and no folding', () => {
    renderShell();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByTestId('sidebar-filter')).toBeNull();
    expect(screen.queryByTestId('nav-toggle-blog')).toBeNull();
  });

  it('with more than two domains folds all but the current one and filters by domain or resource', () => {
    const more: ShellDomain[] = [...domains, { name: 'crm', label: 'Crm', resources: [{ name: 'leads', label: 'Leads', href: '/d/crm/leads' }] }];
    render(<AppShell domains={more}>body</AppShell>, { wrapper: IntlWrapper });
    // Only blog (the current path's domain) starts open.
    expect(screen.getByTestId('nav-blog-posts')).toBeTruthy();
    expect(screen.queryByTestId('nav-market-orders')).toBeNull();
    const marketToggle = screen.getByTestId('nav-toggle-market');
    expect(marketToggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(marketToggle);
    expect(marketToggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('nav-market-orders')).toBeTruthy();
    fireEvent.click(screen.getByTestId('nav-toggle-blog'));
    expect(screen.queryByTestId('nav-blog-posts')).toBeNull();

    // The filter opens every matching section: a resource name, then a domain name.
    const filter = screen.getByTestId('sidebar-filter');
    fireEvent.change(filter, { target: { value: 'lea' } });
    expect(screen.getByTestId('nav-crm-leads')).toBeTruthy();
    expect(screen.queryByTestId('nav-domain-blog')).toBeNull();
    expect(screen.queryByTestId('nav-domain-market')).toBeNull();
    fireEvent.change(filter, { target: { value: 'blog' } });
    expect(
      within(screen.getByTestId('sidebar-nav'))
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/d/blog', '/d/blog/posts', '/d/blog/authors', '/d/blog/comments']);
    fireEvent.change(filter, { target: { value: 'zzz' } });
    expect(screen.getByText('Nothing matches.')).toBeTruthy();
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
    // The covered page is inert while the drawer is open.
    expect(screen.getByText('Page body').closest('[inert]')).not.toBeNull();

    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(sidebar.getAttribute('data-open')).toBe('false');
    expect(document.activeElement).toBe(menu);
    expect(screen.getByText('Page body').closest('[inert]')).toBeNull();

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
    render(<AppShell domains={[]}>body</AppShell>, { wrapper: IntlWrapper });
    expect(screen.getByText('No domains are available to you.')).toBeTruthy();
    expect(screen.queryByTestId('sidebar-filter')).toBeNull();
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
