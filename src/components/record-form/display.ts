import type { ResolvedColumn } from '@admin-hub/engine/resources/types';
import { NULL_VALUE } from './values';

/** A form value as words, for the conflict screen: "empty", "yes"/"no", one array item per line. */
export function describeFormValue(column: Pick<ResolvedColumn, 'type'>, value: string | undefined): string {
  if (value === NULL_VALUE) return 'empty (NULL)';
  if (value === undefined || value === '') return 'empty';
  if (column.type === 'boolean') return value === 'true' ? 'yes' : 'no';
  if (column.type === 'datetime') {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime())
      ? value
      : `${instant
          .toISOString()
          .replace('T', ' ')
          .replace(/\.000Z$|Z$/, '')} UTC`;
  }
  return value;
}

/** How the page names one record: its key values, the way an operator would type them. */
export { displayRecordId as displayId } from '@admin-hub/engine/shared/record-id';
