/**
 * What every answer must satisfy, whoever asked and whatever they sent: a status below 500,
 * and nothing in the body an operator must never see: SQL text, a stack trace, a file path of
 * the server, or a message of the PostgreSQL driver.
 *
 * A page may legitimately show what it was sent (a search box keeps its `q`, a 400 names the
 * bad value), so the values of the request are taken out of the body before looking: only
 * what the hub added itself counts. Both sides are normalised the same way first (HTML
 * entities, JSON and JavaScript escapes), since a value comes back inside HTML, JSON, or
 * JSON inside a script inside HTML.
 */

export interface Leak {
  kind: 'sql' | 'stack' | 'path' | 'driver';
  excerpt: string;
}

/** SQL the hub could have written: an upper-case statement keyword followed by its clause keyword on the same stretch of text. */
const SQL_TEXT = /\b(SELECT|INSERT|UPDATE|DELETE)\b[^\n]{0,200}?\b(FROM|INTO|SET|WHERE)\b/;
/** A V8 stack frame (`    at fn (file:line:col)`), or the first line of one printed. */
const STACK = /\n {2,}at [^\n]*(:\d+:\d+\)?|<anonymous>)|^ {4}at |\\n {2,}at /m;
/** Where the server's files are: the checkout, dependencies, a TypeScript file with a line number. */
const FILE_PATH = /\/work\/|node_modules|\.tsx?:\d+|\/home\/[a-z]|\/tmp\/hub-|webpack-internal:|turbopack:\/\/|\[project\]/;
/** Messages of PostgreSQL and node-postgres, as they read when passed on unchanged. */
const DRIVER: RegExp[] = [
  /invalid byte sequence/i,
  /syntax error at or near/i,
  /syntax error at end of input/i,
  /duplicate key value violates/i,
  /violates foreign key constraint/i,
  /violates not-null constraint/i,
  /violates check constraint/i,
  /violates unique constraint/i,
  /violates exclusion constraint/i,
  /invalid input syntax for/i,
  /invalid input value for enum/i,
  /value too long for type/i,
  /numeric field overflow/i,
  /is out of range for type/i,
  /current transaction is aborted/i,
  /cannot retrieve a system column/i,
  /unterminated quoted string/i,
  /\bcolumn "[^"]*" (does not exist|of relation|is of type|specified more than once)/i,
  /\brelation "[^"]*" does not exist/i,
  /\bfunction [a-z_]+\([^)]*\) does not exist/i,
  /\boperator does not exist: /i,
  /could not determine data type of parameter/i,
  /bind message supplies/i,
  /there is no parameter \$\d/i,
  /\bSQLSTATE\b/,
  /\bat character \d+/i,
  /materialized view "[^"]*" has not been populated/i,
  /Connection terminated unexpectedly/i,
  /\bECONNREFUSED\b|\bECONNRESET\b/,
  /Client has encountered a connection error/i,
  /\bpg-protocol\b|\bnode-postgres\b/i,
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * One canonical spelling for text that may have gone through HTML, JSON or JS escaping, once
 * or twice: entities decoded, \uXXXX and \xXX decoded, other backslashes dropped, whitespace
 * runs to one space. Applied to the body and to every value sent alike.
 */
export function normalise(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const before = out;
    out = out
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
        if (e[0] === '#') {
          const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
        }
        return ENTITIES[e.toLowerCase()] ?? m;
      })
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\[nrt]/g, ' ')
      .replace(/\\/g, '');
    if (out === before) break;
  }
  return out.replace(/\s+/g, ' ');
}

/** Removes every occurrence of the values sent (normalised, and their first 60 characters, as messages shorten them). */
export function withoutEchoes(body: string, sent: readonly string[]): string {
  let out = normalise(body);
  const needles = new Set<string>();
  for (const value of sent) {
    const n = normalise(value).trim();
    if (n.length < 4) continue; // too short to tell an echo from the hub's own words
    needles.add(n);
    if (n.length > 60) needles.add(n.slice(0, 60));
    for (const part of n.split(/[,\s]+/)) if (part.length >= 4) needles.add(part);
    try {
      const decoded = normalise(decodeURIComponent(value)).trim();
      if (decoded.length >= 4) needles.add(decoded);
    } catch {
      // not an escaped value
    }
  }
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) out = out.split(needle).join(' ');
  return out;
}

/** What the body shows that it must not: SQL, a stack, a path, or a driver message, after the request's own values are taken out. */
export function findLeak(body: string, sent: readonly string[]): Leak | undefined {
  if (body.length === 0) return undefined;
  const text = withoutEchoes(body, sent);
  const excerpt = (m: RegExpExecArray) => text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80);
  let m = SQL_TEXT.exec(text);
  if (m) return { kind: 'sql', excerpt: excerpt(m) };
  // Stacks are looked for in the body as sent: normalising folds the newlines they start with.
  m = STACK.exec(body);
  if (m) return { kind: 'stack', excerpt: body.slice(Math.max(0, m.index - 80), m.index + 200) };
  m = FILE_PATH.exec(text);
  if (m) return { kind: 'path', excerpt: excerpt(m) };
  for (const pattern of DRIVER) {
    m = pattern.exec(text);
    if (m) return { kind: 'driver', excerpt: excerpt(m) };
  }
  return undefined;
}
