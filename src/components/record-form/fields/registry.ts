import { MarkdownField } from './markdown-field';
import type { FieldComponent } from './types';

/**
 * Custom form fields by name. A column opts in with `input: '<name>'` in its definition
 * (src/admin/resources/*.ts); the component gets the same FieldProps as the built-in fields
 * and must keep `value` a string the column's input schema accepts.
 *
 * To add one: write a client component taking FieldProps, and register it here by name.
 */
const fields = new Map<string, FieldComponent>([['markdown', MarkdownField]]);

export function registerField(name: string, component: FieldComponent): void {
  fields.set(name, component);
}

export function customField(name: string | undefined): FieldComponent | undefined {
  return name === undefined ? undefined : fields.get(name);
}

export function registeredFields(): string[] {
  return [...fields.keys()];
}
