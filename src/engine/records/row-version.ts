import { createHmac } from 'node:crypto';
import { getConfig } from '../config/current';
import type { Row } from '../db/query';
import type { Resource } from '../resources/types';

/*
 * The row version an edit carries (the conflict check): PostgreSQL's xmin on tables, read in
 * the statement itself. A view has no xmin, so a writable view's rows (rowVersion 'values')
 * are versioned by their values instead: a hash of every column as the view shows it, keyed
 * with the hub's secret so that a version handed to the browser cannot be used to guess a
 * secret or masked column offline. Any change to a column the view shows is a new version.
 */

/** The SQL of the `__version` column a read or write returns: the row's xmin, or nothing when the hub computes it. */
export function versionSelectSql(resource: Resource): string {
  return resource.readOnly || resource.rowVersion === 'values' ? 'NULL::text' : 'xmin::text';
}

/** The `__version` of a row an INSERT returns (PostgreSQL refuses RETURNING xmin there on partitioned tables: see row-statements.ts). */
export function insertedVersionSql(resource: Resource): string {
  return resource.rowVersion === 'values' ? 'NULL::text' : '(pg_current_xact_id()::text::int8 % 4294967296)::text';
}

let key: { secret: string; key: Buffer } | undefined;
function versionKey(): Buffer {
  const secret = getConfig().auth.secret;
  if (key?.secret !== secret) key = { secret, key: createHmac('sha256', secret).update('admin-hub row version').digest() };
  return key.key;
}

/** The version of a row read or written (already serialised: dates as ISO text), or what the statement returned. */
export function rowVersionOf(resource: Resource, row: Row, fromStatement: string | null): string | null {
  if (resource.readOnly || resource.rowVersion !== 'values') return fromStatement;
  const values = resource.columns.map((c) => row[c.name] ?? null);
  const text = JSON.stringify(values, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return `v${createHmac('sha256', versionKey()).update(text).digest('hex').slice(0, 32)}`;
}
