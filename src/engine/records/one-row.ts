import type { Resource } from '../resources/types';
import { AmbiguousRecordError } from './errors';

/**
 * The one row a record id names, undefined for none; more than one is refused. A table's key
 * names one row, but a view or a key the definition chose may not, and a write through such an
 * id would change (and a delete remove) rows the audit entry never names. Thrown inside the
 * write's transaction, the refusal rolls everything back and nothing is audited.
 */
export function exactlyOneRow<T>(resource: Pick<Resource, 'title'>, rows: T[]): T | undefined {
  if (rows.length > 1) throw new AmbiguousRecordError(resource.title);
  return rows[0];
}
