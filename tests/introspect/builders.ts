import type { CatalogColumn, CatalogTable } from '../../src/engine/introspect';

/** A nullable text column as the catalog reports it; tests override what differs. */
export function column(name: string, overrides: Partial<CatalogColumn> = {}): CatalogColumn {
  return {
    name,
    sqlType: 'text',
    baseType: 'text',
    typeName: 'text',
    typeKind: 'b',
    isDomain: false,
    isArray: false,
    enumLabels: null,
    nullable: true,
    hasDefault: false,
    defaultExpression: null,
    identity: null,
    generated: null,
    ...overrides,
  };
}

export const INT = { sqlType: 'integer', baseType: 'integer', typeName: 'int4' } as const;
export const JSONB = { sqlType: 'jsonb', baseType: 'jsonb', typeName: 'jsonb' } as const;
export const TIMESTAMPTZ = { sqlType: 'timestamp with time zone', baseType: 'timestamp with time zone', typeName: 'timestamptz' } as const;

/** An ordinary public table keyed by its first column unless told otherwise. */
export function table(name: string, columns: CatalogColumn[], overrides: Partial<CatalogTable> = {}): CatalogTable {
  return {
    schema: 'public',
    name,
    kind: 'table',
    estimatedRows: 0,
    analyzed: true,
    comment: null,
    primaryKey: columns.length > 0 ? [columns[0]!.name] : [],
    uniqueKeys: [],
    foreignKeys: [],
    columns,
    ...overrides,
  };
}
