import pg from 'pg';
import { timestamptzFromPg } from '../values/datetime';

const builtins = pg.types.builtins;

/** pg's parser for text[] splits any one-dimensional or nested array literal into strings. */
const textArray = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0]) as (value: string) => unknown;

type Nested = string | null | Nested[];
function mapNested(value: Nested, each: (text: string) => unknown): unknown {
  if (value === null) return null;
  return Array.isArray(value) ? value.map((v) => mapNested(v, each)) : each(value);
}
const arrayOf = (each: (text: string) => unknown) => (value: string) => mapNested(textArray(value) as Nested, each);
const asText = (value: string) => value;
/**
 * A float as a JS number when it is one exactly (PostgreSQL prints the shortest text that
 * reads back as the same float, and a JS number is a float8), so charts and sums work; NaN,
 * ±Infinity and -0, which JSON cannot carry, stay text.
 */
const float = (value: string) => {
  const n = Number(value);
  return Number.isFinite(n) && value !== '-0' ? n : value;
};

/**
 * How a domain's values arrive from the driver: as the database's own text wherever a JS
 * value would not hold them exactly. pg's defaults turn timestamptz into Dates (milliseconds
 * only, no infinity or BC era), NaN and Infinity floats into numbers JSON turns into null,
 * intervals into objects, bytea into Buffers ("[object Object]" on screen) and JSON into JS
 * values (26-digit numbers rounded, JSON null lost). int8 and
 * numeric are text by default already; int2/int4, booleans and uuids are exact as they are.
 */
const OVERRIDES = new Map<number, (value: string) => unknown>([
  [builtins.TIMESTAMPTZ, timestamptzFromPg],
  [1185, arrayOf(timestamptzFromPg)], // timestamptz[]
  [builtins.TIMESTAMP, asText],
  [1115, arrayOf(asText)], // timestamp[]
  [builtins.DATE, asText],
  [1182, arrayOf(asText)], // date[]
  [builtins.FLOAT4, float],
  [builtins.FLOAT8, float],
  [1021, arrayOf(float)], // float4[]
  [1022, arrayOf(float)], // float8[]
  [1231, arrayOf(asText)], // numeric[]: pg parses its elements as floats, rounding long numerics
  [builtins.INTERVAL, asText],
  [1187, arrayOf(asText)], // interval[]
  [builtins.BYTEA, asText], // \x0a1b…, which PostgreSQL reads back as the same bytes
  [1001, arrayOf(asText)], // bytea[]
  [builtins.TIMETZ, asText],
  [builtins.TIME, asText],
  [600, asText], // point: pg makes {x, y}, which showed as [object Object]
  [1017, arrayOf(asText)], // point[]
  [718, asText], // circle: pg makes {x, y, radius}
  [719, arrayOf(asText)], // circle[]
  // JSON as its text: JSON.parse would round 26-digit numbers and make JSON null SQL NULL (values/json.ts).
  [builtins.JSON, asText],
  [builtins.JSONB, asText],
  [199, arrayOf(asText)], // json[]
  [3807, arrayOf(asText)], // jsonb[]
]);

/** The `types` of a domain pool's clients (the hub's own pool keeps pg's defaults: Better Auth wants Dates). */
export const exactTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => OVERRIDES.get(oid) ?? pg.types.getTypeParser(oid, format),
};

/**
 * Session settings for a domain pool, sent when each connection starts: timestamptz text in
 * UTC and ISO order, whatever the database or role default (a product database may run with
 * `DateStyle = 'SQL, DMY'` or a local TimeZone). Values typed without an offset mean UTC.
 */
export const EXACT_SESSION_SETTINGS = { TimeZone: 'UTC', DateStyle: 'ISO,YMD', IntervalStyle: 'postgres' } as const;
export const EXACT_SESSION_OPTIONS = Object.entries(EXACT_SESSION_SETTINGS)
  .map(([name, value]) => `-c ${name}=${value}`)
  .join(' ');
