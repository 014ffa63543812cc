import type { PgLikeError } from '../db/errors';
import { say } from '../i18n/say';
import type { Resource } from '../resources/types';
import { DatabasePrivilegeError, RecordValidationError, WriteCollisionError } from './errors';

/** "Key (slug)=(hello) already exists." → ['slug'] */
function keyColumns(detail: string | undefined): string[] {
  const match = /Key \(([^)]+)\)=/.exec(detail ?? '');
  return match ? match[1]!.split(',').map((s) => s.trim().replace(/^"|"$/g, '')) : [];
}

function labelOf(resource: Resource, column: string): string {
  return resource.columns.find((c) => c.name === column)?.label.toLowerCase() ?? column;
}

/** The declared column a constraint is most likely about (its name usually contains it). */
function columnOfConstraint(resource: Resource, constraint: string | undefined): string | undefined {
  if (!constraint) return undefined;
  return [...resource.columns].sort((a, b) => b.name.length - a.name.length).find((c) => constraint.includes(c.name))?.name;
}

/**
 * Turns a database refusal into messages on the form's fields. The operator never sees the
 * SQL, the constraint's raw text or a stack: only what to change. Returns undefined for
 * errors that are not about the input (connection lost, timeouts): those stay errors.
 */
export function fieldErrorsFromDatabase(
  resource: Resource,
  error: unknown,
  action: 'write' | 'delete' = 'write',
): RecordValidationError | WriteCollisionError | DatabasePrivilegeError | undefined {
  const e = error as PgLikeError;
  switch (e?.code) {
    case '40P01':
      return new WriteCollisionError('deadlock');
    case '40001':
      return new WriteCollisionError('serialization');
    case '55P03':
      return new WriteCollisionError('lock');
    case '42501': {
      // "permission denied for table things": the relation, never the SQL.
      const relation = /permission denied for (?:table|relation|view|sequence) (\S+)/.exec(e.message)?.[1];
      return new DatabasePrivilegeError(relation ? `"${relation}"` : resource.title);
    }
    case '23505': {
      const columns = keyColumns(e.detail);
      const field = columns[0] ?? columnOfConstraint(resource, e.constraint) ?? '_form';
      const labels = columns.map((c) => labelOf(resource, c));
      const message =
        columns.length > 1
          ? say('records.combinationUsed', { what: labels.reduce((head, last) => say('records.namesAnd', { head, last })) })
          : say('records.alreadyUsed', { what: labelOf(resource, field) });
      return new RecordValidationError({ [field]: message });
    }
    case '23001': // ON DELETE/UPDATE RESTRICT: the same refusal as NO ACTION, said the same way.
    case '23503': {
      if (action === 'delete' || /is still referenced from table/.test(e.detail ?? '')) {
        const table = /referenced from table "([^"]+)"/.exec(e.detail ?? '')?.[1];
        return new RecordValidationError({}, table ? say('records.stillReferencedIn', { table }) : say('records.stillReferenced'));
      }
      const [column] = keyColumns(e.detail);
      const field = column ?? columnOfConstraint(resource, e.constraint) ?? '_form';
      return new RecordValidationError({ [field]: say('records.noSuchRow', { what: labelOf(resource, field) }) });
    }
    case '23502': {
      const field = e.column ?? '_form';
      return new RecordValidationError({ [field]: say('records.required') });
    }
    case '23514': {
      const field = columnOfConstraint(resource, e.constraint) ?? '_form';
      return new RecordValidationError({ [field]: say('records.checkRule', { rule: e.constraint ?? 'check' }) });
    }
    case '22001': {
      const field = e.column ?? '_form';
      const limit = /character varying\((\d+)\)/.exec(e.message)?.[1];
      return new RecordValidationError({ [field]: limit ? say('records.tooLongAtMost', { limit }) : say('records.tooLong') });
    }
    case '22003':
      // numeric field overflow / out of range for type: the column is not in the error (definitions that
      // state `precision` or `maxLength`, and introspected ones, catch this on the field first).
      return new RecordValidationError(e.column ? { [e.column]: say('records.tooLarge') } : {}, say('records.numberTooLarge'));
    case '22P02':
    case '22007':
    case '22008':
    case '23P01':
      return new RecordValidationError({}, say('records.badFormat'));
    default:
      // Any other data exception (class 22: a NUL byte, \u0000 in jsonb, a value a domain's
      // type refuses): the input, not the server, is at fault.
      if (typeof e?.code === 'string' && e.code.startsWith('22')) {
        return new RecordValidationError(e.column ? { [e.column]: say('records.cannotHold') } : {}, say('records.badFormat'));
      }
      return undefined;
  }
}
