import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactJson, jsonDisplayText, layoutJson, prettyJson } from '../../src/engine/values/json';
import { sameValue, toFormValue } from '../../src/components/record-form/values';

/**
 * The database's JSON text is laid out again (indented for the record page and the form, on
 * one line for cells and the JSON Lines export) token by token: the result must be the same
 * JSON, with every number and string character for character.
 */

/** JSON text with arbitrary whitespace between tokens, big numbers and escapes included. */
const spaced = fc
  .tuple(
    fc.oneof(
      fc.json(),
      fc.constantFrom('99999999999999999999999999', '[1.50, -0.0, 1E+400]', '{"a" : {"b":[ ]}, "c":{ } }', '"\\u00e9\\"\\\\ , : { ["', 'null'),
    ),
    fc.constantFrom('', ' ', '\n', '\t  ', '\r\n'),
  )
  .map(([text, ws]) => text.replace(/([,:{}[\]])(?=(?:[^"\\]|\\.|"(?:[^"\\]|\\.)*")*$)/g, `${ws}$1${ws}`));

/** The numbers and strings of a JSON text, in order, as written. */
const tokens = (text: string) => text.match(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/g) ?? [];

describe('JSON text laid out without parsing numbers', () => {
  it('keeps every token and means the same JSON, compact or indented', () => {
    fc.assert(
      fc.property(spaced, (text) => {
        expect(JSON.parse(text)).not.toBe(undefined); // the generator makes valid JSON
        const compact = layoutJson(text);
        const pretty = layoutJson(text, 2);
        expect(tokens(compact)).toEqual(tokens(text));
        expect(tokens(pretty)).toEqual(tokens(text));
        expect(JSON.parse(compact)).toEqual(JSON.parse(text));
        expect(JSON.parse(pretty)).toEqual(JSON.parse(text));
        expect(compact).not.toMatch(/\n/);
        expect(layoutJson(pretty)).toBe(compact);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a 26-digit number and JSON null as they are', () => {
    expect(compactJson('{"n": 99999999999999999999999999, "m": null}')).toBe('{"n":99999999999999999999999999,"m":null}');
    expect(prettyJson('[1, {"a": []}]')).toBe('[\n  1,\n  {\n    "a": []\n  }\n]');
    expect(compactJson('not json')).toBeUndefined();
    expect(jsonDisplayText({ from: 'hub pool' })).toBe('{"from":"hub pool"}');
  });

  it('lets a form tell a real change from a new layout, digit for digit', () => {
    const stored = '{"n": 99999999999999999999999999}';
    const shown = toFormValue({ type: 'json' }, stored);
    expect(shown).toBe('{\n  "n": 99999999999999999999999999\n}');
    expect(sameValue('json', shown, stored)).toBe(true);
    expect(sameValue('json', '{"n": 99999999999999999999999998}', stored)).toBe(false); // equal as JS numbers, not as JSON text
    expect(sameValue('json', 'null', '')).toBe(false); // JSON null is not SQL NULL
    expect(toFormValue({ type: 'json' }, 'null')).toBe('null');
    expect(toFormValue({ type: 'json' }, null)).toBe('');
  });
});
