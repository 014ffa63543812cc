// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConflictScreen } from '../../src/components/record-form/conflict-screen';
import { RecordForm } from '../../src/components/record-form/record-form';
import { idleState } from '../../src/components/record-form/state';
import { DeletedBanner } from '../../src/components/record-view/deleted-banner';
import { ReferencedBy, type ReferrerGroup } from '../../src/components/record-view/referenced-by';
import { Cell } from '../../src/components/resource-list/cell';
import { resolveResource, toClientResource } from '../../src/engine/resources/define';
import type { ColumnDef } from '../../src/engine/resources/types';
import en from '../../src/i18n/messages/en';
import ko from '../../src/i18n/messages/ko';

/*
 * The record pages and forms in both languages: Korean words from the catalogs, date-times in
 * the operator's zone with the zone named, money in the locale's way with the currency's own
 * minor units, counts through ICU plurals, and decimal text formatted without losing a digit.
 */

vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/d/market/things/new',
}));

afterEach(cleanup);

function inKorean(ui: ReactElement) {
  return render(
    <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
      {ui}
    </NextIntlClientProvider>,
  );
}

function inEnglish(ui: ReactElement, timeZone = 'UTC') {
  return render(
    <NextIntlClientProvider locale="en" messages={en} timeZone={timeZone}>
      {ui}
    </NextIntlClientProvider>,
  );
}

function things(columns: ColumnDef[]) {
  return resolveResource({
    domain: 'market',
    name: 'things',
    table: 'things',
    title: 'Things',
    columns: [{ name: 'id', type: 'bigint', readOnly: true }, ...columns],
  });
}

const column = (def: ColumnDef) => things([def]).columns.find((c) => c.name === def.name)!;

describe('the record form in Korean', () => {
  it('speaks Korean, and works in the operator’s time zone with the zone shown', () => {
    const resource = things([
      { name: 'title', type: 'text', required: true, nullable: false, maxLength: 40 },
      { name: 'at', type: 'datetime' },
      { name: 'tags', type: 'array' },
    ]);
    inKorean(
      <RecordForm
        resource={toClientResource(resource)}
        mode="create"
        initial={{ at: '2025-03-01T10:11:12.000Z', tags: 'a\nb' }}
        action={vi.fn(async () => idleState)}
        title="새 물건"
        cancelHref="/d/market/things"
      />,
    );
    expect(screen.getByTestId('record-save').textContent).toContain('만들기');
    expect(screen.getByTestId('form-field-title').textContent).toContain('(필수)');
    expect(screen.getByTestId('form-field-title').textContent).toContain('최대 40자.');
    // Seoul is UTC+9 all year: the wall-clock time and the offset are Seoul's, the value sent keeps its instant.
    expect((screen.getByTestId('field-at') as HTMLInputElement).value).toBe('2025-03-01T19:11:12');
    expect(screen.getByTestId('offset-at').textContent).toBe('UTC+09:00');
    expect(screen.getByTestId('zone-at').textContent).toContain('Asia/Seoul (내 시간대)');
    expect(screen.getByTestId('iso-at').textContent).toBe('저장 값: 2025-03-01T10:11:12.000Z');
    expect(screen.getByTestId('array-count-tags').textContent).toBe('항목 2개 · 한 줄에 하나씩');
    fireEvent.change(screen.getByTestId('field-at'), { target: { value: '2025-03-02T09:00' } });
    expect(screen.getByTestId('iso-at').textContent).toBe('저장 값: 2025-03-02T09:00:00+09:00');
  });

  it('words a conflict in Korean, its date-times in Seoul with the zone named', () => {
    const columns = [column({ name: 'title', type: 'text' }), column({ name: 'at', type: 'datetime' })];
    inKorean(
      <ConflictScreen
        columns={columns}
        initial={{ title: 'a', at: '2025-03-01T10:11:12.000Z' }}
        theirs={{ title: 'b', at: '2025-03-01T10:11:12.000Z' }}
        yours={{ at: '2025-03-01T11:00:00.123456+00:00' }}
        onKeepTheirs={() => {}}
        onSaveMine={() => {}}
      />,
    );
    expect(screen.getByTestId('conflict-screen').textContent).toContain('레코드를 연 뒤 다른 사람이 이 레코드를 저장했습니다');
    expect(screen.getByTestId('conflict-yours-title').textContent).toBe('내가 변경하지 않음');
    const theirs = screen.getByTestId('conflict-theirs-at').textContent!;
    // 19:11:12 in Seoul, to the second (ICU's data decides between 오후 and PM, 7:11:12 and 7시 11분 12초).
    expect(theirs).toMatch(/^2025년 3월 1일 .*7\D+11\D+12\D* GMT\+9$/);
    // Microseconds would be lost through a Date: the value is shown as it is, every digit kept.
    expect(screen.getByTestId('conflict-yours-at').textContent).toBe('2025-03-01T11:00:00.123456+00:00');
  });
});

