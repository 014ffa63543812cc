/**
 * The catalog statements behind `readCatalog`. They read pg_catalog directly: the
 * information_schema views are portable but slow on large schemas (they check privileges
 * row by row and hide domains, enums, identity and partitions behind text). Every statement
 * works on PostgreSQL 15 to 18 (`typsubscript` needs 14, `attgenerated = 'v'` is 18's).
 */

/**
 * $1: schemas to leave out besides every `pg_*` schema (system, TOAST, other sessions' temp);
 * $2: table-name prefix of the hub's own bookkeeping tables.
 * Partitions are left out (their parent stands for them), as are tables that belong to an
 * extension (PostGIS's spatial_ref_sys is not the product's data) and relations the
 * connected role cannot read (the hub could not list them anyway).
 */
export const RELATIONS_SQL = `
-- A partitioned table has no rows of its own: its estimate is the sum over its leaf
-- partitions (through sub-partitions too); -1 ("never analysed") counts as nothing.
-- Computed for all roots in one pass, so pg_class is hashed once, not once per root.
WITH partition_rows AS (
  SELECT root.oid AS root_oid,
         sum(greatest(leaf.reltuples, 0))::float8 AS rows,
         bool_or(leaf.reltuples >= 0) AS analyzed
    FROM pg_class root
   CROSS JOIN LATERAL pg_partition_tree(root.oid) t
    JOIN pg_class leaf ON leaf.oid = t.relid
   WHERE root.relkind = 'p' AND NOT root.relispartition AND t.isleaf
   GROUP BY root.oid
)
SELECT c.oid::int8 AS oid,
       n.nspname::text AS schema,
       c.relname::text AS name,
       c.relkind::text AS kind,
       CASE WHEN c.relkind = 'p' THEN coalesce(pr.rows, 0) ELSE greatest(c.reltuples, 0)::float8 END AS estimated_rows,
       CASE WHEN c.relkind = 'p' THEN coalesce(pr.analyzed, false) ELSE c.reltuples >= 0 END AS analyzed,
       obj_description(c.oid, 'pg_class') AS comment
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN partition_rows pr ON pr.root_oid = c.oid
 WHERE c.relkind IN ('r', 'v', 'm', 'p')
   AND NOT c.relispartition
   AND NOT starts_with(n.nspname, 'pg_')
   AND n.nspname <> ALL ($1::text[])
   AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS prefix WHERE starts_with(c.relname, prefix))
   AND NOT EXISTS (
     SELECT 1 FROM pg_depend d
      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
   AND has_table_privilege(c.oid, 'SELECT')
 ORDER BY n.nspname <> 'public', n.nspname, c.relname`;

/**
 * $1: relation oids. Domains are resolved through any depth of nesting (a domain over a
 * domain over text), for the column's type and for an array's element type; the typmod of
 * the innermost domain is the one that applies to the base type (varchar(20)).
 */
export const COLUMNS_SQL = `
WITH RECURSIVE chain AS (
  SELECT t.oid AS domain_oid, t.typbasetype AS base_oid, t.typtypmod AS base_typmod,
         t.typnotnull AS not_null, 1 AS depth
    FROM pg_type t
   WHERE t.typtype = 'd'
  UNION ALL
  SELECT chain.domain_oid, t.typbasetype, t.typtypmod, chain.not_null OR t.typnotnull, chain.depth + 1
    FROM chain
    JOIN pg_type t ON t.oid = chain.base_oid
   WHERE t.typtype = 'd'
), domain_base AS (
  SELECT DISTINCT ON (domain_oid) domain_oid, base_oid, base_typmod, not_null
    FROM chain
   ORDER BY domain_oid, depth DESC
)
SELECT a.attrelid::int8 AS relid,
       a.attname::text AS name,
       format_type(a.atttypid, a.atttypmod) AS sql_type,
       format_type(bt.oid, coalesce(db.base_typmod, a.atttypmod)) AS base_type,
       et.typname::text AS type_name,
       et.typtype::text AS type_kind,
       db.domain_oid IS NOT NULL AS is_domain,
       arr.is_array,
       CASE WHEN et.typtype = 'e' THEN
         array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = et.oid ORDER BY e.enumsortorder)
       END AS enum_labels,
       NOT (a.attnotnull OR coalesce(db.not_null, false)) AS nullable,
       a.atthasdef AND a.attgenerated = '' AS has_default,
       pg_get_expr(ad.adbin, ad.adrelid) AS default_expression,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       a.attnum::int AS attnum
  FROM pg_attribute a
  LEFT JOIN domain_base db ON db.domain_oid = a.atttypid
  JOIN pg_type bt ON bt.oid = coalesce(db.base_oid, a.atttypid)
  -- A "true" array (int4[], mood[]), not a fixed-length type with subscripts (point, name).
  CROSS JOIN LATERAL (SELECT bt.typsubscript = 'array_subscript_handler'::regproc AS is_array) arr
  LEFT JOIN domain_base edb ON arr.is_array AND edb.domain_oid = bt.typelem
  JOIN pg_type et ON et.oid = CASE WHEN arr.is_array THEN coalesce(edb.base_oid, bt.typelem) ELSE bt.oid END
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
 WHERE a.attrelid = ANY ($1::oid[])
   AND a.attnum > 0
   AND NOT a.attisdropped
 ORDER BY a.attrelid, a.attnum`;

