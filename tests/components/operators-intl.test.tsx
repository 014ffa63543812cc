// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeleteOperator } from '../../src/components/operators/delete-operator';
import { RoleFields } from '../../src/components/operators/grants-form';
import { RoleSummary } from '../../src/components/operators/role-summary';
import { SessionList } from '../../src/components/operators/session-list';
import { IntlWrapper, KoreanWrapper as Korean } from '../support/intl';

afterEach(cleanup);

const session = {
  id: 's1',
  ipAddress: null,
  userAgent: null,
  current: true,
  createdAt: '2026-11-26T10:55:00.000Z',
  expiresAt: '2026-12-03T10:55:00.000Z',
};
const action = vi.fn(async () => ({}));

describe('the operators pages’ components', () => {
  it('speak English with times in the operator’s zone, the zone named', () => {
    render(<SessionList userId="u1" sessions={[session]} action={action} />, { wrapper: IntlWrapper });
    const row = screen.getByTestId('session-row');
    expect(row.textContent).toContain('unknown address');
    expect(row.textContent).toContain('this browser');
    expect(row.textContent).toContain('Signed in Nov 26, 2026, 10:55 UTC · expires Dec 3, 2026, 10:55 UTC');
    expect(screen.getByTestId('revoke-all-sessions').textContent).toBe(' Sign out everywhere');
    cleanup();
    render(<RoleSummary grants={{ superadmin: false, roles: {} }} />, { wrapper: IntlWrapper });
    expect(screen.getByTestId('role-summary').textContent).toBe('no roles');
  });

  it('speak Korean, with Seoul times and Korean role names (domain names as they are)', () => {
    render(<SessionList userId="u1" sessions={[session]} action={action} />, { wrapper: Korean });
    const row = screen.getByTestId('session-row');
    expect(row.textContent).toContain('알 수 없는 주소');
    expect(row.textContent).toContain('이 브라우저');
    expect(row.textContent).toContain('19:55');
    expect(row.textContent).toContain('GMT+9');
    expect(screen.getByTestId('revoke-session').textContent).toBe('취소');
    cleanup();
    render(<RoleSummary grants={{ superadmin: true, roles: { market: 'editor' } }} />, { wrapper: Korean });
    expect(screen.getByTestId('role-market').textContent).toBe('market · 편집자');
    expect(screen.getByTestId('role-summary').textContent).toContain('슈퍼관리자');
    cleanup();
    render(<RoleFields domains={['blog']} />, { wrapper: Korean });
    expect([...screen.getByTestId('role-select-blog').querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '없음',
      '조회자 — 읽기',
      '편집자 — 읽기와 쓰기',
      '관리자 — 도메인의 모든 권한',
    ]);
  });

  it('ask to type the email before deleting, in Korean', () => {
    render(<DeleteOperator userId="u2" email="ada@test.local" action={action} />, { wrapper: Korean });
    fireEvent.click(screen.getByTestId('delete-operator'));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('ada@test.local을(를) 삭제할까요?');
    expect(dialog.querySelector('code')?.textContent).toBe('ada@test.local');
    expect(screen.getByTestId('delete-confirm').textContent).toBe('ada@test.local 삭제');
  });
});
