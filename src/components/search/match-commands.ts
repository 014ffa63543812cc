import type { PaletteCommand } from './palette-types';

/** Commands whose label, hint or keywords contain every word typed (any order, any case). */
export function matchCommands(commands: PaletteCommand[], term: string): PaletteCommand[] {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return commands;
  return commands.filter((c) => {
    const haystack = [c.label, c.hint ?? '', ...(c.keywords ?? [])].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
