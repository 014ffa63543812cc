import { humanize } from '../resources/define';

/** "OrderItems" / "order_items" / "Order Items" → "order-items". */
function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The URL segment for a table: its name in kebab-case, prefixed by its schema unless that
 * is public (`audit.events` → "audit-events"). Resource names must start with a letter, so a
 * name that does not (or has no ASCII letters at all) gets a "t-" prefix or becomes "table".
 */
export function resourceBaseName(schema: string, table: string): string {
  const base = kebab(schema === 'public' ? table : `${schema}_${table}`);
  if (base === '') return 'table';
  return /^[a-z]/.test(base) ? base : `t-${base}`;
}

/** "audit-events" → "Audit events". */
export function titleFor(baseName: string): string {
  return humanize(baseName.replace(/-/g, '_'));
}

/**
 * Hands out resource names, numbering repeats: `public.audit_events` and `audit.events`
 * both want "audit-events"; the one met first keeps it, the other becomes "audit-events-2".
 */
export class NameRegistry {
  private readonly used = new Set<string>();

  take(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}-${n}`;
    this.used.add(name);
    return name;
  }
}
