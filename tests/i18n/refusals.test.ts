// Version-independent (vitest.config.ts): pure: the engine's refusal catalogs.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { runWithRequestContext } from '../../src/engine/audit/request-context';
import { say, sayIn, speakIn } from '../../src/engine/i18n/say';
import { wordsIn } from '../../src/engine/i18n/words';
import { ListQueryError } from '../../src/engine/list/errors';
import { parseListQuery } from '../../src/engine/list/list-query';
import { parseInput } from '../../src/engine/records/input-schema';
import { resolveResource } from '../../src/engine/resources/define';
import { parseArrayText } from '../../src/engine/values/arrays';
import { parseDate } from '../../src/engine/values/datetime';
import { INTEGER_RANGES, parseWholeNumber } from '../../src/engine/values/numbers';
import { posts } from '../list/fixtures';
import en from '../../src/engine/i18n/refusals/en';
import ko from '../../src/engine/i18n/refusals/ko';

type Catalog = { [key: string]: string | Catalog };

function entries(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`)));
}
/** The ICU arguments a message takes (inside plural branches too), each once. */
function argumentsOf(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound || element.type === TYPE.tag) continue;
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(text, { ignoreTag: true }));
  return [...names].sort();
}
const HANGUL = /[\uac00-\ud7a3]/;

describe("the engine's refusals", () => {
  it('have the same keys and ICU arguments in Korean as in English, and Korean words in every Korean message', () => {
    const english = new Map(entries(en));
    expect(entries(ko).map(([key]) => key)).toEqual([...english.keys()]);
    for (const [key, text] of entries(ko)) {
      expect(argumentsOf(text), key).toEqual(argumentsOf(english.get(key)!));
      expect(text, key).toMatch(HANGUL);
    }
  });

  it('format every message in both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      const t = sayIn(locale) as unknown as (key: string, values: object) => string;
      for (const [key, text] of entries(locale === 'en' ? en : ko)) {
        const values = Object.fromEntries(argumentsOf(text).map((name) => [name, 3]));
        expect(t(key, values), `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it("speak the request's language: English outside a request, then Accept-Language's, then the operator's own", () => {
    expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toBe('Domain "blog" has no resource "x".');
    const context = { requestId: 'test-request', ip: undefined, userAgent: undefined, locale: 'en' as const };
    runWithRequestContext(context, () => {
      expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toMatch(/^Domain/);
      speakIn('ko');
      expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toBe('"blog" 도메인에 "x" 리소스가 없습니다.');
      speakIn(undefined);
      expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toMatch(HANGUL);
    });
    expect(say('resources.notFound', { domain: 'blog', name: 'x' })).toMatch(/^Domain/);
  });

  it("answer real refusals in the request's language: field errors, list parameters (field and parameter names intact)", () => {
    const korean = { requestId: 't', ip: undefined, userAgent: undefined, locale: 'ko' as const };
    const items = resolveResource({
      domain: 'blog',
      name: 'items',
      table: 'items',
      title: 'Items',
      columns: [
        { name: 'id', type: 'integer', readOnly: true },
        { name: 'code', type: 'text', maxLength: 5, nullable: false },
        { name: 'qty', type: 'integer' },
      ],
    });
    const listProblems = () => {
      try {
        parseListQuery(posts, { 'f.nope': 'x', size: '9999', sort: 'title,title' });
      } catch (error) {
        expect(error).toBeInstanceOf(ListQueryError);
        return (error as ListQueryError).problems;
      }
      throw new Error('expected a ListQueryError');
    };
    // English outside a request, as every other test asserts it.
    expect(parseWholeNumber('12x', INTEGER_RANGES.integer)).toEqual({
      ok: false,
      message: '"12x" is not a whole number (digits, with a minus sign if negative).',
    });
    expect(parseInput(items, 'create', { code: 'abcdefg', qty: '1.5' })).toEqual({
      ok: false,
      fieldErrors: { code: 'At most 5 characters.', qty: '"1.5" is not a whole number (digits, with a minus sign if negative).' },
    });
    runWithRequestContext(korean, () => {
      expect(parseWholeNumber('12x', INTEGER_RANGES.integer)).toEqual({
        ok: false,
        message: '"12x"은(는) 정수가 아닙니다(숫자만, 음수는 빼기 기호를 붙여 입력하세요).',
      });
      expect(parseWholeNumber('99999999999', INTEGER_RANGES.integer)).toEqual({
        ok: false,
        message: '99999999999은(는) -2147483648부터 2147483647까지의 범위를 벗어납니다.',
      });
      expect(parseDate('2024-02-30')).toEqual({ ok: false, message: '"2024-02-30"은(는) 달력에 있는 날짜가 아닙니다.' });
      expect(parseArrayText('[1').ok).toBe(false);
      // The schema is built once per resource: its messages are asked per parse, so the second language is not frozen out.
      const result = parseInput(items, 'create', { code: 'abcdefg', qty: '1.5' });
      expect(result).toEqual({
        ok: false,
        fieldErrors: { code: '최대 5자까지 입력할 수 있습니다.', qty: '"1.5"은(는) 정수가 아닙니다(숫자만, 음수는 빼기 기호를 붙여 입력하세요).' },
      });
      expect(parseInput(items, 'create', { qty: '1' })).toEqual({ ok: false, fieldErrors: { code: '필수 항목입니다.' } });
      expect(parseInput(items, 'create', { code: 'a', id: '3' })).toEqual({ ok: false, fieldErrors: { id: '이 필드는 입력할 수 없습니다.' } });
      const problems = listProblems();
      expect(problems.map((p) => p.param).sort()).toEqual(['f.nope', 'size', 'sort']);
      for (const p of problems) expect(p.message, p.param).toMatch(HANGUL);
      expect(problems.find((p) => p.param === 'f.nope')?.message).toBe('"nope"은(는) Posts의 열이 아닙니다');
      expect(problems.find((p) => p.param === 'size')?.message).toBe('1부터 500까지의 정수여야 합니다');
    });
    expect(listProblems().find((p) => p.param === 'size')?.message).toBe('must be a whole number from 1 to 500');
  });

  it('say the same words through the browser-safe formatter (engine/i18n/words.ts) as through say()', () => {
    for (const locale of ['en', 'ko'] as const) {
      const t = sayIn(locale) as unknown as (key: string, values: object) => string;
      const w = wordsIn(locale) as unknown as (key: string, values: object) => string;
      for (const [key, text] of entries({ values: (locale === 'en' ? en : ko).values })) {
        const values = Object.fromEntries(argumentsOf(text).map((name) => [name, 1]));
        expect(w(key, values), `${locale} ${key}`).toBe(t(key, values));
      }
    }
  });
});
