import { PALETTE_WORDS, type PaletteCommand, type PaletteWord } from './palette-types';

/*
 * The palette's recent items: what the operator opened from it last, newest first, kept in
 * this browser's localStorage (never sent anywhere). Only labels and hub paths are stored.
 */

const KEY = 'hub:palette-recent';
const MAX = 6;

type Stored = Pick<PaletteCommand, 'label' | 'href' | 'hint' | 'say' | 'hintIsDomainWord'>;

/** A command's words as stored, kept only when they are the palette's own (so the label follows the operator's language). */
function sayOf(say: unknown): PaletteCommand['say'] {
  if (!say || typeof say !== 'object') return undefined;
  const { key, values } = say as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || !(PALETTE_WORDS as readonly string[]).includes(key)) return undefined;
  if (values === undefined) return { key: key as PaletteWord };
  if (!values || typeof values !== 'object' || Object.values(values).some((v) => typeof v !== 'string')) return undefined;
  return { key: key as PaletteWord, values: values as Record<string, string> };
}

export function readRecent(): PaletteCommand[] {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((p): p is PaletteCommand => typeof p?.label === 'string' && typeof p?.href === 'string' && p.href.startsWith('/') && !p.href.startsWith('//'))
      .slice(0, MAX)
      .map((p) => ({
        id: `recent:${p.href}`,
        label: p.label,
        href: p.href,
        hint: typeof p.hint === 'string' ? p.hint : undefined,
        ...(sayOf(p.say) ? { say: sayOf(p.say) } : {}),
        ...(p.hintIsDomainWord === true ? { hintIsDomainWord: true } : {}),
      }));
  } catch {
    return [];
  }
}

export function rememberRecent(item: Stored): void {
  try {
    const rest = readRecent().filter((r) => r.href !== item.href);
    const stored = ({ label, href, hint, say, hintIsDomainWord }: Stored): Stored => ({ label, href, hint, say, hintIsDomainWord });
    const next = [stored(item), ...rest.map(stored)].slice(0, MAX);
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage disabled or full: recent items are a convenience
  }
}
