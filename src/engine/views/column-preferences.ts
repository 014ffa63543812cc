import { authorize } from '../auth/access';
import { say } from '../i18n/say';
import type { Operator } from '../auth/operator';
import { execute, query } from '../db/query';
import type { Resource } from '../resources/types';
import { SavedViewInputError } from './errors';

/*
 * The columns an operator last chose for a list, used when the list's URL names none. Stored
 * only when they differ from the definition's default columns: an operator who goes back to
 * the defaults keeps following the definition as it changes.
 */

/** The remembered columns still in the resource, or undefined (none kept, or none left). */
export async function rememberedColumns(operator: Operator, resource: Resource): Promise<string[] | undefined> {
  const [row] = await query<{ columns: string[] }>(
    'hub',
    'SELECT "columns" FROM "hub_list_preferences" WHERE "operator_id" = $1 AND "domain" = $2 AND "resource" = $3',
    [operator.id, resource.domain, resource.name],
  );
  // A column since removed from the definition is dropped quietly instead of breaking the list.
  const kept = row?.columns.filter((name) => resource.columns.some((c) => c.name === name)) ?? [];
  return kept.length > 0 ? kept : undefined;
}

const defaultColumns = (resource: Resource) => resource.columns.filter((c) => c.list).map((c) => c.name);

/**
 * Remembers a list's `cols` parameter ("a,b,c"; empty: the defaults). One statement, which
 * writes only when the choice changed, so calling it on every list page costs a lookup.
 */
export async function rememberColumns(operator: Operator, resource: Resource, cols: string): Promise<void> {
  authorize(operator, resource, 'read');
  const names = [...new Set(cols.split(',').filter(Boolean))];
  const unknown = names.filter((n) => !resource.columns.some((c) => c.name === n));
  if (unknown.length > 0)
    throw new SavedViewInputError(say('views.unknownColumns', { title: resource.title, names: unknown.map((u) => u.slice(0, 60)).join(', ') }));
  const key = [operator.id, resource.domain, resource.name];
  const defaults = defaultColumns(resource);
  if (names.length === 0 || (names.length === defaults.length && names.every((n, i) => n === defaults[i]))) {
    await execute('hub', 'DELETE FROM "hub_list_preferences" WHERE "operator_id" = $1 AND "domain" = $2 AND "resource" = $3', key);
    return;
  }
  await execute(
    'hub',
    `INSERT INTO "hub_list_preferences" ("operator_id", "domain", "resource", "columns") VALUES ($1, $2, $3, $4::text[])
     ON CONFLICT ("operator_id", "domain", "resource") DO UPDATE SET "columns" = EXCLUDED."columns", "updated_at" = now()
     WHERE "hub_list_preferences"."columns" IS DISTINCT FROM EXCLUDED."columns"`,
    [...key, names],
  );
}
