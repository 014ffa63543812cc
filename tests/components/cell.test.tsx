// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Cell } from '../../src/components/resource-list/cell';
import { resolveResource } from '../../src/engine/resources/define';
import type { ColumnDef, ResolvedColumn } from '../../src/engine/resources/types';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import ko from '../../src/i18n/messages/ko';
import { IntlWrapper } from '../support/intl';

afterEach(cleanup);

/** A list cell shows what the database holds: exact floats, exact instants on hover, no thousands separator in a year or an id. */

function column(def: ColumnDef): ResolvedColumn {
  const resource = resolveResource({ domain: 'blog', name: 't', table: 't', title: 'T', columns: [{ name: 'pk', type: 'integer' }, def], primaryKey: ['pk'] });
  return resource.columns.find((c) => c.name === def.name)!;
}

/** The page's language and the operator's zone, as the root layout's provider gives them. */
function Korean({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
      {children}
    </NextIntlClientProvider>
  );
}

function shown(def: ColumnDef, value: unknown, wrapper = IntlWrapper): { text: string; title: string | null } {
  const { container } = render(<Cell column={column(def)} value={value} domain="blog" />, { wrapper });
  const el = container.firstElementChild!;
  return { text: container.textContent ?? '', title: el.getAttribute('title') };
}

describe('list cells', () => {
  it('keeps every digit of a float, and groups counts but not years or ids', () => {
    expect(shown({ name: 'ratio', type: 'number' }, 0.3333333333333333).text).toBe('0.3333333333333333');
    expect(shown({ name: 'tiny', type: 'number' }, 1e-7).text).toBe('1e-7');
    expect(shown({ name: 'odd', type: 'number' }, 'NaN').text).toBe('NaN');
    expect(shown({ name: 'word_count', type: 'integer' }, 12345).text).toBe('12,345');
    expect(shown({ name: 'year', type: 'integer' }, 2001).text).toBe('2001');
    expect(shown({ name: 'author_id', type: 'integer' }, 23670).text).toBe('23670');
    // A domain-typed integer (introspection writes grouping: false) names something: a founding year, a port.
    expect(shown({ name: 'founded', type: 'integer', grouping: false }, 2001).text).toBe('2001');
  });

  it("shortens an instant in the operator's zone, with the zone and the exact text on hover, and shows infinity, BC and naive timestamps as they are", () => {
    const at = shown({ name: 'at', type: 'datetime' }, '2024-02-29T23:59:59.999999Z');
    expect(at.text).toBe('Feb 29, 2024, 11:59 PM');
    expect(at.title).toBe('Feb 29, 2024, 11:59:59 PM UTC (2024-02-29T23:59:59.999999Z)');
    const seoul = shown({ name: 'at', type: 'datetime' }, '2024-02-29T23:59:59.999999Z', Korean);
    expect(seoul.text).toMatch(/^2024\. 3\. 1\. \S+ 8:59$/); // already 1 March in Seoul (the day period as the ICU data has it)
    expect(seoul.title).toMatch(/^2024\. 3\. 1\. .*8.*59.*GMT\+9 \(2024-02-29T23:59:59\.999999Z\)$/);
    expect(shown({ name: 'at', type: 'datetime' }, 'infinity').text).toBe('infinity');
    expect(shown({ name: 'at', type: 'datetime' }, '0044-03-15T12:00:00.5Z BC').text).toBe('0044-03-15T12:00:00.5Z BC');
    // timestamp without time zone: wall-clock time, never labelled UTC.
    expect(shown({ name: 'at', type: 'datetime' }, '2024-01-01 12:00:00').text).toBe('2024-01-01 12:00:00');
    expect(shown({ name: 'at', type: 'timestamp' }, '2024-01-01 12:00:00.000001').text).toBe('2024-01-01 12:00:00.000001');
    expect(shown({ name: 'at', type: 'timestamp' }, '2024-01-01 12:00:00').text).not.toMatch(/UTC/);
  });

  it("formats money in the reader's locale with the currency's own minor units, exactly, and groups counts the Korean way", () => {
    expect(shown({ name: 'total', type: 'money_cents', currency: 'EUR' }, 1999).text).toBe('€19.99');
    expect(shown({ name: 'total', type: 'money_cents', currency: 'EUR' }, '123456789012345678').text).toBe('€1,234,567,890,123,456.78');
    expect(shown({ name: 'price', type: 'money_cents', currency: 'KRW' }, 15000).text).toBe('₩15,000'); // no minor unit: whole won
    expect(shown({ name: 'price', type: 'money_cents', currency: 'KRW' }, 15000, Korean).text).toBe('₩15,000');
    expect(shown({ name: 'total', type: 'money_cents', currency: 'EUR' }, 1999, Korean).text).toBe('€19.99');
    expect(shown({ name: 'word_count', type: 'integer' }, 12345, Korean).text).toBe('12,345');
    expect(shown({ name: 'flag', type: 'boolean' }, true, Korean).text).toBe('예');
  });
});
