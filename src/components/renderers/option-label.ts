import type { ResolvedColumn } from '@admin-hub/engine/resources/types';

/** How an enum value reads to the operator: the definition's label for it (in the request's language), else the value as stored. */
export function optionLabel(column: Pick<ResolvedColumn, 'optionLabels'>, value: unknown): string {
  const text = String(value);
  return column.optionLabels?.[text] ?? text;
}
