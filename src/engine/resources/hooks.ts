import type { Operator } from '../auth/operator';
import type { Tx } from '../db/query';
import { ResourceDefinitionError } from './errors';
import type { ColumnDef, ColumnType, ResourceDef } from './types';

/*
 * The types of a definition's `validate` and write hooks (ResourceDef.validate, ResourceDef.hooks),
 * typed by the table's row: the generated row type of its domain (`npm run introspect -- <domain>
 * --types`, see rows.ts) when there is one, else the definition's own columns. `values.slug` is
 * known, `values.slgu` is a compile error, and an enum column's value is one of its labels. The
 * engine runs them (records/write-hooks.ts) inside the write's audited transaction.
 */

/**
 * A column's value as `validate` and the hooks see it: what the value model made of the input
 * (engine/values), or what the database returned. The database's own text wherever a JS value
 * would round or lose something (bigint, numeric, dates and times, JSON as its text, bytea as
 * hex), numbers for int2/int4 (and floats), booleans, arrays. NULL is `null`.
 */
export type ColumnValue<T extends ColumnType = ColumnType> = T extends 'integer'
  ? number
  : T extends 'boolean'
    ? boolean
    : T extends 'array'
      ? unknown[]
      : T extends 'number' | 'money_cents'
        ? string | number
        : string;

/** One column's value: an enum's options when the definition lists them `as const`, else by type. */
type ValueOf<C extends ColumnDef> = C extends { type: 'enum'; options: readonly (infer O extends string)[] }
  ? O
  : ColumnValue<C extends { type: infer T extends ColumnType } ? T : ColumnType>;

/** A row as the database holds it, by column name, typed by a definition's columns. */
export type RowValues<C extends ColumnDef = ColumnDef> = { -readonly [K in C as K['name']]: ValueOf<K> | null };

/** Any row type: column name → value (a generated row type, or RowValues of some columns). */
export type AnyRow = object;

/** The values a write gives, by column name: a create's given columns, an edit's changed ones (absent = not given / unchanged). */
export type Writes<R extends AnyRow> = { -readonly [K in keyof R]?: R[K] | null };

/** WriteValues typed by a definition's columns. */
export type WriteValues<C extends ColumnDef = ColumnDef> = Writes<RowValues<C>>;

/**
 * Messages by column name, shown under the fields, and `_form` for the form as a whole; a key
 * with no message (`undefined`, '') is no problem. The same shape the engine's own checks report.
 */
export type FieldErrors<Name extends string = string> = { [K in Name | '_form']?: string | undefined };

export type SaveAction = 'create' | 'update';
/** `delete` is a soft delete (the row goes to the trash); `hardDelete` deletes it for good. */
export type DeleteAction = 'delete' | 'hardDelete';

interface HookContextBase {
  /** The write's transaction: what a hook does here commits with the write and its audit entry, or not at all. */
  tx: Tx;
  operator: Operator;
}

export interface ValidateContext<R extends AnyRow = RowValues> extends HookContextBase {
  action: SaveAction;
  /** The row as it is now, locked for this write (update); `undefined` on create. */
  row: R | undefined;
}

export interface BeforeSaveContext<R extends AnyRow = RowValues> extends ValidateContext<R> {
  /** The values about to be written, validated: change them here (or return new ones) to write something else. */
  values: Writes<R>;
}

export interface AfterSaveContext<R extends AnyRow = RowValues> extends HookContextBase {
  action: SaveAction;
  /** The row before the write (update); `undefined` on create. */
  row: R | undefined;
  /** The row as written (every column, as the database returned it), not yet committed. */
  values: R;
}

export interface BeforeDeleteContext<R extends AnyRow = RowValues> extends HookContextBase {
  action: DeleteAction;
  /** The row about to be deleted, locked. */
  row: R;
}

/**
 * Code run inside the write's audited transaction (Django's `save_model` / `delete_model`,
 * Payload's `beforeChange` / `afterChange` / `beforeDelete`). A `HubError` thrown here refuses
 * the write in words (`fieldError('slug', 'Already taken.')` puts it under the field); anything
 * else is an unexpected error. Either way nothing is written and nothing is logged as done.
 * Run for creates and edits (reverts included) and for soft and hard deletes, also per row of a
 * bulk action; not for restores or custom actions (an action is code of its own).
 */
export interface ResourceHooks<R extends AnyRow = RowValues> {
  /** After `validate`, before the INSERT or UPDATE: change `values` (or return the values to write). */
  beforeSave?(context: BeforeSaveContext<R>): void | Writes<R> | Promise<void | Writes<R>>;
  /** After the INSERT or UPDATE, before COMMIT: the row as written; a throw rolls the write back. */
  afterSave?(context: AfterSaveContext<R>): void | Promise<void>;
  /** After the row is locked, before it is deleted (soft or for good): throw to refuse. */
  beforeDelete?(context: BeforeDeleteContext<R>): void | Promise<void>;
}

/**
 * ResourceDef.validate: runs on every create and edit after the value model parsed the input,
 * inside the transaction (an edit's row locked), before `beforeSave` and the SQL. Its messages
 * are shown with the engine's own, all at once; a field the value model already refused keeps
 * its own message and is absent from `values`.
 */
export type ValidateFunction<R extends AnyRow = RowValues> = (
  values: Writes<R>,
  context: ValidateContext<R>,
) => FieldErrors<keyof R & string> | void | Promise<FieldErrors<keyof R & string> | void>;

/** The hooks of a resolved resource (Resource.hooks): server only, never sent to the browser. */
export interface WriteHooks extends ResourceHooks {
  validate?: ValidateFunction;
}

const HOOK_NAMES = ['beforeSave', 'afterSave', 'beforeDelete'] as const;

/** A definition's `validate` and `hooks`, checked at start-up (a hook that is not a function, an unknown hook's name). */
export function resolveWriteHooks(id: string, def: Pick<ResourceDef<string, ColumnDef, AnyRow>, 'validate' | 'hooks' | 'readOnly'>): WriteHooks {
  const out: WriteHooks = {};
  if (def.validate !== undefined) {
    if (typeof def.validate !== 'function') throw new ResourceDefinitionError(id, 'validate must be a function of (values, context).');
    out.validate = def.validate as ValidateFunction;
  }
  for (const [name, hook] of Object.entries(def.hooks ?? {})) {
    if (!(HOOK_NAMES as readonly string[]).includes(name))
      throw new ResourceDefinitionError(id, `unknown hook "${name}": the hooks are ${HOOK_NAMES.join(', ')}.`);
    if (hook === undefined) continue;
    if (typeof hook !== 'function') throw new ResourceDefinitionError(id, `hook ${name} must be a function of (context).`);
    out[name as (typeof HOOK_NAMES)[number]] = hook as never;
  }
  return out;
}
