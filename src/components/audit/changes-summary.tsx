/** "name: Grace → Grace Hopper; age: 40 → 41" — the first few changed columns of an entry. */
export function changesSummary(changes: unknown, max = 3): string {
  if (!changes || typeof changes !== 'object') return '';
  const { before, after } = changes as { before?: Record<string, unknown>; after?: Record<string, unknown> };
  const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v)).slice(0, 40);
  const keys = Object.keys(after ?? before ?? {});
  const parts = keys.slice(0, max).map((k) => (before && after ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show((after ?? before)![k])}`));
  return parts.join('; ') + (keys.length > max ? ` (+${keys.length - max} more)` : '');
}
