import { ResourceDefinitionError } from './errors';
import { resolveColumnExtras } from './renderers';
import type { ColumnDef, ComputedColumnDef, ResolvedColumn } from './types';

/*
 * Computed (virtual) columns: ResourceDef.computed, resolved into read-only columns that carry
 * their SQL expression (server only). The expression is trusted code from the definition, never
 * from a request; what is checked here are the mistakes that would change the statement it is
 * put into rather than the column's value: a `;`, a comment (`--` would swallow the closing
 * parenthesis and the rest of the line), a `$` (a `$1` would read a request's parameter; dollar
 * quoting could hide either), unbalanced parentheses or quotes. list/sql.ts `columnSql` wraps it
 * in parentheses and casts it to the declared type wherever it is used.
 */

/** What a computed column's name may be: a plain identifier, not the engine's own `__` aliases. */
const NAME = /^(?!__)[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const TEXT_TYPES = new Set(['text', 'longtext', 'email']);
const MAX_SQL = 4000;

/** Why an expression cannot be put into a statement as it is, or undefined when it can. */
export function computedSqlProblem(sql: unknown): string | undefined {
  if (typeof sql !== 'string' || sql.trim() === '') return 'needs `sql`: a SQL expression over the row';
  if (sql.length > MAX_SQL) return `has an expression of ${sql.length} characters; at most ${MAX_SQL}`;
  if (sql.includes('\u0000')) return 'has a NUL character in its expression';
  // E'…' strings take backslash escapes, which the scan below does not follow: say '' for a quote.
  if (/(^|[^A-Za-z0-9_])[Ee]'/.test(sql)) return "uses an E'…' string; write quotes as '' in a plain '…' string";
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = closingQuote(sql, i);
      if (end < 0) return `has an unterminated ${ch === "'" ? 'string' : 'quoted name'}`;
      i = end;
      continue;
    }
    if (ch === ';') return 'has a `;`: one expression only';
    if (ch === '$') return 'has a `$`: no parameters or dollar quoting (request values never reach an expression)';
    if ((ch === '-' && sql[i + 1] === '-') || (ch === '/' && sql[i + 1] === '*')) return 'has a comment: it would swallow the rest of the statement';
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return 'has a `)` without its `(`';
  }
  return depth === 0 ? undefined : 'has a `(` without its `)`';
}

/** The index of the quote closing the one at `start` (a doubled quote is one character of it), or -1. */
function closingQuote(sql: string, start: number): number {
  const quote = sql[start]!;
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i++;
    else return i;
  }
  return -1;
}

/**
 * The definition's computed columns, resolved like declared ones (`resolveColumn`) and then made
 * read-only: never required, written, a key or a reference; not sortable, filtered or searched
 * unless said (an expression has no index unless one is built on it); searchable only when its
 * type is text. `taken`: the declared columns' names.
 */
export function resolveComputedColumns(
  resourceId: string,
  computed: Record<string, ComputedColumnDef> | undefined,
  taken: ReadonlySet<string>,
  resolveColumn: (column: ColumnDef & { type: ComputedColumnDef['type'] }) => ResolvedColumn,
): ResolvedColumn[] {
  if (computed === undefined) return [];
  if (typeof computed !== 'object' || computed === null || Array.isArray(computed))
    throw new ResourceDefinitionError(resourceId, 'computed must be an object of columns by name: { line_total: { sql: …, type: … } }.');
  return Object.entries(computed).map(([name, def]) => {
    const fail = (message: string) => new ResourceDefinitionError(resourceId, `computed column "${name}" ${message}.`);
    if (!NAME.test(name)) throw fail('must be named with letters, digits and underscores (not starting with __)');
    if (taken.has(name)) throw fail('has the name of a declared column');
    const problem = computedSqlProblem(def?.sql);
    if (problem) throw fail(problem);
    if (typeof def.type !== 'string') throw fail('needs its `type` (the type of its value, e.g. bigint, text, datetime)');
    const given = def as ComputedColumnDef & Partial<Pick<ColumnDef, 'secret' | 'references' | 'readOnly'>>;
    if (given.secret) throw fail('cannot be secret: it is computed from other columns (mask those, or mask it)');
    if (given.references) throw fail('cannot reference another resource');
    if (given.readOnly === false) throw fail('is always read-only');
    if (def.searchable && !TEXT_TYPES.has(def.type)) throw fail(`is searchable only with a text type (text, longtext, email), not ${def.type}`);
    if (def.type === 'enum' && !def.options?.length) throw fail('is an enum: it needs its options');
    const { sql, ...rest } = def;
    const column = resolveColumn({ ...rest, name, readOnly: true });
    return {
      ...column,
      // A cell or display renderer and help text, as for declared columns (never an input: it is not written).
      ...resolveColumnExtras(resourceId, { name, cell: def.cell, display: def.display, help: def.help }),
      sortable: def.sortable ?? false,
      filter: def.filter === false ? undefined : def.filter,
      searchable: def.searchable ?? false,
      readOnly: true,
      hasDefault: false,
      required: false,
      references: undefined,
      secret: false,
      computed: true,
      sql,
    };
  });
}
