import { isRequired } from '@admin-hub/engine/records/input-schema';
import { formatSize, MAX_FORM_BYTES } from '@admin-hub/engine/values/bytes';
import type { ColumnType, ResolvedColumn } from '@admin-hub/engine/resources/types';
import {
  ArrayField,
  BooleanField,
  DateField,
  DecimalField,
  EnumField,
  formatCents,
  IntegerField,
  LongTextField,
  MoneyField,
  SecretField,
  TextField,
  TimestampField,
  UuidField,
} from './basic-fields';
import { BytesField } from './bytes-field';
import { DatetimeField } from './datetime-field';
import { JsonField } from './json-field';
import { ReferenceField } from './reference-field';
import { customField } from './registry';
import type { FieldComponent } from './types';

const BY_TYPE: Record<ColumnType, FieldComponent> = {
  text: TextField,
  email: TextField,
  longtext: LongTextField,
  integer: IntegerField,
  bigint: DecimalField,
  number: DecimalField,
  money_cents: MoneyField,
  boolean: BooleanField,
  date: DateField,
  datetime: DatetimeField,
  timestamp: TimestampField,
  enum: EnumField,
  json: JsonField,
  array: ArrayField,
  uuid: UuidField,
  bytes: BytesField,
};

/** The field for a column: its custom renderer (`input`), a foreign-key picker, or the one for its type. */
export function fieldFor(column: Pick<ResolvedColumn, 'type' | 'input' | 'references' | 'secret'>): FieldComponent {
  if (column.secret) return SecretField;
  return customField(column.input?.kind) ?? (column.references ? ReferenceField : BY_TYPE[column.type]);
}

/** A line under the field saying what it expects, when the input alone does not. */
export function hintFor(column: ResolvedColumn, mode: 'create' | 'update'): string | undefined {
  const parts: string[] = [];
  if (column.secret) return mode === 'update' ? 'Write-only: type a new value to replace it; left empty, it is kept.' : 'Write-only: it is never shown again.';
  if (column.type === 'money_cents') parts.push(`In cents: 1999 means ${formatCents('1999', column.currency) ?? '19.99'}.`);
  if ((column.type === 'bigint' || column.type === 'integer') && !column.references) parts.push('A whole number.');
  if (column.type === 'number') parts.push('A decimal number, e.g. 3.14.');
  if (column.type === 'timestamp') parts.push('A date and time without time zone, kept as typed: 2025-01-31 12:00:00, up to 6 fractional digits.');
  if (column.type === 'bytes') parts.push(`A file of at most ${formatSize(MAX_FORM_BYTES)}, stored byte for byte.`);
  if (column.type === 'json') parts.push('Any JSON value: an object, array, string, number, true/false or null.');
  if (column.maxLength) parts.push(`At most ${column.maxLength} characters.`);
  if (mode === 'create' && !isRequired(column, mode)) {
    // Only a definition that says `required: false` leaves a NOT NULL column without a default here.
    parts.push(column.hasDefault ? 'Leave empty for the table’s default.' : column.nullable ? 'Optional.' : 'Empty: the table’s default, if it has one.');
  }
  return parts.length ? parts.join(' ') : undefined;
}
