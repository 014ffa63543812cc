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
