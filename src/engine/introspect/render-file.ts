import { withDefaultNames } from '../resources/define';
import type { ResourceDef } from '../resources/types';
import { quote, renderValue } from './render-value';

export interface RenderOptions {
  /** One line per resource name, printed as a comment above its definition. */
  notes?: Record<string, string>;
  /** The domains named in src/admin/domains.ts (handed in by the introspect tool): their files use defineResource. */
  knownDomains?: readonly string[];
  /**
   * `overlay` (what `npm run introspect` writes): definitions that say only what the catalog does
   * not (to-overlay.ts); `full` (`--full`): every column with its type, nullability and defaults.
   * Only the header's words differ: the definitions are rendered as given. Default: full.
   */
  form?: 'overlay' | 'full';
}

/** "blog" → "blogResources", "field_ops" → "fieldOpsResources". */
export function exportNameFor(domain: string): string {
  return `${domain.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Resources`;
}

function header(domain: string, known: boolean, form: 'overlay' | 'full'): string[] {
  const lines =
    form === 'overlay'
      ? [
          '/**',
          ` * Resource definitions for the "${domain}" domain, generated from its database catalog by`,
          ` * \`npm run introspect -- ${domain}\`. Each says only what the catalog does not: the hub reads`,
          ' * the columns, their types, nullability, defaults, keys, foreign keys and enum values from',
          ' * the catalog at start (definitions as an overlay), so a migration needs no edit here. A',
          ' * starting point: review titles, searchable columns and filters, add labels and masks, then',
          ' * keep this file as your own (regenerating overwrites it).',
          ' *',
        ]
      : [
          '/**',
          ` * Resource definitions for the "${domain}" domain, generated from its database catalog by`,
          ` * \`npm run introspect -- ${domain} --full\`. A starting point: review labels, searchable columns,`,
          ' * readOnly flags and filters, then keep this file as your own (regenerating overwrites it).',
          ' *',
        ];
  if (known) {
    lines.push(' * Each definition goes through defineResource, which checks the domain against the known');
    lines.push(' * domains in src/admin/domains.ts and every field against ResourceDef.');
  } else {
    // Why no cast: defineResource only accepts the domains of src/admin/domains.ts, and a cast
    // (`as never`, `as KnownDomain`) would compile but hide real mistakes. A type annotation
    // checks every field of every definition the same way, with the domain's own name as type.
    lines.push(` * "${domain}" is not one of the known domains in src/admin/domains.ts, and defineResource accepts`);
    lines.push(` * only those, so the list is typed ResourceDef<'${domain}'>[] instead: every field is still`);
    lines.push(` * checked. Once "${domain}" is added to knownDomains, wrap each object in defineResource(…).`);
  }
  lines.push(' */');
  return lines;
}

/** A note goes into a // comment: one line, nothing that could end it early. */
function commentLine(note: string): string {
  return `  // ${note.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

/**
 * A TypeScript module exporting `<domain>Resources`, the given definitions in order. It
 * compiles under the project's tsconfig whatever the domain (see the header it writes).
 */
export function renderDefinitionFile(domain: string, defs: readonly ResourceDef<string>[], options: RenderOptions = {}): string {
  // The hub's own rule for domain names (load-config): the name goes into identifiers and comments.
  if (!/^[a-z][a-z0-9_]*$/.test(domain)) throw new Error(`"${domain}" is not a valid domain name.`);
  const known = options.knownDomains?.includes(domain) ?? false;
  if (known && options.form === 'overlay') return renderShortFile(domain, defs, options);
  const lines = header(domain, known, options.form ?? 'full');
  lines.push(
    known ? "import { defineResource } from '@admin-hub/engine/resources/define';" : "import type { ResourceDef } from '@admin-hub/engine/resources/types';",
  );
  lines.push('');
  const exportName = exportNameFor(domain);
  lines.push(known ? `export const ${exportName} = [` : `export const ${exportName}: ResourceDef<${quote(domain)}>[] = [`);
  defs.forEach((def, i) => {
    if (i > 0) lines.push('');
    const note = options.notes?.[def.name];
    if (note) lines.push(commentLine(note));
    // A full definition's columns (an array of objects) print one per line; a short one may fit on a line.
    const block = renderValue(def, '  ');
    lines.push(known ? `  defineResource(${block}),` : `  ${block},`);
  });
  lines.push('];');
  return `${lines.join('\n')}\n`;
}

/**
 * The short form for a known domain: `const define = defineIn('<domain>')`, then one
 * `define('<table>', { … })` per table, leaving out the name and title the table gives anyway.
 */
function renderShortFile(domain: string, defs: readonly ResourceDef<string>[], options: RenderOptions): string {
  // The header without its last lines (they speak of defineResource), then why defineIn.
  const lines = header(domain, true, 'overlay').slice(0, -3);
  lines.push(
    ' * defineIn checks the domain against the known domains in src/admin/domains.ts and every field',
    ' * against ResourceDef; each definition is an overlay on the catalog, named after its table.',
    ' */',
  );
  lines.push("import { defineIn } from '@admin-hub/engine/resources/define';", '', `const define = defineIn(${quote(domain)});`, '');
  lines.push(`export const ${exportNameFor(domain)} = [`);
  defs.forEach((def, i) => {
    if (i > 0) lines.push('');
    const note = options.notes?.[def.name];
    if (note) lines.push(commentLine(note));
    const table = def.table.startsWith('public.') ? def.table.slice('public.'.length) : def.table;
    const named = withDefaultNames({ table });
    const rest = Object.fromEntries(Object.entries(def).filter(([key]) => !['domain', 'table', 'name', 'title'].includes(key)));
    const said = { ...(def.name === named.name ? {} : { name: def.name }), ...(def.title === named.title ? {} : { title: def.title }), ...rest };
    lines.push(Object.keys(said).length === 0 ? `  define(${quote(table)}),` : `  define(${quote(table)}, ${renderValue(said, '  ')}),`);
  });
  lines.push('];');
  return `${lines.join('\n')}\n`;
}
