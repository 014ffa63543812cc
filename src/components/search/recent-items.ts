import type { PaletteCommand } from './palette-types';

/*
 * The palette's recent items: what the operator opened from it last, newest first, kept in
 * this browser's localStorage (never sent anywhere). Only labels and hub paths are stored.
 */

const KEY = 'hub:palette-recent';
const MAX = 6;

export function readRecent(): PaletteCommand[] {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((p): p is PaletteCommand => typeof p?.label === 'string' && typeof p?.href === 'string' && p.href.startsWith('/') && !p.href.startsWith('//'))
      .slice(0, MAX)
      .map((p) => ({ id: `recent:${p.href}`, label: p.label, href: p.href, hint: typeof p.hint === 'string' ? p.hint : undefined }));
  } catch {
    return [];
  }
}

export function rememberRecent(item: { label: string; href: string; hint?: string }): void {
  try {
    const rest = readRecent().filter((r) => r.href !== item.href);
    const next = [{ label: item.label, href: item.href, hint: item.hint }, ...rest.map(({ label, href, hint }) => ({ label, href, hint }))].slice(0, MAX);
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage disabled or full: recent items are a convenience
  }
}
