import { describe, expect, it } from 'vitest';
import { resolveResource } from '../../src/engine/resources/define';
import { guessSingular } from '../../src/engine/resources/singular';

describe('guessSingular', () => {
  it('turns English plural titles into one row’s kind', () => {
    const cases: [string, string][] = [
      ['Orders', 'Order'],
      ['Order items', 'Order item'],
      ['Categories', 'Category'],
      ['Addresses', 'Address'],
      ['Boxes', 'Box'],
      ['Batches', 'Batch'],
      ['People', 'Person'],
      ['Status', 'Status'],
      ['Analysis', 'Analysis'],
      ['Customer list', 'Customer list'],
      ['Author stats', 'Author stat'],
      ['Audit log', 'Audit log'],
      ['VIP customers', 'VIP customer'],
      ['Keys', 'Key'],
    ];
    expect(cases.map(([plural]) => guessSingular(plural))).toEqual(cases.map(([, singular]) => singular));
  });
});

describe('columns the database maintains', () => {
  it('are read-only by default when named as creation or change stamps and filled by a DEFAULT', () => {
    const resource = resolveResource({
      domain: 'blog',
      name: 'notes',
      table: 'notes',
      title: 'Notes',
      columns: [
        { name: 'id', type: 'integer', readOnly: true },
        { name: 'created_at', type: 'datetime', nullable: false, hasDefault: true },
        { name: 'updated_on', type: 'date', hasDefault: true },
        { name: 'starts_at', type: 'datetime', hasDefault: true }, // a default, but typed by people
        { name: 'modified_at', type: 'datetime' }, // no default: the form writes it
        { name: 'changed_at', type: 'datetime', hasDefault: true, readOnly: false }, // the definition decides
      ],
    });
    expect(Object.fromEntries(resource.columns.map((c) => [c.name, c.readOnly]))).toEqual({
      id: true,
      created_at: true,
      updated_on: true,
      starts_at: false,
      modified_at: false,
      changed_at: false,
    });
  });
});

describe('what a definition may leave out', () => {
  it('labels a column by its name in words, without _id or a timestamp’s _at, acronyms in capitals', async () => {
    const { columnLabel } = await import('../../src/engine/resources/define');
    const label = (name: string, type: 'bigint' | 'datetime' | 'text' | 'number' = 'text') => columnLabel({ name, type });
    expect([
      label('id', 'bigint'),
      label('customer_id', 'bigint'),
      label('created_at', 'datetime'),
      label('look_at'),
      label('vip'),
      label('price_eur', 'number'),
    ]).toEqual(['ID', 'Customer', 'Created', 'Look at', 'VIP', 'Price EUR']);
  });

  it('names a resource after its table, and defineIn makes an overlay even when every named column has a type', async () => {
    const { defineIn } = await import('../../src/engine/resources/define');
    const { isOverlay } = await import('../../src/engine/resources/overlay');
    const def = defineIn('market')('order_items', { columns: [{ name: 'unit_price_cents', type: 'money_cents', currency: 'EUR' }] });
    expect([def.name, def.title, def.table, def.columnsFrom]).toEqual(['order-items', 'Order items', 'order_items', 'catalog']);
    expect(isOverlay(def)).toBe(true);
    expect(isOverlay({ ...def, columnsFrom: undefined })).toBe(false); // every column typed: the full form
    expect(isOverlay({ ...def, columnsFrom: 'definition', columns: [{ name: 'x' }] })).toBe(false);
  });

  it('takes list (ordered) and search by name, refusing a name that is no column, and labels actions by their names', () => {
    const base = {
      domain: 'blog',
      name: 'posts',
      table: 'posts',
      title: 'Posts',
      columns: [
        { name: 'id', type: 'integer' as const },
        { name: 'title', type: 'text' as const },
        { name: 'body', type: 'longtext' as const },
        { name: 'created_at', type: 'datetime' as const },
      ],
    };
    const posts = resolveResource({
      ...base,
      list: ['title', 'body', 'id'],
      search: ['title', 'body'],
      actions: { 'toggle-active': { run: async () => undefined } },
      internalActions: { 'regenerate-summary': {} },
    });
    expect(posts.columns.map((c) => [c.name, c.list, c.searchable])).toEqual([
      ['title', true, true],
      ['body', true, true],
      ['id', true, false],
      ['created_at', false, false],
    ]);
    expect(posts.actions['toggle-active']!.label).toBe('Toggle active');
    expect(posts.internalActions['regenerate-summary']).toMatchObject({ label: 'Regenerate summary', scope: 'row' });
    expect(() => resolveResource({ ...base, list: ['titel'] })).toThrow('list names "titel", not a column of the resource.');
    expect(() => resolveResource({ ...base, search: ['nope'] })).toThrow('search names "nope", not a declared column of the resource.');
  });
});