/**
 * $1: relation oids. Primary keys ('p'), unique indexes usable as a row key ('u') and
 * foreign keys ('f'), each with its columns in key order.
 * - Key columns only: `indnkeyatts` leaves out INCLUDE columns; an expression (attnum 0)
 *   or a partial index cannot identify rows by column values.
 * - `conparentid = 0`: a foreign key that references a partitioned table is stored once
 *   for the parent and once more per partition; only the first is the product's constraint.
 * - A foreign key declared on a partition only (not on its parent) is the parent's too: the
 *   hub lists the parent, and the column links where the constraint holds. The same key
 *   declared on several partitions is one link (DISTINCT ON).
 */
export const KEYS_SQL = `
SELECT i.indrelid::int8 AS relid,
       CASE WHEN i.indisprimary THEN 'p' ELSE 'u' END AS kind,
       ic.relname::text AS name,
       array(SELECT a.attname::text
               FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE k.ord <= i.indnkeyatts
              ORDER BY k.ord) AS columns,
       NULL::text AS ref_schema,
       NULL::text AS ref_table,
       NULL::text[] AS ref_columns
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
 WHERE i.indrelid = ANY ($1::oid[])
   AND (i.indisprimary OR i.indisunique)
   AND i.indisvalid
   AND i.indpred IS NULL
   AND NOT EXISTS (
     SELECT 1 FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
      WHERE k.ord <= i.indnkeyatts AND k.attnum = 0)
UNION ALL
SELECT * FROM (
SELECT DISTINCT ON (coalesce(pg_partition_root(con.conrelid), con.conrelid), con.conkey, con.confrelid, con.confkey)
       coalesce(pg_partition_root(con.conrelid), con.conrelid)::int8,
       'f',
       con.conname::text,
       array(SELECT a.attname::text
               FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
              ORDER BY k.ord),
       rn.nspname::text,
       rc.relname::text,
       array(SELECT a.attname::text
               FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
              ORDER BY k.ord)
  FROM pg_constraint con
  JOIN pg_class rc ON rc.oid = con.confrelid
  JOIN pg_namespace rn ON rn.oid = rc.relnamespace
 WHERE con.contype = 'f'
   AND coalesce(pg_partition_root(con.conrelid), con.conrelid) = ANY ($1::oid[])
   AND con.conparentid = 0
 ORDER BY coalesce(pg_partition_root(con.conrelid), con.conrelid), con.conkey, con.confrelid, con.confkey, con.conname
) AS fk
 ORDER BY 1, 2, 3`;

/**
 * $1: relation oids (views among them). For each plain view: whether PostgreSQL itself
 * inserts, updates and deletes through it (pg_relation_is_updatable without INSTEAD OF
 * triggers: 8 insert + 4 update + 16 delete = 28) with no rule of its own besides the view's
 * `_RETURN` (a DO INSTEAD rule need not return rows, which every hub write asks for), the
 * view's columns PostgreSQL can write (pg_column_is_updatable), and, for such a view only, its
 * query tree as text: where each column comes from (see view-origins.ts).
 */
export const VIEWS_SQL = `
SELECT c.oid::int8 AS relid,
       w.writable,
       array(SELECT a.attname::text
               FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                AND pg_column_is_updatable(c.oid, a.attnum, false)
              ORDER BY a.attnum) AS writable_columns,
       array(SELECT a.attname::text
               FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              ORDER BY a.attnum) AS column_names,
       CASE WHEN w.writable THEN r.ev_action::text END AS query_tree
  FROM pg_class c
  JOIN pg_rewrite r ON r.ev_class = c.oid AND r.rulename = '_RETURN'
 CROSS JOIN LATERAL (
   SELECT pg_relation_is_updatable(c.oid, false) & 28 = 28
          AND NOT EXISTS (SELECT 1 FROM pg_rewrite o WHERE o.ev_class = c.oid AND o.rulename <> '_RETURN') AS writable
 ) w
 WHERE c.oid = ANY ($1::oid[])
   AND c.relkind = 'v'`;

/** $1: table oids. Each one's primary key as attribute numbers, in key order. */
export const PRIMARY_KEY_ATTNUMS_SQL = `
SELECT i.indrelid::int8 AS relid,
       array(SELECT k.attnum::int
               FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
              WHERE k.ord <= i.indnkeyatts
              ORDER BY k.ord) AS attnums
  FROM pg_index i
 WHERE i.indrelid = ANY ($1::oid[])
   AND i.indisprimary`;
