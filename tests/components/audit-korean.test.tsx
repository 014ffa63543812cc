// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditEntrySheet } from '../../src/components/audit/audit-entry-sheet';
import { ChangesSummary } from '../../src/components/audit/changes-summary';
import { FOLD_CHARS } from '../../src/components/audit/folded-value';
import { RecordHistory } from '../../src/components/audit/record-history';
import type { AuditSubjects } from '../../src/engine/audit/subjects';
import { KoreanWrapper as Korean } from '../support/intl';

vi.mock('../../src/web/audit-actions', () => ({ revertAuditEntryAction: vi.fn() }));

afterEach(cleanup);

const at = '2026-11-01T10:30:05.000Z';
const subjects: AuditSubjects = {
  'blog/posts': { title: '게시물', singular: '게시물', labels: { word_count: '단어 수' }, masked: [], linkable: true, records: { '7': '안녕하세요' } },
};

describe('the audit log in Korean', () => {
  it('names the action, the outcome and the time in Korean, in the operator’s zone with the zone shown', () => {
    render(
      <AuditEntrySheet
        entryId="90"
        entry={{
          id: '90',
          at,
          actor_email: 'ko@demo.local',
          domain: 'blog',
          resource: 'posts',
          record_id: '7',
          action: 'soft_delete',
          outcome: 'committed',
          changes: { before: { word_count: 120 } },
        }}
        loading={false}
        error={undefined}
        subjects={subjects}
        domain="blog"
        canSeeOperators={false}
        onClose={() => {}}
        returnFocus={() => null}
      />,
      { wrapper: Korean },
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: '휴지통으로 이동 · 게시물 7 · 안녕하세요' })).toBeTruthy();
    const when = within(dialog).getByTestId('audit-entry-at').textContent!;
    expect(when).toContain('19시 30분'); // 19:30 in Seoul, not 10:30 UTC
    expect(when).toContain('GMT+9');
    expect(within(dialog).getByText('커밋됨')).toBeTruthy();
    expect(within(dialog).getByText('삭제된 값')).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/\b(When|Operator|Record|Outcome|Changes|Value removed)\b/);
  });

  it('shows a record’s history with Korean words and a Seoul time, and folds long values with a Korean count', () => {
    const long = 'x'.repeat(FOLD_CHARS + 4700);
    render(
      <RecordHistory
        entries={[
          {
            id: '1',
            at,
            actorEmail: null,
            action: 'update',
            actionName: null,
            outcome: 'pending',
            changes: { before: { body: 'a' }, after: { body: long } },
            detail: null,
            labels: {},
          },
          {
            id: '2',
            at,
            actorEmail: 'ko@demo.local',
            action: 'custom',
            actionName: 'toggle-active',
            outcome: 'committed',
            changes: null,
            detail: null,
            labels: {},
          },
        ]}
        canRevert={false}
        target={{ domain: 'blog', resource: 'posts', id: '7' }}
      />,
      { wrapper: Korean },
    );
    expect(screen.getByRole('heading', { name: '변경 이력' })).toBeTruthy();
    const items = screen.getAllByTestId('history-entry');
    expect(items.map((i) => i.querySelector('.ui-badge')?.textContent)).toEqual(['수정', '사용자 정의: toggle-active']);
    expect(items[0]!.textContent).toContain('알 수 없음 · ');
    expect(items[0]!.querySelector('time')!.textContent).toContain('GMT+9');
    expect(within(items[0]!).getByText('확인 중')).toBeTruthy();
    const toggle = within(items[0]!).getByTestId('folded-toggle');
    expect(toggle.textContent).toBe('모두 보기 (5,000자)');
    fireEvent.click(toggle);
    expect(toggle.textContent).toBe('접기');
  });

  it('summarises changes with Korean words for empty values and the rest', () => {
    render(<ChangesSummary changes={{ before: { a: 1, b: 2, c: 3, d: 4, e: null }, after: { a: 2, b: 3, c: 4, d: 5, e: 1 } }} max={3} />, { wrapper: Korean });
    expect(screen.getByText('외 2개')).toBeTruthy();
    cleanup();
    render(<ChangesSummary changes={{ after: { title: null } }} />, { wrapper: Korean });
    expect(screen.getByText('비어 있음')).toBeTruthy();
  });
});
