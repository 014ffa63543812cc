import { describe, expect, it } from 'vitest';
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
