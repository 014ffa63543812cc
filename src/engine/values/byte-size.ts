/*
 * The size of a bytea value, as the list and record pages show it: no parsing and no refusals,
 * so the pages that only show sizes stay free of the values catalog's ICU formatter.
 */

/** Bytes in a hex text (`\x0a1b` → 2). */
export function byteLength(hex: string): number {
  return Math.max(0, (hex.length - 2) / 2);
}

/** "12 bytes", "3.4 KB", "1.2 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
