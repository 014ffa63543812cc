// @vitest-environment happy-dom
import { cleanup, fireEvent, render as rtlRender, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InternalActionButton, InternalActions } from '../../src/components/internal-actions';
import { IntlWrapper } from '../support/intl';

const render = (ui: ReactElement) => rtlRender(ui, { wrapper: IntlWrapper });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const summary = { name: 'regenerate-summary', label: 'Regenerate summary', scope: 'row' as const };
const notify = { name: 'send-notification', label: 'Send notification', scope: 'row' as const, confirm: 'Send it to subscribers?' };

function mockFetch(...answers: { status: number; json: unknown }[]) {
  const calls: { url: string; body: Record<string, unknown> }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return new Response(JSON.stringify(answer.json), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

describe('InternalActionButton', () => {
  it("posts the action with the record id and a fresh key per click, and shows the service's message", async () => {
    const calls = mockFetch({
      status: 200,
      json: { ok: true, status: 200, body: { message: 'Summary of post 7 regenerated (120 words).', summary: 'A summary.' } },
    });
    render(<InternalActionButton domain="blog" resource="posts" recordId="7" action={summary} />);
    fireEvent.click(screen.getByTestId('internal-action-regenerate-summary-run'));
    const result = await screen.findByTestId('internal-action-regenerate-summary-result');
    expect(result.dataset.kind).toBe('ok');
    expect(result.textContent).toContain('Summary of post 7 regenerated (120 words).');
    expect(result.textContent).toContain('"summary": "A summary."');
    expect(calls[0]!.url).toBe('/api/internal-actions/blog/posts');
    expect(calls[0]!.body).toMatchObject({ action: 'regenerate-summary', recordId: '7', idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    fireEvent.click(screen.getByTestId('internal-action-regenerate-summary-run'));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.body.idempotencyKey).not.toBe(calls[0]!.body.idempotencyKey); // a new click is a new request
  });

  it('asks for confirmation first when the action declares one', async () => {
    const calls = mockFetch({ status: 200, json: { ok: true, status: 200, body: { notificationId: 'ntf_1' } } });
    render(<InternalActionButton domain="blog" resource="posts" recordId="7" action={notify} />);
    fireEvent.click(screen.getByTestId('internal-action-send-notification-run'));
    expect(screen.getByTestId('internal-action-send-notification-confirm-text').textContent).toBe('Send it to subscribers?');
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByTestId('internal-action-send-notification-confirm'));
    expect((await screen.findByTestId('internal-action-send-notification-result')).textContent).toContain('Send notification: done.');
    expect(calls).toHaveLength(1);
  });

  it('shows the error, and retries a temporary failure with the same idempotency key', async () => {
    const calls = mockFetch(
      { status: 504, json: { error: 'The blog service did not answer "regenerate-summary" within 10 s.', kind: 'timeout', retryable: true } },
      { status: 200, json: { ok: true, status: 200, body: { message: 'Done at last.' } } },
    );
    render(<InternalActionButton domain="blog" resource="posts" recordId="7" action={summary} />);
    fireEvent.click(screen.getByTestId('internal-action-regenerate-summary-run'));
    const error = await screen.findByTestId('internal-action-regenerate-summary-result');
    expect(error.dataset.kind).toBe('error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('did not answer "regenerate-summary" within 10 s.');
    fireEvent.click(screen.getByTestId('internal-action-regenerate-summary-retry'));
    await waitFor(() => expect(screen.getByTestId('internal-action-regenerate-summary-result').textContent).toContain('Done at last.'));
    expect(calls[1]!.body.idempotencyKey).toBe(calls[0]!.body.idempotencyKey);
  });

  it('offers no retry for a refusal that will not change', async () => {
    mockFetch({ status: 403, json: { error: 'You may not run internal actions on posts in Blog: that needs the admin role.' } });
    render(<InternalActionButton domain="blog" resource="posts" recordId="7" action={summary} />);
    fireEvent.click(screen.getByTestId('internal-action-regenerate-summary-run'));
    expect((await screen.findByTestId('internal-action-regenerate-summary-result')).textContent).toContain(
      'You may not run internal actions on posts in Blog: that needs the admin role.',
    );
    expect(screen.queryByTestId('internal-action-regenerate-summary-retry')).toBeNull();
  });

  it('says so when the hub itself does not answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    render(<InternalActionButton domain="blog" resource="posts" recordId="7" action={summary} />);
    fireEvent.click(screen.getByTestId('internal-action-regenerate-summary-run'));
    expect((await screen.findByTestId('internal-action-regenerate-summary-result')).textContent).toContain('the hub did not answer. Retrying is safe.');
    expect(screen.getByTestId('internal-action-regenerate-summary-retry')).toBeTruthy();
  });
});

describe('InternalActions', () => {
  it('shows row actions on a record page and resource actions without a record', () => {
    const actions = {
      ...Object.fromEntries([summary, notify].map(({ name, ...a }) => [name, a])),
      'rebuild-index': { label: 'Rebuild index', scope: 'resource' as const },
    };
    const { unmount } = render(<InternalActions domain="blog" resource="posts" recordId="7" actions={actions} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Regenerate summary', 'Send notification']);
    unmount();
    render(<InternalActions domain="blog" resource="posts" actions={actions} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Rebuild index']);
  });
});
