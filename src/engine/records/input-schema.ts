import { z } from 'zod';
import { words } from '../i18n/words';
import type { ColumnType, Resource, ResolvedColumn } from '../resources/types';
import { parseDate, parseDateTime, parseTimestamp } from '../values/datetime';
import { checkArray, parseArrayText } from '../values/arrays';
import { keepsEmpty } from '../values/empty';
import { parseHexBytes } from '../values/bytes';
import { jsonTextOf, parseJsonText } from '../values/json';
import { hasLoneSurrogate, NUL } from '../values/text';
import { fitsNumeric, INTEGER_RANGES, parseDecimal, parseWholeNumber } from '../values/numbers';

/**
 * One Zod schema per resource, derived from its definition, used on the server for every
 * write (and by the form in the browser, for speed). Form values arrive as strings; the
 * schema turns them into what PostgreSQL expects, or says what is wrong with each. Schemas are
 * built once per resource, so every message is a function, asked at each parse: it speaks the
 * language of the request (or page) being answered (engine/i18n/words.ts).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A text parser of the value model (engine/values) as a Zod step: its message becomes the field's. */
function strict(parse: (raw: string) => { ok: true; value: string } | { ok: false; message: string }) {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const parsed = parse(typeof v === 'number' ? String(v) : v);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });
}