describe('the record page in both languages', () => {
  it('says when a record was deleted in the operator’s zone, the zone named', () => {
    inKorean(<DeletedBanner when="2025-03-01T10:11:12Z" trashHref="/d/market/things?trash=1" />);
    const banner = screen.getByTestId('deleted-banner');
    expect(banner.textContent).toContain('삭제된 레코드입니다.');
    expect(banner.textContent).toMatch(/2025년 3월 1일 (오후|PM) 7:11 GMT\+9에 삭제되었습니다\./);
    expect(banner.querySelector('a')!.textContent).toBe('휴지통');
    cleanup();
    inEnglish(<DeletedBanner when="2025-03-01T10:11:12Z" trashHref="/d/market/things?trash=1" />);
    expect(screen.getByTestId('deleted-banner').textContent).toContain(
      'Deleted on Mar 1, 2025, 10:11 AM UTC. It is hidden from the list and kept in the trash until someone restores it.',
    );
  });

  it('counts referrers with ICU plurals, in the locale’s digits', () => {
    const group = (count: number, capped = false): ReferrerGroup => ({
      key: `posts-${count}`,
      title: 'Posts',
      singular: 'Post',
      columnLabel: 'Author',
      count,
      capped,
      href: '/d/blog/posts?f.author_id=1',
      filtered: true,
      samples: [],
    });
    inEnglish(<ReferencedBy groups={[group(1), group(1234), group(1000, true)]} />);
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['1 post', '1,234 posts', '1,000+ posts']);
    cleanup();
    inKorean(<ReferencedBy groups={[group(1234)]} />);
    expect(screen.getByTestId('referenced-by').textContent).toContain('참조하는 항목');
    expect(screen.getByRole('link').textContent).toBe('posts 1,234건');
    expect(screen.getByTestId('referrer-posts-1234').textContent).toContain('author 기준');
  });

  it('formats money in the locale with the currency’s own minor units, and keeps every digit of decimal text', () => {
    const won = column({ name: 'price', type: 'bigint', cell: { kind: 'money', currency: 'KRW' } });
    const euros = column({ name: 'total', type: 'number', cell: { kind: 'money', currency: 'EUR' } });
    const cents = column({ name: 'fee', type: 'bigint', cell: { kind: 'money', cents: true, currency: 'EUR' } });
    const money = (c: typeof won, value: unknown) => inKorean(<Cell column={c} value={value} domain="market" />).container.textContent;
    expect(money(won, '1234567')).toBe('₩1,234,567');
    cleanup();
    expect(money(euros, '1234.5')).toBe('€1,234.50');
    cleanup();
    expect(money(euros, '12345678901234567.89')).toBe('€12,345,678,901,234,567.89');
    cleanup();
    expect(money(cents, '9007199254740993')).toBe('€90,071,992,547,409.93');
  });
});
