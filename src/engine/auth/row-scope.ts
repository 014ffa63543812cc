import { quoteIdent, type Params } from '../list/sql';
import { say } from '../i18n/say';
import type { Resource, RowCondition, RowScope, ScopeCondition, ScopeValue } from '../resources/types';
import type { Operator } from './operator';

/*
 * Row scopes: the rows of a resource one operator may see and change (ResourceDef.scope). The
 * definition's function is called with the operator; what it returns is checked against the
 * resource's columns and becomes conditions ANDed into every statement that reads or writes the
 * resource's rows (`Resource.scope`, rendered here): identifiers quoted from the definition,
 * values as $n parameters, compared in the column's own type by PostgreSQL.
 */

/** A scope the definition got wrong: a programming error, so it fails closed (the request fails, nothing is shown). */
export class RowScopeError extends Error {
  constructor(resource: Resource, message: string) {
    super(`Row scope of ${resource.domain}/${resource.name}: ${message}`);
    this.name = 'RowScopeError';
  }
}

/** At most this many values in one `in` list (a scope is a rule about an operator, not a list of rows). */
const MAX_VALUES = 10_000;

function checkValue(resource: Resource, column: string, value: unknown): ScopeValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new RowScopeError(
    resource,
    `the value for "${column}" must be a string, a finite number or a boolean (got ${value === null ? 'null' : typeof value}).`,
  );
}

function checkCondition(resource: Resource, condition: RowCondition): ScopeCondition {
  if (typeof condition !== 'object' || condition === null) throw new RowScopeError(resource, 'each condition must be { column, equals } or { column, in }.');
  const { column } = condition;
  // A computed column is an expression, not a column a statement can compare by name: not a scope's.
  const columns = resource.columns.filter((c) => c.sql === undefined);
  if (typeof column !== 'string' || !columns.some((c) => c.name === column)) {
    throw new RowScopeError(resource, `"${String(column)}" is not a column of ${resource.title}; use one of: ${columns.map((c) => c.name).join(', ')}.`);
  }
  const hasEquals = 'equals' in condition;
  const hasIn = 'in' in condition;
  if (hasEquals === hasIn) throw new RowScopeError(resource, `the condition on "${column}" needs exactly one of equals or in.`);
  if (hasEquals) return { column, value: checkValue(resource, column, condition.equals) };
  const values = condition.in;
  if (!Array.isArray(values)) throw new RowScopeError(resource, `"in" on "${column}" must be a list of values.`);
  if (values.length > MAX_VALUES) throw new RowScopeError(resource, `"in" on "${column}" holds ${values.length} values; at most ${MAX_VALUES}.`);
  return { column, values: values.map((v: unknown) => checkValue(resource, column, v)) };
}

/** The operator's conditions from the definition's scope function, checked; none when it returns undefined. */
export function resolveRowScope(operator: Operator, resource: Resource): ScopeCondition[] {
  if (!resource.rowScope) return [];
  const scope: RowScope | undefined = resource.rowScope(operator);
  if (scope === undefined || scope === null) return [];
  const list: readonly RowCondition[] = Array.isArray(scope) ? scope : [scope as RowCondition];
  return list.map((condition) => checkCondition(resource, condition));
}

/** The conditions as SQL, each value a parameter; `qualifier` names the table when the statement has several. */
export function scopeSql(scope: readonly ScopeCondition[], params: Params, qualifier?: string): string[] {
  const prefix = qualifier ? `${quoteIdent(qualifier)}.` : '';
  return scope.map((s) =>
    s.values !== undefined
      ? // An empty list: no row is in scope (= ANY of an empty array is false, never NULL-true).
        `${prefix}${quoteIdent(s.column)} = ANY(${params.add(s.values)})`
      : `${prefix}${quoteIdent(s.column)} = ${params.add(s.value)}`,
  );
}

/**
 * `, (<condition>) IS TRUE AS "__scope0", …` for a select list: whether the row just written is
 * still inside each condition of the scope, in PostgreSQL's own comparison (NULL = outside).
 */
export function scopeChecksSql(scope: readonly ScopeCondition[], params: Params): string {
  return scope.map((s, i) => `, (${scopeSql([s], params)[0]}) IS TRUE AS ${quoteIdent(`__scope${i}`)}`).join('');
}

/**
 * The refusal of a write whose row would be outside the operator's scope (a create, or an
 * update that moves it away), on the field of the first condition it fails; undefined when
 * the row is inside. Nothing of the row is said beyond what the operator typed.
 */
export function outOfScopeError(resource: Resource, row: Record<string, unknown>): { field: string; message: string } | undefined {
  const failed = resource.scope.findIndex((_, i) => row[`__scope${i}`] !== true);
  if (failed < 0) return undefined;
  const condition = resource.scope[failed]!;
  const label = resource.columns.find((c) => c.name === condition.column)?.label ?? condition.column;
  const allowed = (condition.values ?? [condition.value]).map(String);
  const title = resource.title.toLowerCase();
  const message =
    allowed.length === 0
      ? say('records.noneInScope', { title })
      : allowed.length <= 10
        ? say('records.scopeValue', { label, count: allowed.length, allowed: allowed.join(', '), title })
        : say('records.scopeValues', { label });
  return { field: condition.column, message };
}
