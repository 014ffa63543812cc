import { rowTypeKey } from '../resources/rows';
import { quote } from './render-value';
import type { CatalogColumn, CatalogTable } from './types';

/*
 * `npm run introspect -- <domain> --types`: each table's row type, as the engine hands rows out
 * (a domain pool's parsers: db/exact-types.ts over pg's defaults), declared into HubRows
 * (resources/rows.ts) so that pages and hooks say Row<'market', 'customers'> instead of casting.
 */

/** A value's TypeScript type before `| null`: what the driver makes of the column's text. */
export type RowValueKind =
  | { kind: 'number' } // int2, int4, oid
  | { kind: 'float' } // float4/float8: a number, or text for NaN and ±Infinity (JSON has no such numbers)
  | { kind: 'boolean' }
  | { kind: 'string' }
  | { kind: 'labels'; labels: readonly string[] } // an enum: one of its labels
  | { kind: 'array'; item: RowValueKind }; // items may be NULL; a multi-dimensional array comes nested

/** Scalars the driver turns into something other than their text (every other type stays text). */
const SCALAR: Record<string, RowValueKind> = {
  int2: { kind: 'number' },
  int4: { kind: 'number' },
  oid: { kind: 'number' },
  float4: { kind: 'float' },
  float8: { kind: 'float' },
  bool: { kind: 'boolean' },
};

/**
 * Arrays the driver splits into items, by item type (pg-types' registry, with the engine's
 * overrides): how each item is read, and how format_type names the item type, to tell a
 * built-in array from an array of a domain over it (which arrives as its literal text).
 * Any other array (of an enum, of a domain, name[], xml[], ranges…) arrives as its text: '{a,b}'.
 */
const ARRAY_ITEMS: Record<string, { item: RowValueKind; formats: readonly string[] }> = {
  int2: { item: { kind: 'number' }, formats: ['smallint'] },
  int4: { item: { kind: 'number' }, formats: ['integer'] },
  oid: { item: { kind: 'number' }, formats: ['oid'] },
  numeric: { item: { kind: 'string' }, formats: ['numeric'] }, // as text, exactly (db/exact-types.ts)
  float4: { item: { kind: 'float' }, formats: ['real'] },
  float8: { item: { kind: 'float' }, formats: ['double precision'] },
  bool: { item: { kind: 'boolean' }, formats: ['boolean'] },
  int8: { item: { kind: 'string' }, formats: ['bigint'] },
  text: { item: { kind: 'string' }, formats: ['text'] },
  varchar: { item: { kind: 'string' }, formats: ['character varying'] },
  bpchar: { item: { kind: 'string' }, formats: ['character', 'bpchar'] },
  json: { item: { kind: 'string' }, formats: ['json'] },
  jsonb: { item: { kind: 'string' }, formats: ['jsonb'] },
  uuid: { item: { kind: 'string' }, formats: ['uuid'] },
  date: { item: { kind: 'string' }, formats: ['date'] },
  timestamp: { item: { kind: 'string' }, formats: ['timestamp'] },
  timestamptz: { item: { kind: 'string' }, formats: ['timestamp'] },
  time: { item: { kind: 'string' }, formats: ['time'] },
  timetz: { item: { kind: 'string' }, formats: ['time'] },
  interval: { item: { kind: 'string' }, formats: ['interval'] },
  bytea: { item: { kind: 'string' }, formats: ['bytea'] },
  inet: { item: { kind: 'string' }, formats: ['inet'] },
  cidr: { item: { kind: 'string' }, formats: ['cidr'] },
  macaddr: { item: { kind: 'string' }, formats: ['macaddr'] },
  money: { item: { kind: 'string' }, formats: ['money'] },
  point: { item: { kind: 'string' }, formats: ['point'] },
  circle: { item: { kind: 'string' }, formats: ['circle'] },
  numrange: { item: { kind: 'string' }, formats: ['numrange'] },
  regproc: { item: { kind: 'string' }, formats: ['regproc'] },
};

function isBuiltInArray(column: CatalogColumn, formats: readonly string[]): boolean {
  // baseType is the array's own type with domains over it resolved: 'integer[]', 'character varying(3)[]', or 'em[]' for an array of a domain.
  return formats.some((f) => column.baseType === `${f}[]` || new RegExp(`^${f}(?![a-z0-9_])`).test(column.baseType));
}

