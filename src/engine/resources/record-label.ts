import { ResourceDefinitionError } from './errors';
import type { ResolvedColumn } from './types';

/**
 * What names a row: the definition's `recordLabel` (a column, or a template of columns), or a
 * guess from the column names a schema usually has. Checked at start-up like the rest of a
 * definition, so a template naming a column that is not declared fails with the resource's name.
 */
const NAME_COLUMNS = ['name', 'full_name', 'display_name', 'title', 'label', 'username', 'email', 'slug', 'code', 'subject', 'headline'];
const TEXT_TYPES = new Set(['text', 'email', 'longtext', 'enum', 'uuid']);
const PLACEHOLDER = /\{([^{}]+)\}/g;

export function resolveRecordLabel(
  resourceId: string,
  label: string | false | undefined,
  columns: readonly ResolvedColumn[],
  primaryKey: readonly string[],
): { columns: string[]; template: string } | undefined {
  if (label === false) return undefined;
  const byName = new Map(columns.map((c) => [c.name, c]));
  if (label !== undefined) {
    const template = label.includes('{') ? label : `{${label}}`;
    const named = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    const unknown = named.filter((n) => !byName.has(n));
    if (named.length === 0 || unknown.length > 0)
      throw new ResourceDefinitionError(
        resourceId,
        `recordLabel "${label}" must name declared columns (${unknown.join(', ') || 'none named'}): a column, or a template like '{first_name} {last_name}'.`,
      );
    return { columns: [...new Set(named)], template };
  }
  // Secrets never name a row; key columns already show as the id beside the label.
  const usable = (name: string) => {
    const column = byName.get(name);
    return column !== undefined && TEXT_TYPES.has(column.type) && !column.secret && !primaryKey.includes(name);
  };
  const named = NAME_COLUMNS.find(usable);
  if (named) return { columns: [named], template: `{${named}}` };
  if (usable('first_name') && usable('last_name')) return { columns: ['first_name', 'last_name'], template: '{first_name} {last_name}' };
  const searchable = columns.find((c) => c.searchable && usable(c.name) && c.type !== 'uuid');
  return searchable ? { columns: [searchable.name], template: `{${searchable.name}}` } : undefined;
}

/** The label of one row, from values of the label's columns; undefined when all of them are empty. */
export function formatRecordLabel(label: { columns: string[]; template: string }, row: Record<string, unknown>): string | undefined {
  if (label.columns.every((c) => row[c] === null || row[c] === undefined || row[c] === '')) return undefined;
  const text = label.template
    .replace(PLACEHOLDER, (_, name: string) => (row[name] === null || row[name] === undefined ? '' : String(row[name])))
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
