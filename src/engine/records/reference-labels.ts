import { can, maskedColumns, withRowScope } from '../auth/access';
import { scopeSql } from '../auth/row-scope';
import type { Operator } from '../auth/operator';
import type { PoolName } from '../db/pools';
import { query } from '../db/query';
import { Params, quoteIdent, quoteTable } from '../list/sql';
import { logger } from '../log';
import { formatRecordLabel } from '../resources/record-label';
import type { Resource, ResolvedColumn } from '../resources/types';

const log = logger('labels');

/** Labels by the referenced column's value as text ("79" → "Ada Lovelace"). */
export type LabelMap = Record<string, string>;

/**
 * The labels of the rows of `target` whose `keyColumn` holds one of `values`: one statement,
 * whatever the number of values (never one per row). Nothing when the operator may not read
 * the target or a label column is masked for them, and none for a row outside their row scope
 * of the target: the id is then all they see. A label is decoration, so a failed lookup leaves
 * the ids showing rather than failing the page.
 */
export async function labelsByKey(operator: Operator, domain: PoolName, target: Resource, keyColumn: string, values: readonly unknown[]): Promise<LabelMap> {
  const label = target.recordLabel;
  if (!label || !can(operator, target, 'read') || !target.columns.some((c) => c.name === keyColumn)) return {};
  const masked = maskedColumns(operator, target);
  if (label.columns.some((c) => masked.has(c))) return {};
  const distinct = [...new Set(values.filter((v) => v !== null && v !== undefined).map(String))];
  if (distinct.length === 0) return {};
  const params = new Params();
  // The parameter takes the key column's array type, so an index on it answers the lookup.
  const conditions = [`${quoteIdent(keyColumn)} = ANY(${params.add(distinct)})`, ...scopeSql(withRowScope(operator, target).scope, params)];
  const select = [`${quoteIdent(keyColumn)}::text AS "__key"`, ...label.columns.map((c) => `${quoteIdent(c)}::text AS ${quoteIdent(c)}`)].join(', ');
  try {
    const rows = await query<Record<string, string | null>>(
      domain,
      `SELECT ${select} FROM ${quoteTable(target.table)} WHERE ${conditions.join(' AND ')}`,
      params.values,
    );
    const out: LabelMap = {};
    for (const row of rows) {
      const text = formatRecordLabel(label, row);
      if (text !== undefined) out[row.__key!] = text;
    }
    return out;
  } catch (error) {
    log.warn(`labels of ${target.domain}/${target.name} could not be read (SQLSTATE ${(error as { code?: string }).code ?? 'none'}); ids are shown instead`);
    return {};
  }
}

/**
 * Labels for the foreign-key columns of a page of rows: per column, value → label. Columns
 * that point at the same resource and column share one lookup.
 */
export async function referenceLabels(
  operator: Operator,
  domain: PoolName,
  columns: readonly ResolvedColumn[],
  rows: readonly Record<string, unknown>[],
  all: readonly Resource[],
): Promise<Record<string, LabelMap>> {
  const groups = new Map<string, { target: Resource; keyColumn: string; columns: string[] }>();
  for (const column of columns) {
    if (!column.references) continue;
    const target = all.find((r) => r.name === column.references!.resource);
    if (!target) continue;
    const key = `${target.name}\u0000${column.references.column}`;
    const group = groups.get(key) ?? { target, keyColumn: column.references.column, columns: [] };
    group.columns.push(column.name);
    groups.set(key, group);
  }
  const out: Record<string, LabelMap> = {};
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const labels = await labelsByKey(
        operator,
        domain,
        group.target,
        group.keyColumn,
        group.columns.flatMap((c) => rows.map((r) => r[c])),
      );
      for (const c of group.columns) out[c] = labels;
    }),
  );
  return out;
}
