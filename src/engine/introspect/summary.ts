import type { DefinitionPlan, PlannedDefinition } from './to-definitions';
import type { CatalogKind } from './types';

const KIND_WORDS: Record<CatalogKind, [string, string]> = {
  table: ['table', 'tables'],
  partitioned_table: ['partitioned table', 'partitioned tables'],
  view: ['view', 'views'],
  materialized_view: ['materialized view', 'materialized views'],
};

function count(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line about a definition, for a comment in the generated file: where it comes from and how rows are keyed. */
export function describePlanned({ table, key }: PlannedDefinition): string {
  const rows = table.analyzed ? `~${table.estimatedRows.toLocaleString('en-US')} rows` : 'rows not yet estimated';
  const parts = [`${table.schema}.${table.name}: ${KIND_WORDS[table.kind][0]}, ${rows}`];
  if (key.source === 'unique index') parts.push(`no primary key, rows identified by unique index ${key.index}`);
  if (table.kind === 'view' && table.writable && key.source === 'primary key') parts.push("PostgreSQL writes through it: keyed by its table's primary key");
  if (key.source === 'all columns') parts.push('no primary key or unique index, rows identified by all their columns (read-only)');
  return parts.join('; ');
}

/** Notes for renderDefinitionFile, keyed by resource name. */
export function notesFor(plan: DefinitionPlan): Record<string, string> {
  return Object.fromEntries(plan.planned.map((p) => [p.def.name, describePlanned(p)]));
}

/** "11 resources: 8 tables, 1 partitioned table, 1 view, 1 materialized view" and the skipped ones. */
export function summarize(plan: DefinitionPlan): string[] {
  const kinds = Object.keys(KIND_WORDS) as CatalogKind[];
  const parts = kinds
    .map((kind) => [kind, plan.planned.filter((p) => p.table.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => count(n, KIND_WORDS[kind]));
  const lines = [`${plan.planned.length} resource${plan.planned.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`];
  const keyless = plan.planned.filter((p) => p.key.source === 'all columns' && p.table.kind !== 'view');
  if (keyless.length > 0) lines.push(`read-only for want of a key: ${keyless.map((p) => `${p.table.schema}.${p.table.name}`).join(', ')}`);
  for (const s of plan.skipped) lines.push(`skipped ${s.table.schema}.${s.table.name}: ${s.reason}`);
  return lines;
}
