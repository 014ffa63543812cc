import type { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ColumnType, ResolvedColumn } from '@admin-hub/engine/resources/types';

/** What the form knows about the resource a foreign key points to (worked out by the page, on the server). */
export interface ReferenceInfo {
  /** URL name of the referenced resource. */
  resource: string;
  title: string;
  /** The referenced column (usually its primary key) and its type. */
  keyColumn: string;
  keyType: ColumnType;
  /** The first searchable text column the operator sees unmasked: shown next to the id. */
  labelColumn: string | undefined;
  /** The referenced resource has searchable columns (the list API accepts ?q=). */
  searchable: boolean;
  /** The operator may read it; otherwise the picker is a plain id input. */
  readable: boolean;
  /** The label of the row the field points to now, when it has one. */
  currentLabel?: string;
}

/** Every field, built-in or custom, gets these. `value` is the form string (see ../values.ts). */
export interface FieldProps {
  column: ResolvedColumn;
  /** The input's id: the label points at it. */
  id: string;
  /** The form field name (the column name); set it on the element that holds the value. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  invalid?: boolean;
  /**
   * The field must not be left empty (the form shows * and checks it; see isRequired in
   * engine/records/input-schema.ts). Set `aria-required` on the element that takes input.
   */
  required?: boolean;
  /** ids of the hint and error under the field, for aria-describedby. */
  describedBy?: string;
  mode: 'create' | 'update';
  domain: string;
  reference?: ReferenceInfo;
}

export type FieldComponent = (props: FieldProps) => ReactNode;

/** The form's words (`useTranslations('form')`), for helpers that word things outside a component. */
export type FormTranslator = ReturnType<typeof useTranslations<'form'>>;
