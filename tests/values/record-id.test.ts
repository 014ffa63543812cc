import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSegment, displayRecordId, encodeRecordId } from '../../src/engine/shared/record-id';
import { omitParams, POSITION_PARAMS, withoutParams } from '../../src/engine/shared/list-params';

// Lone surrogates cannot be URI-encoded (encodeURIComponent throws) and no database text holds them.
const keyValue = fc.string({ unit: 'grapheme', maxLength: 12 });

describe('record ids, as the engine and the browser both write them', () => {
  it('split back into exactly the key values, whatever they hold (commas, %, spaces, Hangul, emoji)', () => {
    fc.assert(
      fc.property(fc.array(keyValue, { minLength: 1, maxLength: 4 }), (values) => {
        const key = values.map((_, i) => `k${i}`);
        const row = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
        const id = encodeRecordId(key, row);
        const parts = id.split(',');
        expect(parts).toHaveLength(values.length);
        expect(parts.map(decodeSegment)).toEqual(values);
        // Shown to an operator: the values themselves, joined as typed.
        expect(displayRecordId(id)).toBe(values.join(','));
      }),
      { numRuns: 500 },
    );
  });

  it('shows a broken escape as typed instead of throwing', () => {
    expect(displayRecordId('12,%E0%A4%A,x%2Cy')).toBe('12,%E0%A4%A,x,y');
  });
});

describe('list parameters that do not choose rows', () => {
  it('are dropped in order and encoding, everything else kept', () => {
    const query = new URLSearchParams('f.status=paid&after=abc&q=a%2Cb&pn=3&sort=-total&page=2&before=x');
    expect(withoutParams(query, POSITION_PARAMS).toString()).toBe('f.status=paid&q=a%2Cb&sort=-total');
    expect(omitParams({ q: 'x', pn: '2', size: '50' }, [...POSITION_PARAMS, 'size'])).toEqual({ q: 'x' });
  });
});
