// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, fireEvent, render as rtlRender, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditEntrySheet } from '../../src/components/audit/audit-entry-sheet';
import { AuditTimeRange } from '../../src/components/audit/audit-time-range';
import { ChangeDiff } from '../../src/components/audit/change-diff';
import { ChangesSummary, changesSummary } from '../../src/components/audit/changes-summary';
import { boundDay, dayBound } from '../../src/components/audit/day-range';
import { recordHref } from '../../src/components/audit/entry-links';
import { FOLD_CHARS } from '../../src/components/audit/folded-value';
import { clipChanges } from '../../src/engine/audit/clip';
import type { AuditSubjects } from '../../src/engine/audit/subjects';
import { parseDateTime } from '../../src/engine/values/datetime';
import en from '../../src/i18n/messages/en';
import { IntlWrapper } from '../support/intl';

const render = (ui: ReactElement) => rtlRender(ui, { wrapper: IntlWrapper });

afterEach(cleanup);

const labels = { word_count: 'Words', title: 'Title', email: 'Email' };
const long = 'lorem ipsum '.repeat(420).slice(0, 5000); // 5,000 characters with spaces
const longWord = 'x'.repeat(5000); // and one without any

describe('the audit list summary', () => {
  it('says what changed as "Label: before → after", in the resource’s labels, with a humanized fallback', () => {
    render(<ChangesSummary changes={{ before: { word_count: 120, review_state: 'a' }, after: { word_count: 777, review_state: null } }} labels={labels} />);
    const items = screen.getAllByTestId('audit-change');
    expect(items.map((i) => i.textContent)).toEqual(['Words: 120 → 777', 'Review state: a → empty']);
    expect(changesSummary({ before: { word_count: 120 }, after: { word_count: 777 } }, labels)).toBe('Words: 120 → 777');
  });

  it('cuts long values to one short line, says how many more columns changed, and keeps masked values as stored', () => {
    const changes = { before: { title: long, email: 'g***@navy.mil', a: 1, b: 2 }, after: { title: 'Short', email: 'a***@navy.mil', a: 3, b: 4 } };
    render(<ChangesSummary changes={changes} labels={labels} />);
    const [title, email] = screen.getAllByTestId('audit-change');
    expect(title!.textContent!.length).toBeLessThan(80);
    expect(title!.textContent).toMatch(/^Title: lorem ipsum lorem .*… → Short$/);
    expect(email!.textContent).toBe('Email: g***@navy.mil → a***@navy.mil');
    expect(screen.getByText('and 1 more')).toBeTruthy();
    // A create lists the values it set; no entry values at all reads as a dash.
    cleanup();
    render(<ChangesSummary changes={{ after: { title: 'New', word_count: 0 } }} labels={labels} />);
    expect(screen.getAllByTestId('audit-change').map((i) => i.textContent)).toEqual(['Title: New', 'Words: 0']);
    cleanup();
    render(<ChangesSummary changes={null} />);
    expect(screen.getByText('—')).toBeTruthy();
  });

  it('reads values the page clipped as clipped (an ellipsis), not as the value', () => {
    const clipped = clipChanges({ before: { title: long, n: 5, obj: { k: 'v' } }, after: { title: 'B', n: 6, obj: null } });
    expect(clipped!.before!.title).toEqual({ $hubClipped: long.slice(0, 200), length: 5000 });
    expect(clipped!.before!.n).toBe(5);
    expect(clipped!.before!.obj).toEqual({ k: 'v' }); // short values pass untouched
    expect(clipChanges(null)).toBeNull();
    expect(changesSummary(clipped, labels)).toMatch(/^Title: lorem ipsum.*… → B; N: 5 → 6; Obj: \{"k":"v"\} → empty$/);
  });
});

