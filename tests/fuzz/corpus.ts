/**
 * The fuzz suite's own corpus: values an operator's browser never sends, grouped by what
 * they attack. Generators (generators.ts) draw from these, mix them with plausible values
 * (real resource names, columns and ids) so requests get past the first check, and put them
 * into every route, parameter, form field, JSON body and header slot.
 *
 * Text values are strings as JavaScript holds them (they may contain NUL or half of a UTF-16
 * pair); ESCAPES are percent-escapes placed verbatim into a path or query string.
 */

/** NUL in every spelling a layer might decode. */
export const NUL = ['\u0000', 'a\u0000b', '\u0000\u0000\u0000', 'x'.repeat(10) + '\u0000', '\\u0000', '\\x00', '\\0', '&#0;', 'chr(0)'];

/** Half surrogates and other UTF-16 damage (no database text can hold them). */
export const SURROGATES = ['\uD800', '\uDFFF', 'a\uD83Db', '\uDC00\uD800', 'ok\uDBFF', '\uD83D\uDE00\uD83D', '\uFFFE', '\uFFFF'];

/** Raw percent-escapes, for paths and query strings only: broken, overlong, encoded NUL and half surrogates. */
export const ESCAPES = [
  '%00',
  '%',
  '%%',
  '%FF',
  '%fe%ff',
  '%ED%A0%80',
  '%ED%BF%BF',
  '%C0%AE%C0%AE%C0%AF',
  '%C0%80',
  '%E0%A4',
  '%F4%90%80%80',
  '%u0041',
  '%2',
  '%ZZ',
  '%%32%65',
  '%252e%252e%252f',
  '%2e%2e%2f%2e%2e%2f',
  '..%2F..%2Fetc%2Fpasswd',
  '%0d%0aSet-Cookie:%20x=1',
  '%E2%80%AE',
  '%EF%BB%BF',
  'a%00b',
  '%5C..%5C',
];

/** SQL that would do harm if it were ever pasted into a statement. */
export const SQL = [
  "'",
  "''",
  '"',
  "' OR '1'='1",
  "1' OR 1=1 --",
  '1; DROP TABLE posts; --',
  "'; DELETE FROM orders WHERE '1'='1",
  "x'); UPDATE customers SET vip = true; --",
  '1 UNION SELECT password_hash FROM staff',
  '1 AND pg_sleep(20) IS NULL',
  "'||pg_sleep(20)||'",
  '$$; SELECT 1; $$',
  "E'\\x00'",
  '1)::text--',
  "%' AND 1=1 --",
  '\\',
  '\\\\',
  '`',
  '/*',
  '*/ SELECT 1 /*',
  "; COPY (SELECT 1) TO PROGRAM 'id'",
  'id"; SELECT "x',
  'ctid',
  'xmin',
  'tableoid',
  'public.posts',
  'pg_catalog.pg_authid',
  'ROW(1,2)',
  'ARRAY[1,2]',
  '::int',
  '$1',
  '?',
  '%s',
];

/** Paths that climb out, name files, or look like URLs. */
export const TRAVERSAL = [
  '..',
  '../..',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '....//....//',
  '/etc/passwd',
  '/proc/self/environ',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  '\\\\server\\share',
  '.env',
  '.next/BUILD_ID',
  '//evil.example/x',
  'http://evil.example/',
  'https://evil.example/@localhost',
  '/\\evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
];

/** Text beyond ASCII: Hangul (composed and decomposed), combining marks, direction overrides, invisible characters, emoji. */
export const UNICODE = [
  '한국어',
  '\u1112\u1161\u11AB\u1100\u116E\u11A8',
  '가'.repeat(300),
  'e\u0301\u0301\u0301',
  'Z\u0351\u0352\u0353\u0354\u0355',
  '\u200B',
  '\u200D\u200D',
  '\u202Eevil\u202C',
  '\uFEFFbom',
  '\u00A0',
  '\u2028\u2029',
  '\r\n',
  '\t',
  '\u0001\u0002\u001F',
  '\u007F',
  '\u0085',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '１２３',
  '٣',
  'İı',
  'ß',
  'ﬁ',
  'Ω',
  '𝕏',
  '\u{10FFFF}',
  'עברית',
  '中文字符',
];

/** Numbers at and past the limits of int, int8, numeric and float, and the spellings parsers disagree on. */
export const NUMBERS = [
  '0',
  '-0',
  '1',
  '-1',
  '2147483647',
  '2147483648',
  '-2147483648',
  '-2147483649',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '1' + '0'.repeat(400),
  '1e308',
  '1e309',
  '-1e309',
  '1e-400',
  '1e1000000',
  '9999.99',
  '10000.00',
  '99999999999999999999999999999999999999.99',
  '0.000000000000000000000000000001',
  '1.5',
  '.5',
  '5.',
  '1,5',
  '1_000',
  '0x10',
  '0b101',
  '0o17',
  '+1',
  ' 1 ',
  '1 ',
  'NaN',
  'Infinity',
  '-Infinity',
  'infinity',
  '١٢٣',
  '1e',
  '--1',
  '1-',
  '00000000000000000001',
  '4294967296',
  '9007199254740993',
];

