import type { ReactNode } from 'react';

/**
 * Default rendering for a column without `render`: reads `row[key]` and turns database values
 * into text. Returns null for SQL NULL so the cell can show a muted dash instead.
 */
export function formatCellValue(row: unknown, key: string, invalidDate: string): ReactNode {
  if (row === null || typeof row !== 'object') return null;
  const value: unknown = (row as Record<string, unknown>)[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? invalidDate : value.toISOString();
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
