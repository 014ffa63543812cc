/*
 * Names in words, derived from the database's own: a table's URL segment and title, a
 * column's header. Shared by definitions (what they leave out) and introspection.
 */

/** Words a schema writes in lower case that people write in capitals. */
const ACRONYMS = new Set([
  'id',
  'url',
  'uri',
  'api',
  'ip',
  'uuid',
  'sku',
  'vip',
  'vat',
  'eur',
  'usd',
  'krw',
  'html',
  'css',
  'json',
  'sql',
  'csv',
  'pdf',
  'isbn',
  'ean',
  'sms',
  'otp',
]);

/** "created_at" → "Created at", "vip" → "VIP", "price_eur" → "Price EUR". */
export function humanize(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .trim()
    .split(/(\s+)/)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join('');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

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
