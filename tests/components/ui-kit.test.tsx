// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createFormatter, createTranslator } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminResourceTableSkeleton, iconColorClasses, rangeText } from '../../src/components/admin-resource-table';
import en from '../../src/i18n/messages/en';
import ko from '../../src/i18n/messages/ko';
import { IntlWrapper } from '../support/intl';
import { Button, buttonVariants } from '../../src/components/ui/button';
import { Checkbox } from '../../src/components/ui/checkbox';
import { cn } from '../../src/components/ui/cn';
import { Select } from '../../src/components/ui/select';

afterEach(cleanup);

describe('ui kit', () => {
  it('cn lets a later conflicting class win', () => {
    expect(cn('px-4 py-2', false && 'hidden', 'px-2')).toBe('py-2 px-2');
  });

  it('Button defaults to type="button" so it never submits a form by accident', () => {
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <Button>Plain</Button>
        <Button type="submit" variant="destructive" size="sm">
          Send
        </Button>
      </form>,
    );
    expect(screen.getByRole('button', { name: 'Plain' }).getAttribute('type')).toBe('button');
    fireEvent.click(screen.getByRole('button', { name: 'Plain' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send.className).toContain('bg-destructive');
    expect(send.className).toContain('h-8');
    expect(buttonVariants({ variant: 'outline' })).toContain('border-input');
  });

  it('Checkbox reflects indeterminate and forwards its ref', () => {
    let el: HTMLInputElement | null = null;
    const { rerender } = render(<Checkbox aria-label="All" indeterminate ref={(node) => void (el = node)} readOnly />);
    const box = screen.getByRole('checkbox', { name: 'All' }) as HTMLInputElement;
    expect(box.indeterminate).toBe(true);
    expect(el).toBe(box);
    rerender(<Checkbox aria-label="All" indeterminate={false} readOnly />);
    expect(box.indeterminate).toBe(false);
  });

  it('Select renders a native select with its options', () => {
    render(
      <Select aria-label="Status" defaultValue="b">
        <option value="a">A</option>
        <option value="b">B</option>
      </Select>,
    );
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('b');
  });
});

describe('table helpers', () => {
  it('icon colours are complete literal class strings, one per colour', () => {
    for (const [color, classes] of Object.entries(iconColorClasses)) {
      const family = color === 'green' ? 'emerald' : color;
      expect(classes).toMatch(new RegExp(`\\bbg-${family}-100\\b`));
      expect(classes).toMatch(new RegExp(`\\bdark:text-${family}-300\\b`));
    }
  });

  it('rangeText covers empty, past-the-end, exact, estimated and unknown totals', () => {
    const t = createTranslator({ locale: 'en', messages: en, namespace: 'table' });
    const format = createFormatter({ locale: 'en', timeZone: 'UTC' });
    expect(rangeText({ page: 1, pageSize: 25, total: 0 }, 0, t, format)).toBe('No rows');
    expect(rangeText({ page: 9, pageSize: 25, total: 100 }, 0, t, format)).toBe('No rows on this page of 100');
    expect(rangeText({ page: 1, pageSize: 25, total: 7 }, 7, t, format)).toBe('Rows 1–7 of 7');
    expect(rangeText({ page: 3, pageSize: 10, total: 1_000_000, totalLabel: 'about 1,000,000' }, 10, t, format)).toBe('Rows 21–30 of about 1,000,000');
    expect(rangeText({ page: 3, pageSize: 10, total: null, estimate: 1_000_000 }, 10, t, format)).toBe('Rows 21–30 of about 1,000,000');
    expect(rangeText({ page: 3, pageSize: 10, total: null, estimate: 'many' }, 10, t, format)).toBe('Rows 21–30 of many');
    expect(rangeText({ page: 2, pageSize: 10, total: null }, 10, t, format)).toBe('Rows 11–20');
    expect(rangeText({ page: 12, pageSize: 100, total: 12_345 }, 45, t, format)).toBe('Rows 1,101–1,145 of 12,345');
  });

  it('rangeText speaks Korean, with Korean digit grouping', () => {
    const t = createTranslator({ locale: 'ko', messages: ko, namespace: 'table' });
    const format = createFormatter({ locale: 'ko', timeZone: 'Asia/Seoul' });
    expect(rangeText({ page: 1, pageSize: 25, total: 0 }, 0, t, format)).toBe('행이 없습니다');
    expect(rangeText({ page: 12, pageSize: 100, total: 12_345 }, 45, t, format)).toBe('1,101–1,145행 (전체 12,345)');
    expect(rangeText({ page: 1, pageSize: 50, total: null, estimate: 600_000 }, 50, t, format)).toBe('1–50행 (전체 약 600,000)');
  });

  it('AdminResourceTableSkeleton shows the title when known and is marked busy', () => {
    render(
      <IntlWrapper>
        <AdminResourceTableSkeleton title="Orders" rows={3} columns={2} />
      </IntlWrapper>,
    );
    const region = screen.getByTestId('admin-resource-table-skeleton');
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('heading', { level: 1, name: 'Orders' })).toBeTruthy();
    // Header line plus three rows, two cells each.
    expect(region.querySelectorAll('[data-slot="skeleton"]').length).toBe(2 + 4 * 2);
  });
});