function base(column: ResolvedColumn): z.ZodType<unknown> {
  // PostgreSQL's text cannot hold the NUL character: refused here, in words, not by the database.
  const anyText = z
    .string()
    .refine((v) => !v.includes(NUL), { error: () => words('values.nul') })
    .refine((v) => !hasLoneSurrogate(v), { error: () => words('values.loneSurrogate') });
  const text = column.maxLength
    ? anyText.refine(
        (v) => [...v].length <= column.maxLength!, // characters as PostgreSQL counts them (code points)
        { error: () => words('values.tooLong', { limit: column.maxLength! }) },
      )
    : anyText;
  const byType: Record<ColumnType, () => z.ZodType<unknown>> = {
    text: () => text,
    longtext: () => text,
    email: () => text.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { error: () => words('values.notEmail') }),
    uuid: () => z.string().regex(UUID, { error: () => words('values.notUuid') }),
    // Whole numbers as decimal digits only ("0x41", "1e3" and blanks are refused), range-checked
    // exactly; an int4 goes to the database as a number, an int8 as its text.
    integer: () => strict((raw) => parseWholeNumber(raw, INTEGER_RANGES.integer)).transform(Number),
    bigint: () => strict((raw) => parseWholeNumber(raw, INTEGER_RANGES.bigint)),
    money_cents: () => strict((raw) => parseWholeNumber(raw, INTEGER_RANGES.bigint, 'cents')),
    number: () => {
      const digits = column.digits;
      return strict((raw) => {
        const parsed = parseDecimal(raw);
        return parsed.ok && digits ? fitsNumeric(parsed.value, digits.precision, digits.scale) : parsed;
      });
    },
    boolean: () =>
      z.union([z.boolean(), z.enum(['true', 'false', 'on', 'off', '1', '0'])]).transform((v) => v === true || v === 'true' || v === 'on' || v === '1'),
    // Checked against the calendar and sent as typed: no JS Date (no rollover, no lost microseconds).
    date: () => strict(parseDate),
    datetime: () => strict(parseDateTime),
    timestamp: () => strict(parseTimestamp),
    // Hex text, whole bytes, within the form's size limit (values/bytes.ts).
    bytes: () => strict((raw) => parseHexBytes(raw)),
    enum: () => z.enum((column.options ?? []) as [string, ...string[]], { error: () => words('values.oneOf', { options: column.options?.join(', ') ?? '' }) }),
    // Any JSON value, stored from its text (see values/json.ts); JSON null is not SQL NULL.
    json: () =>
      z.unknown().transform((v, ctx) => {
        if (typeof v !== 'string') return jsonTextOf(v);
        const parsed = parseJsonText(v);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
    // One item per line, or JSON for what lines cannot hold (NULL items, several dimensions): values/arrays.ts.
    array: () =>
      z.unknown().transform((v, ctx) => {
        const parsed = typeof v === 'string' ? parseArrayText(v) : checkArray(v);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
  };
  return byType[column.type]();
}

/**
 * Whether a column must hold a value after this write. On create: the definition's
 * `required` (by default NOT NULL without a default, not written by the database). On edit:
 * that, or NOT NULL — a NOT NULL column can never be emptied. The form marks exactly these
 * with *, and the schema below refuses them empty; both come from here.
 */
export function isRequired(column: Pick<ResolvedColumn, 'required' | 'nullable' | 'readOnly'>, mode: 'create' | 'update'): boolean {
  if (column.readOnly) return false;
  return mode === 'create' ? column.required : column.required || !column.nullable;
}

/** '' and (for text) only blanks: what "left empty" means. */
const isEmpty = (v: unknown) => v === '' || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * One column's schema. Empty means: on create, "not given" (the column's default applies),
 * on edit, NULL (except where empty is a value of its own, see keepsEmpty; null is NULL there); a required column refuses empty with "Required." in both, text included
 * (never stored as ''). On edit an absent key is "not changed" and is not checked.
 */
function field(column: ResolvedColumn, mode: 'create' | 'update'): z.ZodType<unknown> {
  const nullable = base(column).nullable();
  if (isRequired(column, mode)) {
    const checked = nullable.refine((v) => v !== null, { error: () => words('values.required') });
    const ifAbsent = mode === 'create' ? null : undefined;
    return z.preprocess((v) => (v === undefined ? ifAbsent : isEmpty(v) ? null : v), mode === 'create' ? checked : checked.optional());
  }
  const ifEmpty = mode === 'create' ? undefined : null;
  const emptyIsValue = keepsEmpty(column);
  return z.preprocess((v) => (v === '' && !emptyIsValue ? ifEmpty : v), nullable.optional());
}

/** Columns an operator can write: not read-only, not the soft-delete marker, not generated. */
export function writableColumns(resource: Resource): ResolvedColumn[] {
  return resource.columns.filter((c) => !c.readOnly && c.name !== resource.softDelete);
}

// Building a Zod object schema (and its compiled fast path) costs more than a whole save's
// SQL round trip, so each resource's two schemas are built once. Resources are immutable
// once resolved; a redefined resource is a new object and gets its own entry.
type Shape = Record<string, z.ZodType<unknown>>;
const schemas = new WeakMap<Resource, Partial<Record<'create' | 'update', { schema: z.ZodType<Record<string, unknown>>; shape: Shape }>>>();

export function inputSchema(resource: Resource, mode: 'create' | 'update'): z.ZodType<Record<string, unknown>> {
  return built(resource, mode).schema;
}

function built(resource: Resource, mode: 'create' | 'update'): { schema: z.ZodType<Record<string, unknown>>; shape: Shape } {
  let cached = schemas.get(resource);
  if (!cached) schemas.set(resource, (cached = {}));
  return (cached[mode] ??= buildInputSchema(resource, mode));
}

function buildInputSchema(resource: Resource, mode: 'create' | 'update'): { schema: z.ZodType<Record<string, unknown>>; shape: Shape } {
  const shape: Shape = {};
  for (const column of writableColumns(resource)) {
    // Key columns are set on create (when not generated) and never changed by an edit.
    if (mode === 'update' && resource.primaryKey.includes(column.name)) continue;
    shape[column.name] = field(column, mode);
  }
  return { schema: z.object(shape).strict(), shape };
}

/**
 * Parses input against the one schema; returns values ready for SQL, or a message for every
 * field that has a problem (all of them at once: the browser runs the same function).
 */
export function parseInput(
  resource: Resource,
  mode: 'create' | 'update',
  input: Record<string, unknown>,
): { ok: true; values: Record<string, unknown> } | { ok: false; fieldErrors: Record<string, string> } {
  const result = inputSchema(resource, mode).safeParse(input);
  if (result.success) {
    // Absent and "not given" fields are left out, so the column's default applies.
    const values = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
    // json goes to pg as its text, arrays as JS arrays (pg writes the array literal).
    return { ok: true, values };
  }
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] !== undefined ? String(issue.path[0]) : '_form';
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys)
        fieldErrors[k] = resource.columns.some((c) => c.name === k && c.computed) ? words('values.computed') : words('values.notWritable');
      continue;
    }
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * The fields of an input that parse, when others did not (parseInput's failure): what a
 * definition's `validate` is shown beside the value model's own messages, so an operator reads
 * every problem at once. A field refused here, or not a writable column, is left out.
 */
export function parsedFields(
  resource: Resource,
  mode: 'create' | 'update',
  input: Record<string, unknown>,
  refused: Record<string, string>,
): Record<string, unknown> {
  const { shape } = built(resource, mode);
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input)) {
    const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!schema || Object.hasOwn(refused, key)) continue;
    const result = schema.safeParse(raw);
    if (result.success && result.data !== undefined) values[key] = result.data;
  }
  return values;
}
