// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditEntrySheet } from '../../src/components/audit/audit-entry-sheet';
import { RecordHistory } from '../../src/components/audit/record-history';
import { auditActionOf, auditActionWords } from '../../src/engine/audit/action-kind';
import { IntlWrapper } from '../support/intl';
import type { HistoryEntry } from '../../src/engine/audit/history';
import type { AuditSubjects } from '../../src/engine/audit/subjects';

// The Revert button's server action is not under test here (and needs a server).
vi.mock('@/web/audit-actions', () => ({ revertAuditEntryAction: vi.fn() }));

afterEach(cleanup);

describe('the action of an entry', () => {
  it('reads custom actions as custom, whether written as `custom`, `action:<name>` or `read` with a message', () => {
    expect(auditActionOf({ action: 'custom', action_name: 'toggle-active' })).toEqual({ action: 'custom', name: 'toggle-active' });
    expect(auditActionOf({ action: 'action:toggle-active' })).toEqual({ action: 'custom', name: 'toggle-active' });
    expect(auditActionOf({ action: 'read', action_name: null })).toEqual({ action: 'custom', name: undefined });
    expect(auditActionOf({ action: 'soft_delete' })).toEqual({ action: 'soft_delete', name: undefined });
    expect(auditActionWords({ action: 'custom', action_name: 'toggle-active' })).toBe('custom: toggle-active');
    expect(auditActionWords({ action: 'action:toggle-active' })).toBe('custom: toggle-active');
    expect(auditActionWords({ action: 'read' })).toBe('custom action');
    expect(auditActionWords({ action: 'internal', action_name: 'regenerate-summary' })).toBe('internal: regenerate-summary');
    expect(auditActionWords({ action: 'hard_delete' })).toBe('hard delete');
  });
});

describe('an old-style custom action entry', () => {
  const subjects: AuditSubjects = {
    'market/products': { title: 'Products', singular: 'Product', labels: { active: 'Active' }, masked: [], linkable: true, records: { '7': 'Lamp' } },
  };
  const entry = {
    id: '90',
    at: '2026-11-01T10:00:00.000Z',
    actor_id: 'u7',
    actor_email: 'ada@test.local',
    domain: 'market',
    resource: 'products',
    record_id: '7',
    outcome: 'committed',
    changes: { before: { active: true }, after: { active: false } },
    detail: 'The product is no longer on sale.',
  };

  it('is titled as a custom action in the log’s drawer, `read` + message and `action:<name>` alike', () => {
    const sheet = (action: string) => (
      <AuditEntrySheet
        entryId="90"
        entry={{ ...entry, action }}
        loading={false}
        error={undefined}
        subjects={subjects}
        domain="market"
        canSeeOperators={false}
        onClose={() => {}}
        returnFocus={() => null}
      />
    );
    const { rerender } = render(sheet('read'), { wrapper: IntlWrapper });
    expect(within(screen.getByRole('dialog')).getByRole('heading', { name: 'Custom action · Product 7 · Lamp' })).toBeTruthy();
    expect(within(screen.getByRole('dialog')).getByText('The product is no longer on sale.')).toBeTruthy();
    rerender(sheet('action:toggle-active'));
    expect(within(screen.getByRole('dialog')).getByRole('heading', { name: 'Custom: toggle-active · Product 7 · Lamp' })).toBeTruthy();
  });

  it('shows in a record’s History as a custom action with its message, and offers no Revert', () => {
    // What recordHistory returns for such rows (tests/audit/write-path.test.ts reads them from the hub database).
    const history: HistoryEntry[] = [
      {
        id: '91',
        at: entry.at,
        actorEmail: 'ada@test.local',
        action: 'custom',
        actionName: null,
        outcome: 'committed',
        changes: entry.changes,
        detail: 'Merged.',
        labels: {},
      },
      {
        id: '90',
        at: entry.at,
        actorEmail: 'ada@test.local',
        action: 'custom',
        actionName: 'toggle-active',
        outcome: 'committed',
        changes: entry.changes,
        detail: entry.detail,
        labels: {},
      },
    ];
    render(<RecordHistory entries={history} canRevert target={{ domain: 'market', resource: 'products', id: '7' }} />, { wrapper: IntlWrapper });
    const items = screen.getAllByTestId('history-entry');
    expect(items.map((i) => i.querySelector('.ui-badge')?.textContent)).toEqual(['custom action', 'custom: toggle-active']);
    expect(items[1]!.textContent).toContain('The product is no longer on sale.');
    expect(screen.queryAllByRole('button', { name: /revert/i })).toEqual([]);
  });
});
