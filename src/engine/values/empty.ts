import type { ResolvedColumn } from '../resources/types';

/**
 * Columns where empty and NULL are two different values an operator can see and save: an
 * empty text ('') or an empty array ('{}') is not NULL. There, '' is stored as empty and only
 * null means NULL (the form has a NULL switch for them). Elsewhere (numbers, dates, emails…)
 * an empty field can only mean NULL.
 */
export function keepsEmpty(column: Pick<ResolvedColumn, 'type' | 'nullable' | 'required'>): boolean {
  return (column.type === 'text' || column.type === 'longtext' || column.type === 'array') && column.nullable && !column.required;
}