/** How the engine hands out this column's non-NULL values. */
export function rowValueKind(column: CatalogColumn): RowValueKind {
  if (column.isArray) {
    const parsed = ARRAY_ITEMS[column.typeName];
    return parsed && column.typeKind !== 'e' && isBuiltInArray(column, parsed.formats) ? { kind: 'array', item: parsed.item } : { kind: 'string' };
  }
  if (column.typeKind === 'e' && column.enumLabels && column.enumLabels.length > 0) return { kind: 'labels', labels: column.enumLabels };
  return SCALAR[column.typeName] ?? { kind: 'string' };
}

/** The members of the TypeScript union a value of this kind has, without NULL: ['number', 'string'], ["'draft'", "'published'"]. */
export function typeMembers(kind: RowValueKind): string[] {
  switch (kind.kind) {
    case 'float':
      return ['number', 'string'];
    case 'labels':
      return kind.labels.map(quote);
    case 'array':
      return [`(${[...typeMembers(kind.item), 'null'].join(' | ')})[]`];
    default:
      return [kind.kind];
  }
}

/** Whether a value the engine handed out has this kind (NULL aside): what the tests check generated types against. */
export function valueHasKind(value: unknown, kind: RowValueKind): boolean {
  switch (kind.kind) {
    case 'number':
      return typeof value === 'number';
    case 'float':
      return typeof value === 'number' || typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'labels':
      return typeof value === 'string' && kind.labels.includes(value);
    case 'array': {
      // Nested arrays are a multi-dimensional array's rows.
      const items = (v: unknown): boolean => Array.isArray(v) && v.every((i) => i === null || items(i) || valueHasKind(i, kind.item));
      return items(value);
    }
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) ? name : quote(name));

const KINDS: Record<CatalogTable['kind'], string> = {
  table: 'table',
  view: 'view',
  materialized_view: 'materialized view',
  partitioned_table: 'partitioned table',
};

/** Prettier's width for this project: a union that does not fit goes one member per line. */
const MAX_WIDTH = 160;

function property(name: string, members: readonly string[], indent: string): string[] {
  const line = `${indent}${key(name)}: ${members.join(' | ')};`;
  if (line.length <= MAX_WIDTH || members.length === 1) return [line];
  return [`${indent}${key(name)}:`, ...members.map((member, i) => `${indent}  | ${member}${i === members.length - 1 ? ';' : ''}`)];
}

/**
 * A TypeScript module that declares every relation of the catalog into HubRows under `domain`.
 * Tables are keyed as resources/rows.ts says (`rowTypeKey`), columns in their order.
 */
export function renderRowTypesFile(domain: string, tables: readonly CatalogTable[]): string {
  if (!/^[a-z][a-z0-9_]*$/.test(domain)) throw new Error(`"${domain}" is not a valid domain name.`);
  const lines = [
    '/**',
    ` * Row types of the "${domain}" domain, generated from its database catalog by`,
    ` * \`npm run introspect -- ${domain} --types\`: do not edit, run it again after a migration.`,
    ` * Used as Row<'${domain}', '<table>'> (from '@admin-hub/engine/resources/rows'); tables outside`,
    " * `public` are keyed with their schema ('audit.events'). Values as the engine hands them out:",
    ' * int2/int4 numbers, int8, numeric, dates and times, JSON and bytea as text, floats as numbers',
    ' * (NaN and ±Infinity as text), an enum one of its labels, NULL as null.',
    ' */',
    'export {};',
    '',
    "declare module '@/engine/resources/rows' {",
    '  interface HubRows {',
    `    ${domain}: {`,
  ];
  tables.forEach((table, i) => {
    if (i > 0) lines.push('');
    lines.push(`      /** ${table.schema}.${table.name} (${KINDS[table.kind]}) */`);
    if (table.columns.length === 0) {
      lines.push(`      ${key(rowTypeKey(table))}: Record<string, never>;`);
      return;
    }
    lines.push(`      ${key(rowTypeKey(table))}: {`);
    for (const column of table.columns) {
      const members = typeMembers(rowValueKind(column));
      lines.push(...property(column.name, column.nullable ? [...members, 'null'] : members, '        '));
    }
    lines.push('      };');
  });
  lines.push('    };', '  }', '}');
  return `${lines.join('\n')}\n`;
}
