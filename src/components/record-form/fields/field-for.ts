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
import type { FieldComponent, FormTranslator } from './types';
import type { Formatter } from '@/components/renderers/exact-number';

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

/** A line under the field saying what it expects, when the input alone does not, in the page's language. */
export function hintFor(column: ResolvedColumn, mode: 'create' | 'update', { t, format }: { t: FormTranslator; format: Formatter }): string | undefined {
  const parts: string[] = [];
  if (column.secret) return mode === 'update' ? t('hint.secretUpdate') : t('hint.secretCreate');
  if (column.type === 'money_cents') parts.push(t('hint.cents', { amount: formatCents(format, '1999', column.currency) ?? '19.99' }));
  if ((column.type === 'bigint' || column.type === 'integer') && !column.references) parts.push(t('hint.wholeNumber'));
  if (column.type === 'number') parts.push(t('hint.decimal'));
  if (column.type === 'timestamp') parts.push(t('hint.timestamp'));
  if (column.type === 'bytes') parts.push(t('hint.bytes', { size: formatSize(MAX_FORM_BYTES) }));
  if (column.type === 'json') parts.push(t('hint.json'));
  if (column.maxLength) parts.push(t('hint.maxLength', { max: column.maxLength }));
  if (mode === 'create' && !isRequired(column, mode)) {
    // Only a definition that says `required: false` leaves a NOT NULL column without a default here.
    parts.push(column.hasDefault ? t('hint.tableDefault') : column.nullable ? t('hint.optional') : t('hint.maybeDefault'));
  }
  return parts.length ? parts.join(' ') : undefined;
}