/** Dates and times that do not exist, are out of range, or are PostgreSQL's special words. */
export const DATES = [
  '2024-02-30',
  '2023-02-29',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31T23:59:59Z',
  '10000-01-01',
  '294277-01-01',
  '4714-11-24 BC',
  '-infinity',
  'infinity',
  'epoch',
  'now',
  'today',
  'allballs',
  '2024-13-01',
  '2024-01-01T25:00:00',
  '2024-01-01T00:00:00+25:00',
  '2024-01-01T00:00:00.1234567890Z',
  '2024-06-01T12:00:00Z/2024-07-01',
  '1970-01-01T00:00:00-00:00',
  '2024-W01-1',
  '20240101',
  '01/02/2024',
];

/** Booleans and null in the spellings a form or URL might carry. */
export const WORDS = ['true', 'false', 'TRUE', 'yes', 'no', 'on', 'off', 't', 'f', '1', '0', 'null', 'NULL', 'undefined', '\\N', 'None', 'nil'];

/** JSON that is malformed, ambiguous, or deep. */
export const JSON_ODDITIES = [
  '{',
  '}',
  '{"a":1',
  '[]',
  '{}',
  'null',
  '""',
  '"\\u0000"',
  '"\\ud800"',
  '{"a":1,"a":2}',
  '{"a":NaN}',
  "{'a':1}",
  '\uFEFF{}',
  '1e999',
  '[' + '['.repeat(600) + ']'.repeat(600) + ']',
  '{"a":' + '{"a":'.repeat(300) + '1' + '}'.repeat(300) + '}',
  '{"__proto__":{"superadmin":true}}',
  '{"constructor":{"prototype":{"superadmin":true}}}',
  '[1,2,3,]',
  '{"a":"\\x41"}',
  'true false',
  '{"a":1}{"b":2}',
];

/** Keys that pollute prototypes or collide with built-ins when used as object keys. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'valueOf',
  'then',
  'length',
  '0',
  '-1',
  '',
];

/** Template, markup and format-string injections, CSV formulas. */
export const MARKUP = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '<%= 7*7 %>',
  '%s%s%s%s%n',
  '{0}{1}',
  '=cmd|/c calc!A1',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '<!--',
  ']]>',
  '$(id)',
  '`id`',
];

/** Short, ordinary-looking values (empty, space, separators) that edge-case parsers trip on. */
export const EDGES = ['', ' ', '  ', ',', ',,,', '.', '-', '+', '*', '%', '_', '/', '?', '#', '&', '=', ';', ':', '~', '|', 'a,b', 'f.', 'x.y.z'];

/** Long values: past every length limit the hub declares, and big enough to hit request limits. */
export const HUGE = [
  'x'.repeat(201),
  'x'.repeat(2_001),
  'é'.repeat(5_000),
  '9'.repeat(1_000),
  'a,'.repeat(3_000),
  '%'.repeat(4_000),
  '\u0000'.repeat(1_000),
  '한'.repeat(8_000),
  'y'.repeat(20_000),
];

/** Every text value of the corpus (not the raw escapes). */
export const HOSTILE_TEXT: readonly string[] = [
  ...NUL,
  ...SURROGATES,
  ...SQL,
  ...TRAVERSAL,
  ...UNICODE,
  ...NUMBERS,
  ...DATES,
  ...WORDS,
  ...JSON_ODDITIES,
  ...PROTO_KEYS,
  ...MARKUP,
  ...EDGES,
  ...HUGE,
];

/** Origins a state-changing request may claim (besides the hub's own). */
export const FOREIGN_ORIGINS = [
  'https://evil.example',
  'null',
  'http://127.0.0.1',
  'http://localhost:1',
  'http://[::1',
  'javascript:alert(1)',
  'http://evil.example@127.0.0.1',
  '',
  ' ',
  'http://127.0.0.1:0',
  'file://',
];

/** Session cookies that are not one: forged, truncated, or hostile. */
export const FORGED_COOKIES = [
  'admin-hub.session_token=forged',
  'admin-hub.session_token=',
  'admin-hub.session_token=%00',
  'admin-hub.session_token=%FF%FE',
  "admin-hub.session_token=' OR '1'='1",
  'admin-hub.session_token=' + 'a'.repeat(4_000),
  'admin-hub.session_token=abc.def; admin-hub.session_token=ghi.jkl',
  'admin-hub.session_token=x.' + 'A'.repeat(43) + '%3D',
  '__proto__=1; constructor=2',
  '=; ==; ;;',
];
