// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Cell } from '../../src/components/resource-list/cell';
import { resolveResource } from '../../src/engine/resources/define';
import type { ColumnDef, ResolvedColumn } from '../../src/engine/resources/types';

afterEach(cleanup);

/** A list cell shows what the database holds: exact floats, exact instants on hover, no thousands separator in a year or an id. */

function column(def: ColumnDef): ResolvedColumn {
  const resource = resolveResource({ domain: 'blog', name: 't', table: 't', title: 'T', columns: [{ name: 'pk', type: 'integer' }, def], primaryKey: ['pk'] });
  return resource.columns.find((c) => c.name === def.name)!;
}

function shown(def: ColumnDef, value: unknown): { text: string; title: string | null } {
  const { container } = render(<Cell column={column(def)} value={value} domain="blog" />);
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

  it('shortens an instant with its exact text on hover, and shows infinity, BC and naive timestamps as they are', () => {
    const at = shown({ name: 'at', type: 'datetime' }, '2024-02-29T23:59:59.999999Z');
    expect(at.text).toMatch(/^29 Feb 2024, 23:59 UTC$/);
    expect(at.title).toBe('2024-02-29T23:59:59.999999Z');
    expect(shown({ name: 'at', type: 'datetime' }, 'infinity').text).toBe('infinity');
    expect(shown({ name: 'at', type: 'datetime' }, '0044-03-15T12:00:00.5Z BC').text).toBe('0044-03-15T12:00:00.5Z BC');
    // timestamp without time zone: wall-clock time, never labelled UTC.
    expect(shown({ name: 'at', type: 'datetime' }, '2024-01-01 12:00:00').text).toBe('2024-01-01 12:00:00');
    expect(shown({ name: 'at', type: 'timestamp' }, '2024-01-01 12:00:00.000001').text).toBe('2024-01-01 12:00:00.000001');
    expect(shown({ name: 'at', type: 'timestamp' }, '2024-01-01 12:00:00').text).not.toMatch(/UTC/);
  });
});
