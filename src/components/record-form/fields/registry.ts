import type { InputWidgetName } from '@/components/renderers/names';
import { MarkdownField } from './markdown-field';
import type { FieldComponent } from './types';
import { ColorField, TextareaField } from './widgets';

/**
 * Form widgets by name. A column opts in with `input: '<name>'` (or `{ kind: '<name>', …options }`)
 * in its definition; the names are declared with their options in src/components/renderers/names.ts,
 * so a misspelt one does not compile. The component gets the same FieldProps as the built-in
 * fields (its options in `column.input.options`) and must keep `value` a string the column's
 * input schema accepts.
 *
 * To add one: declare its name and options in names.ts (InputWidgets), write a client component
 * taking FieldProps, and list it here (`satisfies` asks for every declared name).
 */
const fields = {
  markdown: MarkdownField,
  textarea: TextareaField,
  color: ColorField,
} satisfies Record<InputWidgetName, FieldComponent>;

/** The widget a column names, or undefined (no `input`, or a name this build does not know: the field for its type is used). */
export function customField(name: string | undefined): FieldComponent | undefined {
  return name !== undefined && Object.hasOwn(fields, name) ? fields[name as InputWidgetName] : undefined;
}

export function registeredFields(): InputWidgetName[] {
  return Object.keys(fields) as InputWidgetName[];
}
