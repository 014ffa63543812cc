/**
 * The renderers a column definition may name, with the options each takes (plain JSON only:
 * the resource reaches the browser as data through toClientResource, so a renderer is chosen
 * by name and implemented here, on the UI side):
 *
 *   { name: 'status', type: 'enum', options: […], cell: { kind: 'badge', tones: { paid: 'success' } } }
 *   { name: 'bio', type: 'longtext', display: 'markdown', input: 'markdown' }
 *
 * `cell` (the list) and `display` (the record page) name a value renderer (`ValueRenderers`),
 * `input` a form widget (`InputWidgets`). The names reach the engine's types through HubTypes
 * (declaration merging, as src/admin/domains.ts does for domains), so a misspelt name or option
 * does not compile. To add one: a key here with its options, and its component in
 * ./value-renderers.tsx or ../record-form/fields/registry.ts (the compiler asks for both).
 */

/** The kit's badge variants (components/ui/badge.tsx), for a badge renderer's tones. */
export type Tone = 'default' | 'secondary' | 'outline' | 'success' | 'warning' | 'destructive';

/** Value renderers for `cell` and `display`, by name → their options. */
export interface ValueRenderers {
  /** The value as a badge; `tones` colours some values (`{ paid: 'success', cancelled: 'destructive' }`), others are `outline`. */
  badge: { tones?: Readonly<Record<string, Tone>> };
  /** A number as an amount of money: `cents` when the column holds cents; `currency` defaults to the column's, then EUR. */
  money: { currency?: string; cents?: boolean };
  /** A number as a bar from 0 to `max` (default 100), its value beside it. */
  progress: { max?: number };
  /** A web address (http, https or mailto) as a link opened in a new tab; `label` replaces the address as its text. */
  link: { label?: string };
  /** An image's http(s) address shown as the image, `size` pixels high (default 32 in a list, 160 on the record page). */
  image: { size?: number; alt?: string };
  /** Markdown text rendered (a safe subset, never HTML); in a list, its first line as text. */
  markdown: Record<never, never>;
}

/** Form widgets for `input`, by name → their options. */
export interface InputWidgets {
  /** A textarea with Write / Preview tabs. */
  markdown: Record<never, never>;
  /** A plain multi-line input, `rows` high (default 6), for a text column shown on one line otherwise. */
  textarea: { rows?: number };
  /** A colour picker beside its #rrggbb text. */
  color: Record<never, never>;
}

export type ValueRendererName = keyof ValueRenderers;
export type InputWidgetName = keyof InputWidgets;

// Tells the engine's types about them (declaration merging: the engine never imports this file).
declare module '@/engine/config/current' {
  interface HubTypes {
    valueRenderers: ValueRenderers;
    inputWidgets: InputWidgets;
  }
}
