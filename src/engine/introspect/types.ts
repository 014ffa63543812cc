/**
 * What `readCatalog` learns about one database: plain data, close to pg_catalog, with no
 * admin decisions in it yet. `catalogToDefinitions` makes those decisions, so the mapping
 * can be unit-tested (and changed) without a database.
 */

/** pg_class.relkind r / v / m / p. Partitions themselves never appear: their parent does. */
export type CatalogKind = 'table' | 'view' | 'materialized_view' | 'partitioned_table';

export interface CatalogColumn {
  name: string;
  /** As declared, from format_type: 'character varying(200)', 'post_status[]', 'email_address'. */
  sqlType: string;
  /** The declared type with domains resolved (through nested domains): 'text' for a domain over text. */
  baseType: string;
  /**
   * pg_type.typname of the resolved type, or of the resolved element type for an array:
   * 'int4', 'timestamptz', 'text', or the enum's own name. The type mapping keys on this.
   */
  typeName: string;
  /** pg_type.typtype of that type: 'b' base, 'e' enum, 'r' range, 'c' composite, 'm' multirange, … */
  typeKind: string;
  isDomain: boolean;
  isArray: boolean;
  /** Labels in their sort order when the type, its array element or its domain base is an enum. */
  enumLabels: string[] | null;
  /** False when the column or any domain in its chain is NOT NULL. Always true for view columns. */
  nullable: boolean;
  /** Has a DEFAULT (generation expressions are not defaults: see `generated`). */
  hasDefault: boolean;
  /** The DEFAULT or generation expression as SQL text, e.g. "now()" or "nextval('t_id_seq'::regclass)". */
  defaultExpression: string | null;
  identity: 'always' | 'by_default' | null;
  /** 'virtual' exists from PostgreSQL 18. */
  generated: 'stored' | 'virtual' | null;
  /**
   * `writable` views only: false for a column PostgreSQL cannot write through the view (an
   * expression, a constant). Tables and other views leave it unset. A view column taken as it is from its table carries
   * that column's nullable, hasDefault, identity and generated (see `CatalogTable.writable`).
   */
  writable?: boolean;
}

export interface CatalogForeignKey {
  name: string;
  /** Referencing columns, paired by position with `references.columns`. */
  columns: string[];
  references: { schema: string; table: string; columns: string[] };
}

export interface CatalogUniqueKey {
  /** The index's name (a UNIQUE constraint's index shares the constraint's name). */
  name: string;
  columns: string[];
}

export interface CatalogTable {
  schema: string;
  name: string;
  kind: CatalogKind;
  /** Planner estimate (reltuples; summed over the leaf partitions of a partitioned table); 0 when unknown. */
  estimatedRows: number;
  /** False when never analysed or vacuumed (reltuples = -1): `estimatedRows` is then a guess of 0. */
  analyzed: boolean;
  /** COMMENT ON TABLE/VIEW text. */
  comment: string | null;
  /**
   * In key order; empty when there is none. Views have none, except a `writable` view that
   * shows its table's whole primary key: those columns, as the view names them.
   */
  primaryKey: string[];
  /**
   * Unique indexes usable as a row key: valid, not partial, no expressions (INCLUDE columns
   * left out). Ordered by name. The primary key's own index is not repeated here.
   */
  uniqueKeys: CatalogUniqueKey[];
  foreignKeys: CatalogForeignKey[];
  /** In attnum order, without dropped and system columns. */
  columns: CatalogColumn[];
  /**
   * Views only: PostgreSQL inserts, updates and deletes through it itself (a simple view over
   * one table: pg_relation_is_updatable, no rules of its own; INSTEAD OF triggers do not
   * count). Tables leave it unset; materialized views are never written.
   */
  writable?: boolean;
}
