export { resourceBaseName, titleFor } from '../resources/words';

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
