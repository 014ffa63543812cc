import type { ResolvedColumn } from '@admin-hub/engine/resources/types';
import { preciseMoment } from '@/components/renderers/date-time';
import type { Formatter } from '@/components/renderers/exact-number';
import type { FormTranslator } from './fields/types';
import { NULL_VALUE } from './values';

/** Fractional seconds beyond milliseconds: a JS Date would drop them. */
const SUB_MILLISECOND = /\.\d{4,}/;

/**
 * A form value as words in the page's language, for the conflict screen: "empty", "yes"/"no",
 * one array item per line; a date-time in the operator's time zone, with the zone named. A
 * date-time with more than millisecond precision is shown as the database's text, every digit
 * kept, rather than through a Date.
 */
export function describeFormValue(
  column: Pick<ResolvedColumn, 'type'>,
  value: string | undefined,
  { t, format }: { t: FormTranslator; format: Formatter },
): string {
  if (value === NULL_VALUE) return t('value.null');
  if (value === undefined || value === '') return t('value.empty');
  if (column.type === 'boolean') return value === 'true' ? t('value.yes') : t('value.no');
  if (column.type === 'datetime') {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime()) || SUB_MILLISECOND.test(value)) return value;
    return format.dateTime(instant, preciseMoment(instant));
  }
  return value;
}

/** How the page names one record: its key values, the way an operator would type them. */
export { displayRecordId as displayId } from '@admin-hub/engine/shared/record-id';
