import type { ColumnType, ResolvedColumn } from '../resources/types';

/**
 * The only place identifiers become SQL text. Every identifier comes from a resource
 * definition (never from a request) and is still quoted; every value is a $n parameter.
 */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteTable(table: { schema: string; name: string }): string {
  return `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
}

/**
 * The PostgreSQL type a computed column's expression is cast to, from its declared type, so its
 * value is read, compared and carried in cursors as that type (an int8 as exact text). Types
 * that do not name one PostgreSQL type (number: numeric or a float; enum, json, array) are left
 * as the expression gives them.
 */
const COMPUTED_CAST: Partial<Record<ColumnType, string>> = {
  integer: 'int4',
  bigint: 'int8',
  money_cents: 'int8',
  text: 'text',
  longtext: 'text',
  email: 'text',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  timestamp: 'timestamp',
  uuid: 'uuid',
  bytes: 'bytea',
};

/**
 * A column as SQL: its quoted name, or a computed column's expression (from the definition,
 * never a request: see resources/computed.ts), in parentheses and cast to its declared type.
 * Every SELECT, WHERE and ORDER BY of the list and export use this, so they agree exactly.
 */
export function columnSql(column: Pick<ResolvedColumn, 'name' | 'type' | 'sql'>): string {
  if (column.sql === undefined) return quoteIdent(column.name);
  const cast = COMPUTED_CAST[column.type];
  return cast ? `((${column.sql})::${cast})` : `(${column.sql})`;
}

/** A column in a select list: its quoted name, or a computed column's expression under its name as a quoted alias. */
export function selectColumnSql(column: Pick<ResolvedColumn, 'name' | 'type' | 'sql'>): string {
  return column.sql === undefined ? quoteIdent(column.name) : `${columnSql(column)} AS ${quoteIdent(column.name)}`;
}

/** Collects parameter values and hands out their $n placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything starting with 50. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