describe('the full diff', () => {
  it('labels every column and folds a 5,000-character value behind a "Show all" toggle', () => {
    render(<ChangeDiff changes={{ before: { title: long, word_count: 1 }, after: { title: longWord, word_count: 2 } }} labels={labels} />);
    const rows = screen.getAllByTestId('change-row');
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(['Title', 'Words']);
    const table = screen.getByTestId('change-diff');
    // A fixed layout: the values cannot take each other's width.
    expect(table.className).toContain('table-fixed');
    const before = within(rows[0]!).getByTestId('change-before');
    expect(before.textContent).toContain('Show all (5,000 characters)');
    expect(before.querySelector('[data-testid="folded-value"] div')!.textContent!.length).toBeLessThanOrEqual(FOLD_CHARS + 1);
    const toggle = within(before).getByRole('button', { name: 'Show all (5,000 characters)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(before.querySelector('[data-testid="folded-value"] div')!.textContent).toBe(long);
    expect(toggle.textContent).toBe('Show less');
    // Short values are not folded.
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
  });

  it('marks columns stored masked', () => {
    render(<ChangeDiff changes={{ before: { email: 'g***@navy.mil' }, after: { email: 'a***@navy.mil' } }} labels={labels} masked={['email']} />);
    expect(screen.getByTestId('change-row').querySelector('th')!.textContent).toBe('Emailstored masked');
    expect(screen.getByTestId('change-before').textContent).toBe('g***@navy.mil');
  });
});

describe('the detail drawer', () => {
  const subjects: AuditSubjects = {
    'blog/posts': { title: 'Posts', singular: 'Post', labels, masked: [], linkable: true, records: { '12': 'Hello world' } },
  };
  const entry = {
    id: '41',
    at: '2026-11-01T10:00:00.000Z',
    actor_id: 'u7',
    actor_email: 'ada@test.local',
    domain: 'blog',
    resource: 'posts',
    record_id: '12',
    action: 'update',
    outcome: 'committed',
    changes: { before: { word_count: 1 }, after: { word_count: 2 } },
    request_id: 'req-1',
  };

  it('is a modal dialog titled by what happened, with links to the record and the operator and the labelled diff', () => {
    const onClose = vi.fn();
    render(
      <AuditEntrySheet
        entryId="41"
        entry={entry}
        loading={false}
        error={undefined}
        subjects={subjects}
        domain="blog"
        canSeeOperators
        onClose={onClose}
        returnFocus={() => null}
      />,
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading', { name: 'Update · Post 12 · Hello world' })).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Post 12 · Hello world' }).getAttribute('href')).toBe('/d/blog/posts/12');
    expect(within(dialog).getByRole('link', { name: 'ada@test.local' }).getAttribute('href')).toBe('/operators/u7');
    expect(within(dialog).getByTestId('change-row').textContent).toContain('Words');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('offers no operator link to those who may not open operators, and no record link once the record is gone', () => {
    render(
      <AuditEntrySheet
        entryId="41"
        entry={{ ...entry, action: 'hard_delete' }}
        loading={false}
        error={undefined}
        subjects={subjects}
        domain="blog"
        canSeeOperators={false}
        onClose={() => {}}
        returnFocus={() => null}
      />,
    );
    expect(within(screen.getByRole('dialog')).queryAllByRole('link')).toEqual([]);
    expect(recordHref(subjects, undefined, entry)).toBe('/d/blog/posts/12');
    expect(recordHref({ 'blog/posts': { ...subjects['blog/posts']!, linkable: false } }, undefined, entry)).toBeUndefined();
    expect(recordHref({}, undefined, entry)).toBeUndefined(); // the resource no longer exists
  });
});

describe('the time filter', () => {
  it("bounds whole days of the operator's zone, in a form the list parser accepts", () => {
    expect(dayBound('2026-11-01', 'min', 'Pacific/Auckland')).toBe('2026-11-01T00:00:00+13:00');
    expect(dayBound('2026-11-01', 'max', 'Pacific/Auckland')).toBe('2026-11-01T23:59:59.999999+13:00');
    expect(dayBound('2025-03-30', 'max', 'Europe/Berlin')).toBe('2025-03-30T23:59:59.999999+02:00'); // after the clocks went forward
    expect(dayBound('2026-11-01', 'max', 'UTC')).toBe('2026-11-01T23:59:59.999999+00:00');
    for (const zone of ['Pacific/Auckland', 'America/St_Johns', 'UTC'])
      for (const end of ['min', 'max'] as const) expect(parseDateTime(dayBound('2026-11-01', end, zone)).ok).toBe(true);
    expect(dayBound('not a day', 'min', 'UTC')).toBe('not a day');
    expect(boundDay('2026-11-01T00:00:00+13:00')).toBe('2026-11-01');
    expect(boundDay(undefined)).toBe('');
  });

  it('sends the picked days on Enter as the first and last instants in the operator’s zone, and clears them', () => {
    const onChange = vi.fn();
    const params: Record<string, string> = { 'f.at.max': '2026-11-03T23:59:59.999999+13:00' };
    // The operator's zone is the request's (their own, else the browser's): far from UTC here.
    rtlRender(
      <NextIntlClientProvider locale="en" messages={en} timeZone="Pacific/Auckland">
        <AuditTimeRange value={(k) => params[k]} onChange={onChange} />
      </NextIntlClientProvider>,
    );
    // Named as the log's times name it (its offset on the day, GMT+12 or GMT+13), the zone itself in data-zone.
    expect(screen.getByTestId('audit-time-zone').textContent).toMatch(/^GMT\+1[23]$/);
    expect(screen.getByTestId('audit-time-zone').getAttribute('data-zone')).toBe('Pacific/Auckland');
    expect((screen.getByLabelText('When to') as HTMLInputElement).value).toBe('2026-11-03');
    const from = screen.getByLabelText('When from');
    fireEvent.change(from, { target: { value: '2026-11-01' } });
    expect(onChange).not.toHaveBeenCalled(); // not on every key
    fireEvent.keyDown(from, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ 'f.at.min': '2026-11-01T00:00:00+13:00' });
    const to = screen.getByLabelText('When to');
    fireEvent.change(to, { target: { value: '' } });
    fireEvent.blur(to);
    expect(onChange).toHaveBeenLastCalledWith({ 'f.at.max': undefined });
  });
});
