import { englishOf, labelProblem, type Label } from './label';
import { ResourceDefinitionError } from './errors';
import type { ColumnDef, Fieldset, FieldsetDef, RendererRef, ResolvedColumn } from './types';

/**
 * A column's `cell`, `display` and `input` choices as the UI receives them, and the resource's
 * fieldsets checked against its columns. Renderers are chosen by name and implemented in the
 * UI (src/components/renderers): the engine only checks that what it passes on is plain data,
 * since the resource reaches the browser through toClientResource.
 */

const RENDERER_NAME = /^[a-z][a-z0-9-]{0,63}$/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON as JSON.stringify would keep it whole: no functions, classes, dates, undefined or non-finite numbers. */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 16) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  return isPlainObject(value) && Object.values(value).every((item) => isPlainJson(item, depth + 1));
}

/** `'badge'` or `{ kind: 'badge', …options }` → `{ kind, options }`; anything else fails at start-up, naming the column. */
export function resolveRenderer(resource: string, column: string, field: 'cell' | 'display' | 'input', choice: unknown): RendererRef | undefined {
  if (choice === undefined) return undefined;
  const kind = typeof choice === 'string' ? choice : isPlainObject(choice) ? choice.kind : undefined;
  if (typeof kind !== 'string' || !RENDERER_NAME.test(kind))
    throw new ResourceDefinitionError(resource, `column "${column}": ${field} must be a renderer's name or { kind: '<name>', …options }.`);
  if (typeof choice === 'string') return { kind, options: {} };
  const options: Record<string, unknown> = { ...(choice as Record<string, unknown>) };
  delete options.kind;
  if (!isPlainJson(options))
    throw new ResourceDefinitionError(resource, `column "${column}": the options of ${field} "${kind}" must be plain JSON (they are sent to the browser).`);
  return { kind, options: JSON.parse(JSON.stringify(options)) as Record<string, unknown> };
}

/** Fieldsets with their columns declared, each column in one at most, each with a title. */
export function resolveFieldsets(resource: string, given: readonly FieldsetDef[] | undefined, columns: readonly { name: string }[]): Fieldset[] {
  if (given === undefined) return [];
  if (!Array.isArray(given)) throw new ResourceDefinitionError(resource, 'fieldsets must be a list of { title, columns, description? }.');
  const names = new Set(columns.map((c) => c.name));
  const placed = new Map<string, string>();
  return given.map((set: FieldsetDef, i) => {
    const title = (englishOf(set?.title as Label) ?? '').trim();
    if (!title) throw new ResourceDefinitionError(resource, `fieldset ${i + 1} needs a title.`);
    if (!Array.isArray(set.columns) || set.columns.length === 0) throw new ResourceDefinitionError(resource, `fieldset "${title}" needs its columns.`);
    if (set.description !== undefined && labelProblem(set.description) !== undefined)
      throw new ResourceDefinitionError(resource, `fieldset "${title}": description must be text.`);
    for (const name of set.columns) {
      if (!names.has(name)) throw new ResourceDefinitionError(resource, `fieldset "${title}" names "${name}", which is not a column of the resource.`);
      const other = placed.get(name);
      if (other !== undefined) throw new ResourceDefinitionError(resource, `column "${name}" is in two fieldsets ("${other}" and "${title}"); put it in one.`);
      placed.set(name, title);
    }
    return { title, description: englishOf(set.description), columns: [...set.columns] };
  });
}

/** A column's renderers and help text, resolved (keys left out when the definition does not say them). */
export function resolveColumnExtras(
  resource: string,
  column: Pick<ColumnDef, 'name' | 'cell' | 'display' | 'input' | 'help'>,
): Pick<ResolvedColumn, 'input' | 'cell' | 'display' | 'help'> {
  if (column.help !== undefined && labelProblem(column.help) !== undefined)
    throw new ResourceDefinitionError(resource, `column "${column.name}": help ${labelProblem(column.help)}.`);
  const help = englishOf(column.help)?.trim();
  const cell = resolveRenderer(resource, column.name, 'cell', column.cell);
  const display = resolveRenderer(resource, column.name, 'display', column.display);
  return {
    input: resolveRenderer(resource, column.name, 'input', column.input),
    ...(cell ? { cell } : {}),
    ...(display ? { display } : {}),
    ...(help ? { help } : {}),
  };
}
