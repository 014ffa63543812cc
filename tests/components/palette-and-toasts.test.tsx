// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { createTranslator } from 'next-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toastBulkOutcome } from '../../src/components/resource-list/bulk-toast';
import type { BulkRunState } from '../../src/components/resource-list/use-bulk-run';
import { matchCommands } from '../../src/components/search/match-commands';
import { readRecent, rememberRecent } from '../../src/components/search/recent-items';
import { parkFlash } from '../../src/components/ui/flash';
import { Toaster } from '../../src/components/ui/toaster';
import en from '../../src/i18n/messages/en';
import { IntlWrapper } from '../support/intl';

const nav = vi.hoisted(() => ({ pathname: '/d/blog/tags/7' }));
vi.mock('next/navigation', () => ({ usePathname: () => nav.pathname }));

afterEach(cleanup);
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  nav.pathname = '/d/blog/tags/7';
});

describe('palette helpers', () => {
  const commands = [
    { id: 'go:/d/market/orders', label: 'Open Orders', href: '/d/market/orders', hint: 'Market', keywords: ['orders', 'market'] },
    { id: 'new:/d/blog/posts', label: 'New post', href: '/d/blog/posts/new', hint: 'Blog', keywords: ['posts', 'blog', 'create'] },
  ];

  it('matches every typed word, in any order and case, against label, hint and keywords', () => {
    expect(matchCommands(commands, '').map((c) => c.id)).toEqual(commands.map((c) => c.id));
    expect(matchCommands(commands, 'ORD').map((c) => c.label)).toEqual(['Open Orders']);
    expect(matchCommands(commands, 'blog new').map((c) => c.label)).toEqual(['New post']);
    expect(matchCommands(commands, 'create market')).toEqual([]);
  });

  it('keeps recent items newest first, without duplicates, at most six, and ignores foreign or broken entries', () => {
    for (let i = 1; i <= 8; i++) rememberRecent({ label: `Post ${i}`, href: `/d/blog/posts/${i}` });
    rememberRecent({ label: 'Post 3', href: '/d/blog/posts/3' });
    expect(readRecent().map((r) => r.label)).toEqual(['Post 3', 'Post 8', 'Post 7', 'Post 6', 'Post 5', 'Post 4']);
    localStorage.setItem('hub:palette-recent', JSON.stringify([{ label: 'x', href: '//evil.example' }, { label: 'ok', href: '/d/a' }, 'junk']));
    expect(readRecent().map((r) => r.href)).toEqual(['/d/a']);
    localStorage.setItem('hub:palette-recent', '{not json');
    expect(readRecent()).toEqual([]);
  });
});

describe('toasts', () => {
  const run = (over: Partial<BulkRunState>): BulkRunState => ({
    label: 'Delete 3 rows',
    total: 3,
    processed: 3,
    done: 3,
    failed: [],
    status: 'done',
    request: { action: 'delete', label: 'Delete 3 rows' },
    ...over,
  });

  it('says how a bulk run ended', async () => {
    const list = createTranslator({ locale: 'en', messages: en, namespace: 'list' });
    render(<Toaster />, { wrapper: IntlWrapper });
    act(() => toastBulkOutcome(run({}), list));
    expect((await screen.findByText('Delete 3 rows: 3 of 3 done.')).closest('[data-testid="bulk-toast"]')).not.toBeNull();
    act(() => toastBulkOutcome(run({ done: 2, failed: [{ id: '9', reason: 'refused' }] }), list));
    expect(await screen.findByText('Delete 3 rows: 2 of 3 done, 1 refused.')).toBeTruthy();
    act(() => toastBulkOutcome(run({ status: 'stopped', done: 1, message: 'Cancelled.' }), list));
    expect(await screen.findByText('Delete 3 rows stopped: 1 of 3 done.')).toBeTruthy();
  });

  it('shows a toast parked before a redirect only once the tab is on its page, and only once', async () => {
    parkFlash({ message: 'Deleted Tag 7 for good.', path: '/d/blog/tags' });
    const { rerender } = render(<Toaster />, { wrapper: IntlWrapper });
    await act(async () => undefined);
    expect(screen.queryByText('Deleted Tag 7 for good.')).toBeNull();
    nav.pathname = '/d/blog/tags';
    rerender(<Toaster />);
    expect(await screen.findByText('Deleted Tag 7 for good.')).toBeTruthy();
    expect(sessionStorage.getItem('hub:flash')).toBeNull();
  });
});
